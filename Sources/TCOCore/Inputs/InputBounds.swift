/// The values an input allows, in the unit the model stores (model-format.md, "Allowed values").
public struct InputBounds: Sendable, Hashable {
    public var lowest: Double
    public var highest: Double
    /// The bound itself is not allowed (a rate of change is above −100 %, power above 0 kW).
    public var lowestExclusive: Bool
    public var highestExclusive: Bool

    public init(_ lowest: Double, _ highest: Double = .infinity, lowestExclusive: Bool = false,
                highestExclusive: Bool = false) {
        self.lowest = lowest
        self.highest = highest
        self.lowestExclusive = lowestExclusive
        self.highestExclusive = highestExclusive
    }

    /// 0 to ∞.
    public static let nonNegative = InputBounds(0)
    /// Above 0.
    public static let positive = InputBounds(0, lowestExclusive: true)
    /// 0 % to 100 %.
    public static let share = InputBounds(0, 1)
    /// At least 1 (PUE, peak-to-average, counts of GPUs).
    public static let atLeastOne = InputBounds(1)
    /// A rate of change: above −100 % of its period.
    public static let rateOfChange = InputBounds(-1, lowestExclusive: true)

    /// Whether `value` is allowed.
    public func allows(_ value: Double) -> Bool {
        value.isFinite && (lowestExclusive ? value > lowest : value >= lowest)
            && (highestExclusive ? value < highest : value <= highest)
    }

    /// Where a moved or drawn value is clamped: into the range, and where a bound is not
    /// allowed, just inside it (−99.99 % for a rate of change, 99.99 % for a residual:
    /// uncertainty.md).
    public var clampRange: (low: Double, high: Double) {
        let low = lowestExclusive ? (lowest == -1 ? -0.9999 : lowest + 1e-9) : lowest
        let high = highestExclusive ? (highest == 1 ? 0.9999 : highest - 1e-9) : highest
        return (low, high)
    }

    /// `value` clamped into `clampRange`.
    public func clamped(_ value: Double) -> Double {
        let range = clampRange
        return Swift.min(Swift.max(value, range.low), range.high)
    }
}
