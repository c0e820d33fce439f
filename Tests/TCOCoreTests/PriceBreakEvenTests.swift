import Testing
@testable import TCOCore

@Suite("Price break-even without re-solving")
struct PriceBreakEvenTests {
    @Test("rented GPUs against an API: the crossing of two straight lines, as the bisection finds it")
    func handComputed() throws {
        // 1M requests/month, 3 months, no discounting. buy: 1M × 0.0014 USD × p = 1400p USD/month.
        // rent: A = 1M × 0.3 s / 2 628 000 s = 0.114 busy GPUs, N = 4A = 0.457 → 1 GPU × 2 USD × 730 h
        // = 1460 USD/month, whatever p. rent wins when 3 × 1460 ≤ 3 × 1400p: p ≥ 1460 / 1400 = 1.042857…
        // It loses at 1 and wins at 1000, so the upward bracket [1, 1000] is bisected and the winning
        // (upper) end is returned: the multiplier lies in [1.042857, 1.042857 × 1.0001], side "above".
        let model = SolverTestModels.rented(requests: 1_000_000)
        let solver = Solver(model: model)
        let result = solver.solve()
        let comparison = try #require(result.comparisons.first)
        let k = try #require(comparison.breakEvenPrice.multiplier)
        let crossing = 1460.0 / 1400.0
        #expect(comparison.breakEvenPrice.side == .above)
        #expect(k >= crossing && k <= crossing * 1.0001)
        let rent = try #require(model.strategy(named: "rent")), buy = try #require(model.strategy(named: "buy"))
        #expect(comparison.breakEvenPrice == solver.breakEvenByBisection(rent, against: buy, price: true))
    }

    @Test("the lines: NPV after tax = fixed + API part × p, and no verdict inside the rounding band")
    func lines() throws {
        // fleet(): a 12-month fleet against an API with a 25 % tax rate. At p = 2 each NPV is its value
        // at 1 plus its after-tax API part once more: x(2) = x(1) + api_x, b(2) = b(1) + api_b.
        var model = SolverTestModels.fleet()
        model.finance.taxRate = 0.25
        let solver = Solver(model: model)
        let result = solver.solve()
        let buy = result.strategies[0], build = result.strategies[1]
        let x = AffineNPV(build, taxRate: 0.25, discount: solver.discountFactors)
        let b = AffineNPV(buy, taxRate: 0.25, discount: solver.discountFactors)
        let x2 = solver.timeline(of: model.strategies[1], volumeFactor: 1, apiPriceFactor: 2).npvCostAfterTax
        let b2 = solver.timeline(of: model.strategies[0], volumeFactor: 1, apiPriceFactor: 2).npvCostAfterTax
        #expect(abs(x.fixed + 2 * x.api - x2) <= 1e-9 * abs(x2))
        #expect(abs(b.fixed + 2 * b.api - b2) <= 1e-9 * abs(b2))
        // Where x meets the "no dearer" threshold b × (1 + 10^-9) (b is well above 1 here) they give
        // no verdict; where x meets b itself the tie goes to the strategy; far away they give the
        // solved verdict.
        let tie = 1 + 1e-9
        let threshold = (tie * b.fixed - x.fixed) / (x.api - tie * b.api)
        #expect(threshold.isFinite && b.value(at: threshold).npv > 1)
        #expect(AffineNPV.wins(x.value(at: threshold), b.value(at: threshold)) == nil)
        let crossing = (b.fixed - x.fixed) / (x.api - b.api)
        #expect(AffineNPV.wins(x.value(at: crossing), b.value(at: crossing)) == true)
        for k in [crossing / 2, crossing * 2] {
            let solved = Solver.isNoDearer(
                solver.timeline(of: model.strategies[1], volumeFactor: 1, apiPriceFactor: k).npvCostAfterTax,
                than: solver.timeline(of: model.strategies[0], volumeFactor: 1, apiPriceFactor: k).npvCostAfterTax)
            #expect(AffineNPV.wins(x.value(at: k), b.value(at: k)) == solved)
        }
    }

    @Test("a scenario that changes only what a comparison does not read reuses its break-evens")
    func comparisonInputs() throws {
        // fleet(): build (self-hosted "slm" on "box", escalation and fallback to "api") against buy.
        let model = SolverTestModels.fleet()
        let inputs = try #require(model.comparisonInputs("build", against: "buy"))
        // An option and a strategy nobody compared names: the inputs are the same.
        var wider = model
        wider.serving.append(ServingOption(name: "other", kind: .api(APIPricing(priceInput: 9, priceOutput: 9))))
        wider.strategies.append(Strategy(name: "other", route: Route([("other", 1)])))
        #expect(wider.comparisonInputs("build", against: "buy") == inputs)
        // The server's price, the electricity or a workload's volume: different inputs.
        var dearer = model
        dearer.hardware[0].price = 1300
        #expect(dearer.comparisonInputs("build", against: "buy") != inputs)
        var power = model
        power.facility?.electricityPerKilowattHour = Schedule(0.2)
        #expect(power.comparisonInputs("build", against: "buy") != inputs)
        var volume = model
        volume.workloads[0].inputTokens = 2000
        #expect(volume.comparisonInputs("build", against: "buy") != inputs)
        // Solved together, the wider model's comparison equals the model's, break-evens included.
        let solved = Solver.solve([("base", model), ("wider", wider)])
        #expect(solved[0].comparisons[0] == solved[1].comparisons[0])
    }

    @Test("a side read off a line is solved only when the margins leave the verdict open")
    func solvesInsideTheBand() {
        // Strategy 100 ± 1 (a line) against a solved baseline of 100: the threshold 100 + 10^-7 is
        // inside the margin, so the strategy is solved (99: wins). At 90 ± 1 the line decides alone.
        var solves = 0
        let open = Solver.wins((100, 1), (100, 0), solveStrategy: { solves += 1; return 99 }, solveBaseline: { 0 })
        #expect(open && solves == 1)
        let clear = Solver.wins((90, 1), (100, 0), solveStrategy: { solves += 1; return 200 }, solveBaseline: { 0 })
        #expect(clear && solves == 1)
        // Both solved (margins 0): the contract's comparison, ties to the strategy.
        #expect(Solver.wins((100, 0), (100, 0), solveStrategy: { 0 }, solveBaseline: { 0 }))
    }
}
