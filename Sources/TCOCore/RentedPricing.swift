/// What rented GPUs cost: an hourly price on demand, how the on-demand GPUs scale, and GPUs
/// reserved for a term at a fixed price.
public struct RentedPricing: Sendable, Hashable {
    /// Price of one GPU for one hour on demand, as written (`priceChange` goes on from each written value).
    public var gpuHour: Schedule<Double>
    public var priceChange: Schedule<Rate>
    public var scaling: Scaling
    /// Reserved GPUs, paid in every month of their term whether used or not.
    public var commitments: [Commitment]

    /// How many on-demand GPU-hours are paid.
    public enum Scaling: String, Sendable, Hashable {
        /// The GPUs needed at peak, all month.
        case peak
        /// Only the GPU-hours the load uses, at `max_utilization` (an autoscaler).
        case hourly
    }

    public init(
        gpuHour: Schedule<Double>, priceChange: Schedule<Rate> = .zero, scaling: Scaling = .peak,
        commitments: [Commitment] = []
    ) {
        self.gpuHour = gpuHour
        self.priceChange = priceChange
        self.scaling = scaling
        self.commitments = commitments
    }
}

/// GPUs reserved for a term at a price fixed by contract.
public struct Commitment: Sendable, Hashable {
    /// GPUs reserved (whole, ≥ 1).
    public var gpus: Int
    /// Price per GPU-hour, fixed (no price change).
    public var gpuHour: Double
    /// Month of the horizon of the term's first month (1 = `start`; 0 or less: before `start`).
    public var firstMonth: Int
    /// Months in the term (≥ 1).
    public var termMonths: Int

    public init(gpus: Int, gpuHour: Double, firstMonth: Int, termMonths: Int) {
        self.gpus = gpus
        self.gpuHour = gpuHour
        self.firstMonth = firstMonth
        self.termMonths = termMonths
    }

    /// Whether month `m` of the horizon is in the term.
    public func covers(month m: Int) -> Bool { m >= firstMonth && m - firstMonth < termMonths }
}
