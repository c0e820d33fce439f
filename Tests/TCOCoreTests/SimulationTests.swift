import Testing
@testable import TCOCore

/// Monte Carlo against closed forms: P(cheapest) at a known crossing price, percentiles of a
/// uniform and a lognormal input, the tornado against hand-set solves, and the same bytes on any
/// number of threads.
@Suite("Monte Carlo")
struct SimulationTests {
    /// Rented GPUs (fixed cost at this volume) against a cheap API whose input price is uncertain.
    static let model = SolverTestModels.rented(requests: 1_000_000)

    static func setInputPrice(_ model: inout Model, _ price: Double) {
        if case .api(var pricing) = model.serving[0].kind {
            pricing.priceInput = Schedule(price)
            model.serving[0].kind = .api(pricing)
        }
    }

    static func input(_ distribution: Distribution) -> UncertainInput {
        UncertainInput(path: "serving.api.price_input", distribution: distribution, lowest: 0,
                       apply: { setInputPrice(&$0, $1) })
    }

    static func simulate(_ distribution: Distribution, runs: Int, concurrency: Int = 2) async -> SimulationResult {
        let scenario = SimulationScenario(name: "base", model: model, keptInputs: [])
        return await Simulation.run(inputs: [input(distribution)], scenarios: [scenario], baseline: "buy",
                                    runs: runs, seed: 7, concurrency: concurrency)
    }

    /// NPV of buy (API) and rent at an input price: buy is linear in it, rent does not move.
    static func npvs(atPrice price: Double) -> [Double] {
        var m = model
        setInputPrice(&m, price)
        return Simulation.npvs(of: m)
    }

    @Test("a draw is strictly between 0 and 1 at both ends of the bits")
    func unitEnds() {
        // All bits set: (2^53 − 1 + 0.5) / 2^53 rounds to exactly 1 in Double; kept at 1 − 2^−53.
        #expect(RunRandom.unit(fromBits: .max) == 1 - 0x1p-53)
        // No bits set: 0.5 / 2^53 = 2^−54.
        #expect(RunRandom.unit(fromBits: 0) == 0x1p-54)
        // A middle value is not moved: (2^52 + 0.5) / 2^53 = 0.5 + 2^−54.
        #expect(RunRandom.unit(fromBits: 1 << 63) == 0.5 + 0x1p-54)
    }

    @Test("the standard normal's 95th percentile is 1.6448536269514722; a 90 % interval's ends are its 5th and 95th")
    func quantiles() {
        #expect(abs(StandardNormal.quantile(0.95) - 1.6448536269514722) < 1e-12)
        #expect(abs(StandardNormal.quantile(0.5)) < 1e-15)
        let lognormal = Distribution.interval(low: 1, high: 4)
        #expect(abs(lognormal.quantile(0.05) - 1) < 1e-12)
        #expect(abs(lognormal.quantile(0.95) - 4) < 1e-12)
        // Median of a lognormal 90 % interval is the geometric mean: √(1 × 4) = 2.
        #expect(abs(lognormal.quantile(0.5) - 2) < 1e-12)
        // Triangular(0, 1, 4): F(1) = 1/4, so the 25th percentile is the mode.
        #expect(abs(Distribution.triangular(low: 0, mode: 1, high: 4).quantile(0.25) - 1) < 1e-12)
    }

    @Test("P(cheapest) of a uniform API price against a fixed in-house cost is the crossing price's share")
    func probabilityOfCheapest() async {
        // buy's NPV is a + b·p (p: input price); rent's is r. Two solves give a and b; they cross at
        // p* = (r − a) / b, and with p ~ uniform(low, high), P(buy cheapest) = (p* − low) / (high − low).
        let at0 = Self.npvs(atPrice: 0), at1 = Self.npvs(atPrice: 1)
        let a = at0[0], b = at1[0] - at0[0], r = at0[1]
        let crossing = (r - a) / b
        let low = crossing * 0.5, high = crossing * 1.75
        let expected = (crossing - low) / (high - low)  // = 0.5 / 1.25 = 0.4
        let result = await Self.simulate(.uniform(low: low, high: high), runs: 20_000)
        let buy = result.scenarios[0].strategies[0]
        // Sampling error: √(0.4 × 0.6 / 20 000) = 0.0035; four of them.
        #expect(abs(buy.pLowest - expected) < 4 * 0.0035, "\(buy.pLowest) vs \(expected)")
        #expect(abs(result.scenarios[0].strategies[1].pLowest - (1 - expected)) < 4 * 0.0035)
        let comparison = result.scenarios[0].comparisons[0]
        #expect(abs(comparison.pNoDearer - (1 - expected)) < 4 * 0.0035)
    }

    @Test("percentiles of NPV follow a uniform input's and a lognormal input's own percentiles")
    func percentiles() async {
        let at0 = Self.npvs(atPrice: 0), at1 = Self.npvs(atPrice: 1)
        let a = at0[0], b = at1[0] - at0[0]
        // uniform(1, 3): 5th 1.1, median 2, 95th 2.9, mean 2.
        let uniform = await Self.simulate(.uniform(low: 1, high: 3), runs: 20_000).scenarios[0].strategies[0].npvCost
        for (value, price) in [(uniform.p5, 1.1), (uniform.p50, 2.0), (uniform.p95, 2.9), (uniform.mean, 2.0)] {
            // Error of a percentile: √(p(1 − p)/n) / density = √(0.05 × 0.95 / 20 000) / 0.5 ≈ 0.003.
            #expect(abs((value - a) / b - price) < 0.02, "\(value) vs price \(price)")
        }
        // 1 to 4 (lognormal): 5th 1, median 2, 95th 4.
        let lognormal = await Self.simulate(.interval(low: 1, high: 4), runs: 20_000).scenarios[0].strategies[0].npvCost
        for (value, price) in [(lognormal.p5, 1.0), (lognormal.p50, 2.0), (lognormal.p95, 4.0)] {
            #expect(abs((value - a) / b / price - 1) < 0.03, "\(value) vs price \(price)")
        }
    }

    @Test("tornado rows are two hand-set solves: the input at its 5th and 95th percentile")
    func tornadoRows() async {
        let result = await Self.simulate(.uniform(low: 1, high: 3), runs: 500)
        let tornado = try? #require(result.scenarios[0].tornado)
        // uniform(1, 3): 5th percentile 1 + 0.05 × 2 = 1.1, 95th 2.9.
        let low = Self.npvs(atPrice: 1.1), high = Self.npvs(atPrice: 2.9)
        let subject = tornado?.strategy == "rent" ? 1 : 0
        let other = 1 - subject
        #expect(tornado?.inputs.first?.savingsLow == low[other] - low[subject])
        #expect(tornado?.inputs.first?.savingsHigh == high[other] - high[subject])
    }

    @Test("the same seed and runs give the same bytes with one chunk at a time or many")
    func threadIndependent() async {
        let one = await Self.simulate(.interval(low: 1, high: 4), runs: 1_200, concurrency: 1)
        let many = await Self.simulate(.interval(low: 1, high: 4), runs: 1_200, concurrency: 16)
        #expect(SimulationReport.render(model: Self.model, result: one)
                == SimulationReport.render(model: Self.model, result: many))
    }
}
