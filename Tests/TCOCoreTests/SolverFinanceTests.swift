import Foundation
import TCOTestSupport
import Testing
@testable import TCOCore

/// One-time costs, loans, tax, terminal value and energy, each number worked out by hand.
@Suite("Solver v2: one-time costs, loans, tax, terminal value, energy")
struct SolverFinanceTests {
    /// The fleet of `SolverTestModels.fleet()` (12 months; 2 one-GPU servers at 1 200 ordered in
    /// months 1 and 7, in service from months 3 and 9, life 6, residual 10 %) with `finance`.
    static func fleet(_ finance: Finance = Finance()) -> Model {
        var model = SolverTestModels.fleet()
        model.finance = finance
        return model
    }

    @Test("an expensed and a capitalized one-time cost; the capitalized one outlives the horizon")
    func oneTimeCosts() throws {
        // 1 200 expensed in month 3; 2 400 capitalized over 24 months from month 5: capex 2 400 in
        // month 5, depreciation 100 in months 5–12 (800), terminal value 2 400 × (1 − 8/24) = 1 600.
        var model = Self.fleet()
        model.strategies[0].oneTimeCosts = [
            OneTimeCost(name: "migration", cost: 1200, month: 3),
            OneTimeCost(name: "platform", cost: 2400, month: 5, capitalizeMonths: 24),
        ]
        let buy = try #require(Solver(model: model).solve().strategy(named: "buy"))
        let m = buy.monthly
        #expect(m.oneTime == [0, 0, 1200, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(m.capex == [0, 0, 0, 0, 2400, 0, 0, 0, 0, 0, 0, 0])
        #expect(m.depreciation[4...].allSatisfy { isClose($0, 100) } && m.depreciation[..<4].allSatisfy { $0 == 0 })
        #expect(isClose(m.terminalValue[11], 1600) && isClose(buy.terminalValue, 1600))
        // API 6 132 a month (SolverTestModels): cash = 12 × 6 132 + 1 200 + 2 400 − 1 600 = 75 584;
        // P&L = 12 × 6 132 + 1 200 + 800 = 75 584 (capex − terminal value = depreciation).
        #expect(isClose(buy.totalCost, 75_584) && isClose(buy.totalPnLCost, 75_584))
        #expect(isClose(buy.capex, 2400))
        // With terminal_value: none the capitalized cost counts for nothing after the horizon.
        var none = model
        none.finance.terminalValue = .none
        let noneBuy = try #require(Solver(model: none).solve().strategy(named: "buy"))
        #expect(noneBuy.terminalValue == 0 && isClose(noneBuy.totalCost, 75_584 + 1600))
    }

