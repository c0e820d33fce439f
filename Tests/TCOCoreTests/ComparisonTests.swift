import TCOTestSupport
import Testing
@testable import TCOCore

@Suite("Comparison with the baseline: payback and break-even")
struct ComparisonTests {
    @Test("payback: first month from which cumulative cost stays no dearer through the end")
    func payback() {
        // Cumulative X 100, 110, 120, 130, 140 vs B 20, 60, 100, 140, 180: holds from month 4.
        #expect(Solver.paybackMonth(strategy: [100, 10, 10, 10, 10], baseline: [20, 40, 40, 40, 40]) == 4)
        // Cumulative X 100, 110, 120, 130 vs B 20, 50, 80, 110: dearer at the end → never.
        #expect(Solver.paybackMonth(strategy: [100, 10, 10, 10], baseline: [20, 30, 30, 30]) == nil)
        // X 0, 50, 50 vs B 10, 10, 70: holds in month 1, not 2, again in 3 → payback 3.
        #expect(Solver.paybackMonth(strategy: [0, 50, 0], baseline: [10, 0, 60]) == 3)
        // Ties go to the strategy: equal costs pay back in month 1.
        #expect(Solver.paybackMonth(strategy: [5, 5], baseline: [5, 5]) == 1)
        // Floating-point noise of 1e-12 relative is a tie too.
        #expect(Solver.paybackMonth(strategy: [1_000_000.000001], baseline: [1_000_000]) == 1)
    }

    @Test("break-even search: crossing, side and the nearer of two crossings")
    func search() throws {
        // Wins at and above 0.57: downward bracket [0.001, 1] ends within 1e-4 above 0.57.
        let above = BreakEvenSearch.find { $0 >= 0.57 }
        let k = try #require(above.multiplier)
        #expect(above.side == .above && k >= 0.57 && k <= 0.57 * 1.0001)
        // Wins only up to 2.5: upward bracket [1, 1000], the winning end is the lower one.
        let below = BreakEvenSearch.find { $0 <= 2.5 }
        #expect(below.side == .below)
        #expect(try #require(below.multiplier) <= 2.5 && below.multiplier! >= 2.5 / 1.0001)
        // Loses at the forecast, wins above 2.3× → 2.3, above.
        let later = BreakEvenSearch.find { $0 >= 2.3 }
        #expect(later.side == .above && isClose(later.multiplier, 2.3, relative: 1e-4))
        // Wins between 0.5 and 3: |ln 0.5| = 0.69 < |ln 3| = 1.10 → 0.5, above.
        let band = BreakEvenSearch.find { $0 >= 0.5 && $0 <= 3 }
        #expect(band.side == .above && isClose(band.multiplier, 0.5, relative: 1e-4))
        #expect(BreakEvenSearch.find { _ in true } == BreakEven(multiplier: nil, side: .always))
        #expect(BreakEvenSearch.find { _ in false } == BreakEven(multiplier: nil, side: .never))
    }

    @Test("break-even multipliers of a solved model satisfy their defining property")
    func definingProperty() throws {
        let model = SolverTestModels.fleet()
        let solver = Solver(model: model)
        let result = solver.solve()
        let comparison = try #require(result.comparisons.first)
        let build = try #require(model.strategy(named: "build")), buy = try #require(model.strategy(named: "buy"))
        func winsVolume(_ k: Double) -> Bool {
            Solver.isNoDearer(solver.timeline(of: build, volumeFactor: k, apiPriceFactor: 1).npvCost,
                              than: solver.timeline(of: buy, volumeFactor: k, apiPriceFactor: 1).npvCost)
        }
        func winsPrice(_ k: Double) -> Bool {
            Solver.isNoDearer(solver.timeline(of: build, volumeFactor: 1, apiPriceFactor: k).npvCost,
                              than: solver.timeline(of: buy, volumeFactor: 1, apiPriceFactor: k).npvCost)
        }
        for (breakEven, wins) in [(comparison.breakEvenVolume, winsVolume), (comparison.breakEvenPrice, winsPrice)] {
            let k = try #require(breakEven.multiplier)
            // The strategy wins at k and loses a bisection step beyond it, on the side reported.
            #expect(wins(k))
            #expect(!wins(breakEven.side == .above ? k / 1.0001 : k * 1.0001))
        }
        // Savings = NPV(buy) − NPV(build).
        #expect(isClose(comparison.npvSavings, result.strategies[0].npvCost - result.strategies[1].npvCost))
    }
}

@Suite("Sensitivity stays inside each input's allowed range")
struct SensitivityRangeTests {
    @Test("a workload being phased out (−90 %/year) served in-house: ±20 % never pushes growth to −100 % or below")
    func phaseOut() {
        var model = SolverTestModels.fleet()
        model.workloads[0].growth = Schedule(Rate(-0.9))
        model.horizonMonths = 36
        let results = Solver.sensitivity(of: "build", in: model)
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.savingsLow.isFinite && result.savingsHigh.isFinite, "\(result.key)")
        }
        // −90 % × 1.2 = −108 % is clamped to −99.9999 %: the move stays a real, finite what-if.
        let growth = results.first { $0.key == "workloads.chat.growth" }
        #expect(growth != nil)
    }
}

@Suite("Sensitivity grows linearly with the workloads")
struct SensitivityGroupingTests {
    @Test("above 25 workloads each workload input is moved for every workload at once")
    func grouped() {
        var model = SolverTestModels.fleet()
        let one = model.workloads[0]
        model.workloads = (0..<30).map { i in
            var w = one
            w.name = "w\(i)"
            return w
        }
        let keys = SensitivityInput.all(in: model).map(\.key)
        #expect(keys.contains("workloads.*.requests"))
        #expect(!keys.contains("workloads.w0.requests"))
        // Scaling every workload's requests by 1.2 equals writing each one 20 % higher.
        let input = SensitivityInput.all(in: model).first { $0.key == "workloads.*.requests" }
        var moved = model
        input?.setting(&moved, 1.2)
        #expect(moved.workloads.allSatisfy { abs($0.requestsPerMonth - 4_380_000 * 1.2) < 1e-6 })
    }
}
