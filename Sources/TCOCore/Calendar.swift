import RealModule

/// The fixed calendar of calculations.md ("Time").
public enum Calendar {
    /// Hours in a month: 8760 / 12.
    public static let hoursPerMonth = 730.0
    /// Seconds in a month: 730 × 3600.
    public static let secondsPerMonth = 2_628_000.0

    /// Factor of a rate of change in month `m` (1-based): `(1 + x)^((m − 1)/12)` for a yearly
    /// rate, `(1 + x)^(m − 1)` for a monthly one.
    public static func changeFactor(_ rate: Rate, month m: Int) -> Double {
        if rate.value == 0 { return 1 }
        let exponent = rate.isMonthly ? Double(m - 1) : Double(m - 1) / 12
        return Double.pow(1 + rate.value, exponent)
    }

    /// Discount factor of a cash flow at the end of month `m`: `(1 + r)^(−m/12)`.
    public static func discountFactor(annualRate r: Double, month m: Int) -> Double {
        if r == 0 { return 1 }
        return Double.pow(1 + r, -Double(m) / 12)
    }

    /// `ceil` that forgives floating-point noise: the smallest integer `n ≥ x − 10^-9`.
    /// Saturates at `countLimit` (and for NaN) instead of trapping; the loader refuses models whose
    /// forecast comes near it (`ModelBounds`), so only break-even searches far off the forecast see it.
    public static func tolerantCeiling(_ x: Double) -> Int {
        let n = (x - 1e-9).rounded(.up)
        if n <= 0 { return 0 }
        guard n < Double(countLimit) else { return countLimit }
        return Int(n)
    }

    /// Largest count (GPUs, servers) the solver represents: 10^15.
    public static let countLimit = 1_000_000_000_000_000
}
