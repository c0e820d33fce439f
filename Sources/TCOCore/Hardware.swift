/// A server type: what it costs, draws, and how long it lasts.
public struct Hardware: Sendable, Hashable {
    public var name: String
    /// GPUs per server (whole, ≥ 1).
    public var gpus: Int
    /// All-in purchase price per server, in the model's currency.
    public var price: Double
    /// Draw at full load, kW.
    public var power: Double
    /// Draw when idle, kW.
    public var idlePower: Double
    /// Depreciation life and replacement age, months.
    public var lifeMonths: Int
    /// Share of price recovered in cash when a server retires (fraction).
    public var residual: Double
    /// Maintenance per year as a share of price (fraction per year).
    public var maintenancePerYear: Double
    /// Months from order (payment) to service.
    public var leadTimeMonths: Int

    public init(
        name: String, gpus: Int, price: Double, power: Double, idlePower: Double? = nil, lifeMonths: Int,
        residual: Double = 0, maintenancePerYear: Double = 0, leadTimeMonths: Int = 0
    ) {
        self.name = name
        self.gpus = gpus
        self.price = price
        self.power = power
        self.idlePower = idlePower ?? power
        self.lifeMonths = lifeMonths
        self.residual = residual
        self.maintenancePerYear = maintenancePerYear
        self.leadTimeMonths = leadTimeMonths
    }
}

