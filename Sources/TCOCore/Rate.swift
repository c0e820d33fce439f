/// A rate of change as written: per year (effective annual) or per month.
public struct Rate: Sendable, Hashable {
    /// Fraction per period (−0.2 is −20 %).
    public var value: Double
    /// Whether the period is a month rather than a year.
    public var isMonthly: Bool

    /// Lowest rate a what-if may set: −99.9999 % (the format requires rates above −100 %).
    public static let lowestValue = -0.999999

    public init(_ value: Double, monthly: Bool = false) {
        self.value = value
        self.isMonthly = monthly
    }

    public static let zero = Rate(0)
}

