import RealModule

/// What we believe about an uncertain input: a range, drawn from in each Monte Carlo run.
public enum Distribution: Sendable, Hashable {
    /// `A to B`: a 90 % interval — below `low` in 5 % of runs and above `high` in 5 %. Lognormal
    /// when `low > 0`, else normal (Squiggle's convention).
    case interval(low: Double, high: Double)
    /// `triangular(low, mode, high)`.
    case triangular(low: Double, mode: Double, high: Double)
    /// `uniform(low, high)`.
    case uniform(low: Double, high: Double)

    /// z of the 95th percentile of the standard normal: the half-width of a 90 % interval in σ.
    static let z95 = 1.6448536269514722

    /// The value at cumulative probability `p` (0 < p < 1): the inverse distribution function.
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .interval(let low, let high):
            if low > 0 {
                let mu = (Double.log(low) + Double.log(high)) / 2
                let sigma = (Double.log(high) - Double.log(low)) / (2 * Self.z95)
                return Double.exp(mu + sigma * StandardNormal.quantile(p))
            }
            let mu = (low + high) / 2, sigma = (high - low) / (2 * Self.z95)
            return mu + sigma * StandardNormal.quantile(p)
        case .triangular(let low, let mode, let high):
            let split = (mode - low) / (high - low)
            if p < split { return low + (p * (high - low) * (mode - low)).squareRoot() }
            return high - ((1 - p) * (high - low) * (high - mode)).squareRoot()
        case .uniform(let low, let high):
            return low + p * (high - low)
        }
    }

    /// The 5th and 95th percentiles: the ends of the tornado's bars (exactly `A` and `B` for `A to B`).
    public var tornadoEnds: (low: Double, high: Double) {
        if case .interval(let low, let high) = self { return (low, high) }
        return (quantile(0.05), quantile(0.95))
    }
}

/// The standard normal's inverse distribution function (Acklam's rational approximation refined
/// by one Halley step on `erfc`: relative error below 1e-15 over (0, 1)).
enum StandardNormal {
    static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * Double.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Double.log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // One Halley step on the error of Φ(x) − p.
        let e = 0.5 * Double.erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * Double.exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
