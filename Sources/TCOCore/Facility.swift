/// Power and space costs of self-hosted servers.
public struct Facility: Sendable, Hashable {
    /// Power usage effectiveness (≥ 1).
    public var pue: Double
    /// Electricity price per kWh as written (one value or a schedule; `electricityChange` goes on
    /// from each written value).
    public var electricityPerKilowattHour: Schedule<Double>
    /// Effective rate of change of the electricity price.
    public var electricityChange: Schedule<Rate>
    /// Colocation per kW of full-load server power per month: the value in force, no trend.
    public var colocationPerKilowattMonth: Schedule<Double>

    public init(
        pue: Double = 1, electricity: Schedule<Double>, electricityChange: Schedule<Rate> = .zero,
        colocation: Schedule<Double> = Schedule(0)
    ) {
        self.pue = pue
        self.electricityPerKilowattHour = electricity
        self.electricityChange = electricityChange
        self.colocationPerKilowattMonth = colocation
    }

    /// A facility with one price of each (the version 1 form).
    public init(
        pue: Double = 1, electricityPerKilowattHour: Double, electricityChange: Rate = .zero,
        colocationPerKilowattMonth: Double = 0
    ) {
        self.init(
            pue: pue, electricity: Schedule(electricityPerKilowattHour), electricityChange: Schedule(electricityChange),
            colocation: Schedule(colocationPerKilowattMonth))
    }
}
