/// What a Monte Carlo simulation found, per scenario (uncertainty.md, "Results").
public struct SimulationResult: Sendable {
    public var runs: Int
    public var seed: UInt64
    /// The uncertain inputs' paths, in the order of the `uncertainty` block.
    public var inputs: [String]
    /// Base first, then in file order.
    public var scenarios: [ScenarioSimulation]
}

/// Mean and nearest-rank percentiles of a quantity over the runs.
public struct Spread: Sendable, Hashable {
    public var mean: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double

    /// The spread of `values`; the mean is summed in run order, so it is the same on any thread count.
    init(_ values: [Double]) {
        func rank(_ p: Double) -> Int {
            // Nearest rank: the ⌈p·n/100⌉-th smallest.
            let k = Int((p * Double(values.count) / 100).rounded(.up))
            return Swift.min(Swift.max(k, 1), values.count)
        }
        mean = values.reduce(0, +) / Double(values.count)
        guard !values.isEmpty else {
            (p5, p50, p95) = (.nan, .nan, .nan)
            return
        }
        let found = OrderStatistics.smallest(values, ranks: [rank(5), rank(50), rank(95)])
        (p5, p50, p95) = (found[0], found[1], found[2])
    }
}

/// One scenario's simulation results.
public struct ScenarioSimulation: Sendable {
    public struct Strategy: Sendable {
        public var name: String
        /// NPV of cost (after tax when the model has a tax rate).
        public var npvCost: Spread
        /// Share of runs in which it is the cheapest (first in file order on ties).
        public var pLowest: Double
        /// Mean over runs of its NPV minus the run's lowest NPV.
        public var expectedRegret: Double
    }

    public struct Comparison: Sendable {
        public var strategy: String
        /// Baseline's NPV minus this strategy's.
        public var npvSavings: Spread
        /// Share of runs in which it is no dearer than the baseline.
        public var pNoDearer: Double
    }

    public struct TornadoInput: Sendable {
        public var path: String
        /// The other strategy's NPV minus the subject's, with the input at its 5th / 95th percentile.
        public var savingsLow: Double
        public var savingsHigh: Double
        public var swing: Double { abs(savingsHigh - savingsLow) }
    }

    public struct Tornado: Sendable {
        /// The strategy most often cheapest, and the one it is measured against.
        public var strategy: String
        public var against: String
        public var inputs: [TornadoInput]
    }

    public var name: String
    public var strategies: [Strategy]
    public var comparisons: [Comparison]
    public var tornado: Tornado?
}
