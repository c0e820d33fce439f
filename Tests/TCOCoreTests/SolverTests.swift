import TCOTestSupport
import Testing
@testable import TCOCore

@Suite("Solver: cost lines against hand-computed values")
struct SolverTests {
    @Test("API cost with cached input and a yearly price change")
    func apiCost() throws {
        let result = Solver(model: SolverTestModels.apiOnly()).solve()
        let buy = try #require(result.strategy(named: "buy"))
        // Month 1: input 1e9 tokens × (80 % × 3 + 20 % × 0.3 = 2.46 USD/Mtok) = 2 460;
        // output 2e8 × 15 USD/Mtok = 3 000; total 5 460.
        #expect(isClose(buy.monthly.api[0], 5460))
        // Month 7: factor (1 − 20 %)^(6/12) = 0.894427191 → 4 883.572462859541.
        #expect(isClose(buy.monthly.api[6], 4883.572462859541))
        // Month 13: exactly one year later, 5 460 × 0.8 = 4 368.
        #expect(isClose(buy.monthly.api[12], 4368))
        // Tokens served: 1M × 1 200 = 1.2e9 every month.
        #expect(result.tokens.allSatisfy { isClose($0, 1.2e9) })
        #expect(buy.capex == 0 && buy.serversMax == 0)
        #expect(buy.monthly.staff.allSatisfy { $0 == 0 })
    }

    @Test("levelized cost is the constant price per token that pays for the strategy")
    func levelizedCost() throws {
        // With a flat price (no price change) cost and tokens are constant, so discounting cancels:
        // 5 460 USD / 1 200 Mtok = 4.55 USD/Mtok at any discount rate.
        var model = SolverTestModels.apiOnly(months: 12, discountRate: 0.1)
        model.serving = [ServingOption(name: "frontier", kind: .api(APIPricing(priceInput: 3, priceOutput: 15, priceCachedInput: 0.3)))]
        let buy = try #require(Solver(model: model).solve().strategy(named: "buy"))
        #expect(isClose(buy.levelizedCostPerMillionTokens, 4.55))
        // NPV at 10 %: 5 460 × Σ_{m=1..12} 1.1^(−m/12) = 5 460 × 11.40048782933069 = 62 246.66354814557.
        #expect(isClose(buy.npvCost, 62_246.66354814557))
        #expect(isClose(buy.totalCost, 5460 * 12))
    }

    @Test("NPV discounts each month's cost at (1 + r)^(−m/12), flows at month end")
    func npv() {
        // 1 000 a month for 12 months at 10 %: Σ 1000 × 1.1^(−m/12) = 11 400.48782933069 (geometric
        // series v(1 − v^12)/(1 − v) × 1000 with v = 1.1^(−1/12) = 0.992088943446991).
        let factors = (1...12).map { Calendar.discountFactor(annualRate: 0.1, month: $0) }
        #expect(isClose(factors.reduce(0) { $0 + 1000 * $1 }, 11_400.48782933069))
        #expect(isClose(factors[11], 1 / 1.1))
    }

    @Test("rented GPUs: ceil of GPUs at peak, forgiving floating-point noise")
    func rented() throws {
        // 5 037 000 requests × 0.3 s = 1 511 100 GPU-s / 2 628 000 s = 0.575 busy GPUs;
        // at peak 0.575 × 2 / 50 % = 2.3 GPUs → ceil 3 × 2 USD × 730 h = 4 380 per month.
        let three = try #require(Solver(model: SolverTestModels.rented(requests: 5_037_000)).solve().strategy(named: "rent"))
        #expect(three.monthly.rented.allSatisfy { isClose($0, 4380) })
        // 4 380 000 requests → 0.5 busy GPUs → exactly 2 GPUs at peak (2.0000000000000004 in
        // floating point, which the 1e-9 tolerance counts as 2): 2 × 2 × 730 = 2 920.
        let two = try #require(Solver(model: SolverTestModels.rented(requests: 4_380_000)).solve().strategy(named: "rent"))
        #expect(two.monthly.rented.allSatisfy { isClose($0, 2920) })
        // Rented GPUs run in-house, so staff would be paid; this model has none. No capex, no servers.
        #expect(two.capex == 0 && two.serversMax == 0)
    }

