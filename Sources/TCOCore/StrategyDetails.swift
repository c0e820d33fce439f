/// The intermediate lines of one strategy's timeline, kept for the workbook, which shows every
/// step of the arithmetic (arrays have one value per month).
public struct StrategyDetails: Sendable, Hashable {
    /// One in-house serving option (self-hosted or rented) used by the strategy.
    public struct InHouse: Sendable, Hashable {
        public var option: String
        public var isRented: Bool
        /// Average busy GPUs `A`.
        public var averageBusyGPUs: [Double]
        /// GPUs needed at peak `N`.
        public var peakGPUs: [Double]
        /// Rented: GPUs paid (`ceil N`); self-hosted: servers needed (`ceil N / gpus`).
        public var unitsNeeded: [Int]
        /// Rented GPUs' cost.
        public var rentedCost: [Double]
        /// Self-hosted fleet: servers entering service, in service, and their cost lines.
        public var entering: [Int]
        public var inService: [Int]
        public var capex: [Double]
        public var residual: [Double]
        public var terminalValue: [Double]
        public var depreciation: [Double]
        public var maintenance: [Double]
        public var colocation: [Double]
        /// Fleet's average busy share `u`.
        public var busyShare: [Double]
        public var power: [Double]

        init(option: String, isRented: Bool, months: Int) {
            let zeros = [Double](repeating: 0, count: months), none = [Int](repeating: 0, count: months)
            self.option = option
            self.isRented = isRented
            (averageBusyGPUs, peakGPUs, rentedCost, capex, residual, terminalValue) = (zeros, zeros, zeros, zeros, zeros, zeros)
            (depreciation, maintenance, colocation, busyShare, power) = (zeros, zeros, zeros, zeros, zeros)
            (unitsNeeded, entering, inService) = (none, none, none)
        }
    }

    /// Requests of one workload sent to one API (routed, escalated and fallback), and their cost.
    public struct APIFlow: Sendable, Hashable {
        public var workload: String
        public var option: String
        public var requests: [Double]
        public var cost: [Double]
    }

    public var inHouse: [InHouse] = []
    public var apiFlows: [APIFlow] = []
}
