/// Values counted in equal bins from their smallest to their largest: the shape of a simulated
/// quantity, for the Risk sheet's chart.
public struct Histogram: Sendable, Hashable {
    public struct Bin: Sendable, Hashable {
        public var from: Double
        public var to: Double
        public var count: Int
    }

    public var bins: [Bin]

    /// `count` equal bins over `values` (one bin when every value is the same, none when there are
    /// none); a value on a boundary goes to the upper bin, the largest to the last.
    ///
    /// With `tail` > 0 the bins are equal between the `tail` and `1 − tail` quantiles (sorted
    /// values at those ranks), and the values beyond them are counted in the first and last bins,
    /// whose ends reach the smallest and largest value: a few extreme runs (a long lognormal tail)
    /// then do not squeeze every other run into one bin.
    public init(_ values: [Double], bins count: Int, tail: Double = 0) {
        guard let low = values.min(), let high = values.max(), count > 0 else {
            bins = []
            return
        }
        guard high > low else {
            bins = [Bin(from: low, to: high, count: values.count)]
            return
        }
        let sorted = values.sorted()
        let rank = { (share: Double) in
            sorted[Swift.min(sorted.count - 1, Int((share * Double(sorted.count - 1)).rounded()))]
        }
        var (inner, outer) = tail > 0 && count > 2 ? (rank(tail), rank(1 - tail)) : (low, high)
        if outer <= inner { (inner, outer) = (low, high) }
        let width = (outer - inner) / Double(count)
        var counts = [Int](repeating: 0, count: count)
        for value in values {
            let index = Int(((value - inner) / width).rounded(.down))
            counts[Swift.min(Swift.max(index, 0), count - 1)] += 1
        }
        bins = counts.enumerated().map { index, n in
            Bin(from: index == 0 ? low : inner + Double(index) * width,
                to: index == count - 1 ? high : inner + Double(index + 1) * width, count: n)
        }
    }
}
