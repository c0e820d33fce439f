extension Model {
    /// Holds the rules that tie two inputs after draws moved one of them: a server's idle power
    /// never above its full-load power (uncertainty.md: the second key is capped).
    public mutating func enforceLinkedBounds() {
        for index in hardware.indices where hardware[index].idlePower > hardware[index].power {
            hardware[index].idlePower = hardware[index].power
        }
        for index in workloads.indices where workloads[index].cacheWrite > 1 - workloads[index].cachedInput {
            workloads[index].cacheWrite = Swift.max(0, 1 - workloads[index].cachedInput)
        }
    }
}

extension StrategyResult {
    /// The NPV comparisons are made on: NPV of cost after tax (before tax when the rate is 0).
    public var comparedNPV: Double { npvCostAfterTax }
}
