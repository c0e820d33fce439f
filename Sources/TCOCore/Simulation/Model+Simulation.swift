extension Model {
    /// Holds the rules that tie two inputs after draws moved one of them: a server's idle power
    /// never above its full-load power (uncertainty.md: the second key is capped).
    public mutating func enforceLinkedBounds() {
        for index in hardware.indices where hardware[index].idlePower > hardware[index].power {
            hardware[index].idlePower = hardware[index].power
        }
    }
}

extension StrategyResult {
    /// The NPV comparisons are made on: NPV of cost (after tax, once a tax rate exists).
    public var comparedNPV: Double { npvCost }
}