    @Test("self-hosted fleet: lead time, fallback, escalation, retirement, replacement, terminal value, power, staff")
    func fleet() throws {
        let result = Solver(model: SolverTestModels.fleet()).solve()
        let build = try #require(result.strategy(named: "build"))
        let m = build.monthly
        // Servers: none in months 1–2 (lead time), 2 ordered in month 1 serve months 3–8,
        // 2 replacements ordered in month 7 serve from month 9.
        #expect(m.servers == [0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
        // Capex: 2 × 1 200 in months 1 and 7.
        #expect(m.capex == [2400, 0, 0, 0, 0, 0, 2400, 0, 0, 0, 0, 0])
        // Months 1–2 go to the fallback, not escalated: 4.38M × (1000 × 1 + 200 × 2)/1e6 = 6 132.
        // Months 3–12: 10 % escalated re-runs: 613.2.
        #expect(isClose(m.api[0], 6132) && isClose(m.api[1], 6132))
        #expect(m.api[2...].allSatisfy { isClose($0, 613.2) })
        // First cohort's last month is 8: residual 2 × 10 % × 1 200 = 240 in month 8.
        #expect(isClose(m.residual[7], 240))
        #expect(m.residual.enumerated().allSatisfy { $0.offset == 7 || $0.element == 0 })
        // Second cohort (from month 9, 6-month life) outlives month 12: net book value
        // 1 200 − (1 200 − 120) × 4/6 = 480 each → 960 in month 12.
        #expect(isClose(m.terminalValue[11], 960))
        #expect(isClose(build.terminalValue, 960))
        // Depreciation (1 200 − 120)/6 = 180 per server-month → 360; maintenance 1 200 × 12 %/12 = 12 → 24;
        // colocation 1 kW × 100 = 100 → 200.
        #expect(m.depreciation[2...].allSatisfy { isClose($0, 360) } && m.depreciation[0] == 0)
        #expect(m.maintenance[2...].allSatisfy { isClose($0, 24) })
        #expect(m.colocation[2...].allSatisfy { isClose($0, 200) })
        // Power: busy share u = 0.5 / (2 servers × 1 GPU) = 0.25; draw 0.5 + 0.5 × 0.25 = 0.625 kW
        // × 730 h × PUE 1.5 × 0.1 USD = 68.4375 per server → 136.875.
        #expect(m.power[2...].allSatisfy { isClose($0, 136.875) } && m.power[0] == 0)
        // Staff: 120 000 / 12 = 10 000 in every month, also while servers are on order.
        #expect(m.staff.allSatisfy { isClose($0, 10_000) })
        // Cash cost: month 1 = 2 400 + 6 132 + 10 000 = 18 532; month 3 = 613.2 + 24 + 136.875 + 200 + 10 000
        // = 10 974.075; month 8 = 10 974.075 − 240; month 12 = 10 974.075 − 960.
        #expect(isClose(m.cost[0], 18_532))
        #expect(isClose(m.cost[2], 10_974.075))
        #expect(isClose(m.cost[6], 13_374.075))
        #expect(isClose(m.cost[7], 10_734.075))
        #expect(isClose(m.cost[11], 10_014.075))
        // Totals: 18 532 + 16 132 + 10 × 10 974.075 + 2 400 − 240 − 960 = 145 604.75; P&L = API 18 396
        // + maintenance 240 + power 1 368.75 + colocation 2 000 + staff 120 000 + depreciation 3 600
        // = 145 604.75 (capex 4 800 − residual 240 − terminal 960 = depreciation 3 600).
        #expect(isClose(build.totalCost, 145_604.75))
        #expect(isClose(build.totalPnLCost, 145_604.75))
        #expect(isClose(build.npvCost, 145_604.75))  // discount rate 0
        #expect(build.capex == 4800 && build.serversMax == 2)
    }

    @Test("the baseline pays no staff when nothing runs in-house")
    func staffOnlyInHouse() throws {
        let buy = try #require(Solver(model: SolverTestModels.fleet()).solve().strategy(named: "buy"))
        #expect(buy.monthly.staff.allSatisfy { $0 == 0 })
        // 4.38M × 0.0014 = 6 132 a month, 12 months.
        #expect(isClose(buy.totalCost, 6132 * 12))
    }

    @Test("fleet plan: top up from month 1 + lead time, retire after life")
    func fleetPlan() {
        // Needed 1,1,3,3,2,2 with lead 1, life 2: month 2 orders 1 (month-1 order); month 3 needs 3 → +2;
        // month 4: first server retired (served 2–3) → have 2, need 3 → +1; month 5: the two from
        // month 3 retire → have 1, need 2 → +1; month 6: the one from month 4 retires → have 1, need 2 → +1.
        let plan = FleetPlan(needed: [1, 1, 3, 3, 2, 2], leadTime: 1, life: 2)
        #expect(plan.entering == [0, 1, 2, 1, 1, 1])
        #expect(plan.inService == [0, 1, 3, 3, 2, 2])
    }
}
