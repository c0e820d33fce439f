import Testing
@testable import TCOCore

@Suite("Percentiles by selection")
struct OrderStatisticsTests {
    /// A reproducible list: a linear congruential sequence folded into `distinct` values, so that
    /// small `distinct` gives many ties.
    static func values(count: Int, distinct: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int((state >> 33) % UInt64(distinct))) - Double(distinct / 3)
        }
    }

    @Test("the k-th smallest equals the sorted list's k-th value", arguments: [
        (1, 1), (2, 2), (17, 5), (100, 1000), (1000, 3), (10_000, 10_000), (10_001, 7)
    ])
    func equalsSorting(count: Int, distinct: Int) {
        for seed in [1, 2, 3] as [UInt64] {
            let values = Self.values(count: count, distinct: distinct, seed: seed)
            let sorted = values.sorted()
            let ranks = Array(Set([1, (count + 1) / 2, count, Swift.max(1, count / 20)])).sorted()
            #expect(OrderStatistics.smallest(values, ranks: ranks) == ranks.map { sorted[$0 - 1] })
        }
    }

    @Test("sorted and reversed input (a naive pivot's worst case) still selects right")
    func orderedInput() {
        let up = (1...5000).map(Double.init)
        #expect(OrderStatistics.smallest(up, ranks: [250, 2500, 4750]) == [250, 2500, 4750])
        #expect(OrderStatistics.smallest(up.reversed(), ranks: [1, 5000]) == [1, 5000])
    }

    @Test("long lists (selected from a sample's brackets) equal sorting, also when the sample misleads")
    func bracketedSelection() {
        // Every 8th value (the sample's) is 0, the others 1…7168: the brackets miss, selection falls back.
        let misleading = (0..<8192).map { $0 % 8 == 0 ? 0.0 : Double($0) }
        // A lognormal-like skew with ties, and a constant list.
        let skewed = Self.values(count: 50_000, distinct: 300, seed: 9).map { $0 * $0 * $0 }
        let constant = [Double](repeating: 2.5, count: 6000)
        for values in [misleading, skewed, constant] {
            let sorted = values.sorted(), n = values.count
            let ranks = [Swift.max(1, n / 20), n / 2, n * 95 / 100]
            #expect(OrderStatistics.smallest(values, ranks: ranks) == ranks.map { sorted[$0 - 1] })
        }
    }

    @Test("Spread: nearest-rank percentiles of 1…100 are 5, 50 and 95; the mean is 50.5")
    func spreadOfOneToHundred() {
        // ⌈5·100/100⌉ = 5th smallest = 5; ⌈50⌉ = 50; ⌈95⌉ = 95; mean = 5050 / 100 = 50.5.
        let spread = Spread((1...100).reversed().map(Double.init))
        #expect(spread.p5 == 5 && spread.p50 == 50 && spread.p95 == 95 && spread.mean == 50.5)
    }
}