    @Test("a loan without interest: equal payments from the month after purchase, the rest settled at the horizon")
    func loanSettlement() throws {
        // 50 % of 1 200 per server, 0 %, 12 months: L = 600 and P = 50 per server. The 2 servers
        // bought in month 1 bring −1 200, then 100 a month in months 2–12 (1 100); after month 12's
        // payment 100 is owed and settled in month 12. The 2 bought in month 7: −1 200, then 100 in
        // months 8–12 (500) and 700 settled in month 12. Month 7: 100 − 1 200 = −1 100; month 12:
        // 100 + 100 + 100 + 700 = 1 000. Net over the horizon 0 (no interest).
        let build = try #require(Solver(model: Self.fleet(Finance(loans: [
            Loan(hardware: "box", share: 0.5, annualRate: 0, termMonths: 12),
        ]))).solve().strategy(named: "build"))
        let expected: [Double] = [-1200, 100, 100, 100, 100, 100, -1100, 200, 200, 200, 200, 1000]
        #expect(zip(build.monthly.financing, expected).allSatisfy { isClose($0, $1) })
        #expect(build.monthly.interest.allSatisfy { $0 == 0 })
        // Capex and depreciation are unchanged by the loan; cash cost moves by the financing line.
        let cash = try #require(Solver(model: Self.fleet()).solve().strategy(named: "build"))
        #expect(build.capex == cash.capex && build.monthly.depreciation == cash.monthly.depreciation)
        #expect(isClose(build.monthly.cost[0], cash.monthly.cost[0] - 1200))
        #expect(isClose(build.totalCost, cash.totalCost))
    }

    @Test("a loan with interest on the balance before each payment")
    func loanInterest() throws {
        // Effective 12.6825030131969720 %/year is r = 1 % a month. One server's loan L = 1 200 × 100 %,
        // 3 payments P = 1 200 × 1 % / (1 − 1.01^−3) = 408.02653378 (1.01^−3 = 0.97059014…).
        // Month 2: interest 12, balance 1 200 − (408.0265 − 12) = 803.97347; month 3: interest
        // 8.0397347; month 4: interest 4.0398…, balance 0. Two servers: twice each.
        let rate = pow(1.01, 12.0) - 1
        let build = try #require(Solver(model: Self.fleet(Finance(loans: [
            Loan(hardware: "box", share: 1, annualRate: rate, termMonths: 3),
        ]))).solve().strategy(named: "build"))
        let payment = 1200 * 0.01 / (1 - pow(1.01, -3.0))
        #expect(isClose(payment, 408.0265337777628, relative: 1e-12))
        #expect(isClose(build.monthly.financing[0], -2400))
        #expect(isClose(build.monthly.financing[1], 2 * payment) && isClose(build.monthly.interest[1], 24))
        let balance = 1200 - (payment - 12)
        #expect(isClose(build.monthly.interest[2], 2 * 0.01 * balance))
        // Interest over the term = payments − principal: 3 × P − 1 200 per server.
        #expect(isClose(build.monthly.interest[1...3].reduce(0, +), 2 * (3 * payment - 1200)))
        #expect(isClose(build.monthly.financing[1...3].reduce(0, +), 2 * 3 * payment))
    }

    @Test("tax shield on P&L cost; NPV after tax; comparisons after tax")
    func taxShield() throws {
        // 25 % tax. buy: API 6 132 a month, all P&L: shield 1 533, after tax 4 599.
        // build, month 1: API 6 132 (fallback) + staff 10 000 = P&L 16 132 → shield 4 033; cash
        // 18 532 (with capex 2 400) → after tax 14 499. Month 3: P&L 10 974.075 + depreciation 360 =
        // 11 334.075 → shield 2 833.51875; cash 10 974.075 → 8 140.55625.
        let result = Solver(model: Self.fleet(Finance(taxRate: 0.25))).solve()
        let buy = try #require(result.strategy(named: "buy"))
        let build = try #require(result.strategy(named: "build"))
        #expect(buy.monthly.taxShield.allSatisfy { isClose($0, 1533) })
        #expect(buy.monthly.afterTaxCost.allSatisfy { isClose($0, 4599) })
        #expect(isClose(build.monthly.taxShield[0], 4033) && isClose(build.monthly.afterTaxCost[0], 14_499))
        #expect(isClose(build.monthly.taxShield[2], 2833.51875) && isClose(build.monthly.afterTaxCost[2], 8140.55625))
        // Discount rate 0: NPV after tax = Σ after-tax cost = cash 145 604.75 − 25 % × P&L 145 604.75.
        #expect(isClose(build.npvCostAfterTax, 145_604.75 * 0.75))
        #expect(isClose(build.npvCost, 145_604.75), "NPV of cost stays before tax")
        // Savings are after tax: 0.75 × (73 584 − 145 604.75) = −54 015.5625.
        let comparison = try #require(result.comparisons.first)
        #expect(isClose(comparison.npvSavings, 0.75 * (6132 * 12 - 145_604.75)))
    }

    @Test("terminal_value: none drops the servers' book value; residual still comes back")
    func terminalValueNone() throws {
        // SolverTestModels: residual 240 in month 8, terminal value 960 in month 12 (book).
        let book = try #require(Solver(model: Self.fleet()).solve().strategy(named: "build"))
        let none = try #require(Solver(model: Self.fleet(Finance(terminalValue: .none))).solve().strategy(named: "build"))
        #expect(isClose(book.terminalValue, 960) && none.terminalValue == 0)
        #expect(isClose(none.monthly.residual[7], 240))
        #expect(isClose(none.monthly.cost[11], book.monthly.cost[11] + 960))
    }

    @Test("energy of the fleet and kWh per million tokens run on it")
    func energy() throws {
        // Per server in service: (0.5 + 0.5 × 0.25) kW × 730 h × PUE 1.5 = 684.375 kWh; 2 servers in
        // months 3–12: 1 368.75 kWh a month, 13 687.5 in all. Power = energy × 0.1 USD = 136.875.
        // Tokens on the servers in months 3–12 (months 1–2 go to the fallback): 10 × 4.38M × 1 200
        // = 52 560 Mtok → 13 687.5 / 52 560 = 0.26041666… kWh per million tokens.
        let result = Solver(model: Self.fleet()).solve()
        let build = try #require(result.strategy(named: "build"))
        #expect(build.monthly.energyKilowattHours[..<2].allSatisfy { $0 == 0 })
        #expect(build.monthly.energyKilowattHours[2...].allSatisfy { isClose($0, 1368.75) })
        #expect(isClose(build.energyKilowattHours, 13_687.5))
        #expect(isClose(build.kilowattHoursPerMillionTokensSelfHosted, 13_687.5 / 52_560))
        #expect(zip(build.monthly.power, build.monthly.energyKilowattHours).allSatisfy { isClose($0, $1 * 0.1) })
        // Nothing runs on own servers in the API-only strategy: no energy, no ratio.
        let buy = try #require(result.strategy(named: "buy"))
        #expect(buy.energyKilowattHours == 0 && buy.kilowattHoursPerMillionTokensSelfHosted == nil)
    }
}
