/// The random numbers of one Monte Carlo run: a SplitMix64 stream seeded from the model's seed and
/// the run's index, so a run draws the same values whichever thread solves it and in any order.
public struct RunRandom: Sendable {
    private var state: UInt64

    /// The stream of run `index` (0-based) of a simulation seeded with `seed`.
    public init(seed: UInt64, run index: Int) {
        // Two rounds of mixing keep neighbouring seeds and runs from giving related streams.
        state = Self.mix(seed &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(truncatingIfNeeded: index) &+ 1))
        state = Self.mix(state ^ UInt64(truncatingIfNeeded: index))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform number strictly between 0 and 1 (53 random bits, never 0 or 1).
    public mutating func unit() -> Double { Self.unit(fromBits: next()) }

    /// The number `unit` makes of 64 random bits: the top 53, centred in their interval.
    static func unit(fromBits bits: UInt64) -> Double {
        // (2^53 − 1) + 0.5 rounds to 2^53, so the top value would be exactly 1 (once in 2^53 draws,
        // and an unbounded normal quantile at 1 is infinite): it is kept just below 1 instead.
        Swift.min((Double(bits >> 11) + 0.5) / 9_007_199_254_740_992, belowOne)
    }

    /// The largest Double below 1, 1 − 2^−53 (`1.0.nextDown`, written as a literal so that reading
    /// it is not a lazy global's check on every draw).
    static let belowOne = 0x1.fffffffffffffp-1
}
