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
    public init(_ values: [Double], bins count: Int) {
        guard let low = values.min(), let high = values.max(), count > 0 else {
            bins = []
            return
        }
        guard high > low else {
            bins = [Bin(from: low, to: high, count: values.count)]
            return
        }
        let width = (high - low) / Double(count)
        var counts = [Int](repeating: 0, count: count)
        for value in values {
            counts[Swift.min(Int((value - low) / width), count - 1)] += 1
        }
        bins = counts.enumerated().map { index, n in
            Bin(from: low + Double(index) * width, to: index == count - 1 ? high : low + Double(index + 1) * width,
                count: n)
        }
    }
}
