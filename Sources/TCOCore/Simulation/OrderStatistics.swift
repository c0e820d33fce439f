/// The k-th smallest values of a list without sorting it: a summary needs three percentiles of
/// 10,000 runs per strategy and comparison, and selection finds them in a few linear passes where a
/// sort takes n log n comparisons.
enum OrderStatistics {
    /// The `ranks`-th smallest values of `values` (1-based ranks, each in 1...count, ascending),
    /// the same values a sort would put at those places.
    static func smallest(_ values: [Double], ranks: [Int]) -> [Double] {
        if values.count >= 4 * sampleSize, let found = bracketed(values, ranks: ranks) { return found }
        return selected(values, ranks: ranks)
    }

    /// `smallest` by quickselect, rank after rank.
    private static func selected(_ values: [Double], ranks: [Int]) -> [Double] {
        var work = values
        return work.withUnsafeMutableBufferPointer { buffer in
            var found: [Double] = []
            var low = 0
            // Ranks ascending: after a selection, everything left of it is no larger, so the next
            // rank is searched only to its right.
            for rank in ranks {
                let index = rank - 1
                select(index, in: buffer, from: low, to: buffer.count, depth: 2 * bitWidth(buffer.count))
                found.append(buffer[index])
                low = Swift.max(low, index)
            }
            return found
        }
    }

    /// Values in the sample `bracketed` takes.
    static let sampleSize = 1024

    /// `smallest` as Floyd and Rivest select: the sample of every `count / sampleSize`-th value gives,
    /// for each rank, two bounds that almost surely bracket it; a pass counts the values below the
    /// lower bound and collects those between the bounds, and selecting among the few collected
    /// (a tenth of the values) gives the exact value at the rank. nil when a bracket missed or a
    /// value is NaN: the caller then selects the usual way.
    private static func bracketed(_ values: [Double], ranks: [Int]) -> [Double]? {
        let count = values.count, step = count / sampleSize
        let sample = (0..<sampleSize).map { values[$0 * step] }
        // The rank's place in the sample wanders by about √(1024 × p(1 − p)) ≤ 16: ±40 is 2.5 times that.
        let margin = 40
        let places = ranks.map { Int(Double($0) / Double(count) * Double(sampleSize)) }
        // The sample's values at the bracket ends, selected (not sorted) in ascending order of place.
        let ends = Array(Set(places.flatMap { [$0 - margin, $0 + margin] }.filter { (0..<sampleSize).contains($0) }))
            .sorted()
        let endValues = Dictionary(uniqueKeysWithValues: zip(ends, selected(sample, ranks: ends.map { $0 + 1 })))
        let bounds = places.map { place -> (low: Double, high: Double) in
            (endValues[place - margin] ?? -Double.infinity, endValues[place + margin] ?? Double.infinity)
        }
        var found: [Double] = []
        var between: [Double] = []
        between.reserveCapacity(count / 8)
        // A tight pass per rank (a single pass appending to one list per rank was slower).
        for (rank, bound) in zip(ranks, bounds) {
            var below = 0, above = 0
            between.removeAll(keepingCapacity: true)
            for value in values {
                if value < bound.low {
                    below += 1
                } else if value <= bound.high {
                    between.append(value)
                } else if value > bound.high {
                    above += 1
                }
            }
            // A NaN is in none of the three.
            let place = rank - below
            guard below + between.count + above == count, place >= 1, place <= between.count else { return nil }
            found.append(contentsOf: selected(between, ranks: [place]))
        }
        return found
    }

    /// Moves the value a sort would put at `index` there, with no larger value before it and no
    /// smaller one after it, within `low..<high`. Median-of-three quickselect; past `depth`
    /// rounds the rest is sorted (a guard against inputs that defeat the pivot).
    private static func select(
        _ index: Int, in a: UnsafeMutableBufferPointer<Double>, from low: Int, to high: Int, depth: Int
    ) {
        var low = low, high = high, depth = depth
        while high - low > 16 {
            if depth == 0 {
                a[low..<high].sort()
                return
            }
            depth -= 1
            let mid = low + (high - low) / 2
            // Median of the first, middle and last values as the pivot.
            if a[mid] < a[low] { a.swapAt(mid, low) }
            if a[high - 1] < a[low] { a.swapAt(high - 1, low) }
            if a[high - 1] < a[mid] { a.swapAt(high - 1, mid) }
            let pivot = a[mid]
            // Three-way partition: < pivot, == pivot, > pivot (ties do not slow it down).
            var lt = low, i = low, gt = high
            while i < gt {
                if a[i] < pivot {
                    a.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if pivot < a[i] {
                    gt -= 1
                    a.swapAt(i, gt)
                } else {
                    i += 1
                }
            }
            if index < lt {
                high = lt
            } else if index >= gt {
                low = gt
            } else {
                return
            }
        }
        a[low..<high].sort()
    }

    private static func bitWidth(_ n: Int) -> Int { Int.bitWidth - n.leadingZeroBitCount }
}
