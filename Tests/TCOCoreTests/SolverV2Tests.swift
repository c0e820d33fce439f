import Foundation
import TCOTestSupport
import Testing
@testable import TCOCore

/// Version 2 calculations on small models, each number worked out by hand in the comments.
@Suite("Solver v2: schedules, API pricing, GPUs, staff")
struct SolverV2Tests {
    static let start = YearMonth(year: 2027, month: 1)

    /// One workload of `requests` on one API (input 2, output 10 USD/Mtok), `months` months, no discounting.
    static func apiModel(_ workload: Workload, pricing: APIPricing, months: Int = 24) -> Model {
        Model(
            title: "API", currency: "USD", start: start, horizonMonths: months, discountRate: 0,
            workloads: [workload], serving: [ServingOption(name: "api", kind: .api(pricing))],
            strategies: [Strategy(name: "buy", route: Route([("api", 1)]))], baseline: "buy")
    }

    static func schedule<V>(_ steps: [(Int, V)]) -> Schedule<V> {
        Schedule(entries: steps.map { (month: $0.0, value: $0.1) }) ?? Schedule(steps[0].1)
    }

    @Test("a written request level holds in its month, and growth goes on from there")
    func scheduleStepRestartsTrend() throws {
        // requests {2027-01: 1M, 2027-07: 3M}, growth 44 %/year (1.44^(1/2) = 1.2 in six months):
        // month 4: 1M × 1.44^(3/12) = 1 095 445.115…; month 7: exactly 3M (the written value, not
        // 3M × 1.44^(6/12)); month 13: 3M × 1.44^(6/12) = 3.6M; month 19: 3M × 1.44 = 4.32M.
        let workload = Workload(
            name: "chat", requests: Self.schedule([(1, 1e6), (7, 3e6)]), growth: Schedule(Rate(0.44)),
            inputTokens: 1000, outputTokens: 0)
        let solver = Solver(model: Self.apiModel(workload, pricing: APIPricing(priceInput: 2, priceOutput: 10)))
        let requests = solver.requestsByWorkload[0]
        #expect(isClose(requests[0], 1e6))
        #expect(isClose(requests[3], 1_095_445.115010332))
        #expect(isClose(requests[5], 1e6 * pow(1.44, 5.0 / 12)))
        #expect(isClose(requests[6], 3e6))
        #expect(isClose(requests[12], 3.6e6))
        #expect(isClose(requests[18], 4.32e6))
        // API cost follows: 3M × 1000 tokens = 3 000 Mtok × 2 USD = 6 000 in month 7.
        let buy = try #require(solver.solve().strategy(named: "buy"))
        #expect(isClose(buy.monthly.api[6], 6000))
    }

    @Test("a rate schedule changes the trend from its month; the rate in force in month 1 alone never matters")
    func rateSchedule() throws {
        // price_change {2027-01: −90 %/year, 2027-02: 0 %/year, 2028-01: 44 %/year}: f(2 … 12) = 1,
        // so the −90 % of month 1 never applies; from month 13, f = 1.44^(1/12): month 13's price
        // is 10 × 1.44^(1/12), month 18's 10 × 1.44^(6/12) = 12, month 24's 10 × 1.44 = 14.4.
        let pricing = APIPricing(
            priceInput: Schedule(10), priceOutput: Schedule(0),
            priceChange: Self.schedule([(1, Rate(-0.9)), (2, Rate(0)), (13, Rate(0.44))]))
        let workload = Workload(name: "chat", requestsPerMonth: 1e6, inputTokens: 1, outputTokens: 0)
        let buy = try #require(Solver(model: Self.apiModel(workload, pricing: pricing)).solve().strategy(named: "buy"))
        // 1M requests × 1 input token = 1 Mtok, so the monthly cost is the price.
        #expect(buy.monthly.api[0...11].allSatisfy { isClose($0, 10) })
        #expect(isClose(buy.monthly.api[12], 10 * pow(1.44, 1.0 / 12)))
        #expect(isClose(buy.monthly.api[17], 12))
        #expect(isClose(buy.monthly.api[23], 14.4))
    }

    @Test("a written price holds in its month under a price change, then the change goes on from it")
    func priceScheduleWithChange() throws {
        // price_input {2027-01: 10, 2028-01: 5} with −20 %/year: month 12 = 10 × 0.8^(11/12);
        // month 13 = 5 exactly; month 25 = 5 × 0.8 = 4.
        let pricing = APIPricing(
            priceInput: Self.schedule([(1, 10.0), (13, 5.0)]), priceOutput: Schedule(0),
            priceChange: Schedule(Rate(-0.2)))
        let workload = Workload(name: "chat", requestsPerMonth: 1e6, inputTokens: 1, outputTokens: 0)
        let buy = try #require(Solver(model: Self.apiModel(workload, pricing: pricing, months: 25)).solve()
            .strategy(named: "buy"))
        #expect(isClose(buy.monthly.api[11], 10 * pow(0.8, 11.0 / 12)))
        #expect(isClose(buy.monthly.api[12], 5))
        #expect(isClose(buy.monthly.api[24], 4))
    }

    @Test("cache writes and a batch API on an api option")
    func cacheWriteAndBatch() throws {
        // 1M requests × (1000 in, 100 out); cached 20 %, cache write 10 %, batch 50 %; prices in 2,
        // out 10, cached 0.2, write 2.5 USD/Mtok, batch discount 50 %.
        // Input 1 000 Mtok × (70 % × 2 + 20 % × 0.2 + 10 % × 2.5 = 1.69) = 1 690; output 100 Mtok × 10
        // = 1 000; together 2 690 × (1 − 50 % × 50 %) = 2 017.5.
        let workload = Workload(
            name: "chat", requests: Schedule(1e6), inputTokens: 1000, outputTokens: 100, cachedInput: 0.2,
            cacheWrite: 0.1, batch: 0.5)
        let pricing = APIPricing(
            priceInput: Schedule(2), priceOutput: Schedule(10), priceCachedInput: Schedule(0.2),
            priceCacheWrite: Schedule(2.5), batchDiscount: 0.5)
        let buy = try #require(Solver(model: Self.apiModel(workload, pricing: pricing, months: 2)).solve()
            .strategy(named: "buy"))
        #expect(buy.monthly.api.allSatisfy { isClose($0, 2017.5) })
    }

    @Test("a long-context workload pays the long-context prices for all its tokens; at the threshold it does not")
    func longContext() throws {
        // 100 requests × 250k input (above 200k) and 1 000 output, cached 40 %: input 25 Mtok ×
        // (60 % × 6 + 40 % × 0.6 = 3.84) = 96; output 0.1 Mtok × 20 = 2; 98 in month 1, and the
        // option's −20 %/year: 98 × 0.8 = 78.4 in month 13.
        let long = LongContextPricing(above: 200_000, priceInput: 6, priceOutput: 20, priceCachedInput: 0.6)
        let pricing = APIPricing(
            priceInput: Schedule(3), priceOutput: Schedule(15), priceCachedInput: Schedule(0.3),
            priceChange: Schedule(Rate(-0.2)), longContext: long)
        let workload = Workload(
            name: "rooms", requests: Schedule(100), inputTokens: 250_000, outputTokens: 1000, cachedInput: 0.4)
        let buy = try #require(Solver(model: Self.apiModel(workload, pricing: pricing, months: 13)).solve()
            .strategy(named: "buy"))
        #expect(isClose(buy.monthly.api[0], 98))
        #expect(isClose(buy.monthly.api[12], 78.4))
        // Exactly 200k input is not above the threshold: 20 Mtok × (60 % × 3 + 40 % × 0.3 = 1.92)
        // = 38.4, plus 0.1 Mtok × 15 = 1.5: 39.9.
        var atThreshold = workload
        atThreshold.inputTokens = 200_000
        let normal = try #require(Solver(model: Self.apiModel(atThreshold, pricing: pricing, months: 1)).solve()
            .strategy(named: "buy"))
        #expect(isClose(normal.monthly.api[0], 39.9))
    }

    /// Rented GPUs for 8.76M requests a month of 0.3 GPU-seconds: A = 8.76M × 0.3 / 2 628 000 = 1
    /// busy GPU; peak-to-average 2, max utilization 50 %; 2 USD/GPU-hour; 6 months.
    static func rentedModel(batch: Double = 0, pricing: RentedPricing) -> Model {
        var workload = SolverTestModels.workload(requests: 8_760_000)
        workload.batch = batch
        return Model(
            title: "Rented", currency: "USD", start: start, horizonMonths: 6, discountRate: 0,
            workloads: [workload],
            serving: [SolverTestModels.cheapAPI,
                      ServingOption(name: "gpus", kind: .rented(SolverTestModels.gpuServing, pricing))],
            strategies: [Strategy(name: "buy", route: Route([("api", 1)])),
                         Strategy(name: "rent", route: Route([("gpus", 1)]))],
            baseline: "buy")
    }

    @Test("batch requests run off-peak: they count in GPUs at peak at their average rate")
    func batchOffPeak() throws {
        // Without batch: N = 1 × 2 / 50 % = 4 GPUs → 4 × 2 × 730 = 5 840 a month.
        // With 50 % batch: N = 1 × (50 % × 2 + 50 %) / 50 % = 3 GPUs → 4 380; A stays 1.
        let pricing = RentedPricing(gpuHour: Schedule(2))
        let all = try #require(Solver(model: Self.rentedModel(pricing: pricing)).solve().strategy(named: "rent"))
        #expect(all.monthly.rented.allSatisfy { isClose($0, 5840) })
        let solver = Solver(model: Self.rentedModel(batch: 0.5, pricing: pricing))
        let half = try #require(solver.solve().strategy(named: "rent"))
        #expect(half.monthly.rented.allSatisfy { isClose($0, 4380) })
        let detail = try #require(solver.details(of: solver.model.strategies[1]).inHouse.first)
        #expect(detail.averageBusyGPUs.allSatisfy { isClose($0, 1) })
        #expect(detail.peakGPUs.allSatisfy { isClose($0, 3) })
    }

    @Test("hourly scaling pays the GPU-hours used beyond a commitment, which is paid in every month of its term")
    func hourlyWithCommitment() throws {
        // Hourly: A / max utilization = 1 / 50 % = 2 GPUs' worth of hours. A commitment of 1 GPU at
        // 1.5 USD/GPU-hour from month 2 for 3 months (months 2–4): 1 × 1.5 × 730 = 1 095, plus on
        // demand (2 − 1) × 730 × 2 = 1 460: 2 555. Months 1, 5, 6: 2 × 730 × 2 = 2 920.
        let commitment = Commitment(gpus: 1, gpuHour: 1.5, firstMonth: 2, termMonths: 3)
        let hourly = RentedPricing(gpuHour: Schedule(2), scaling: .hourly, commitments: [commitment])
        let result = Solver(model: Self.rentedModel(pricing: hourly)).solve()
        let rent = try #require(result.strategy(named: "rent"))
        #expect(rent.monthly.rented.enumerated().allSatisfy { m, cost in
            isClose(cost, (1...3).contains(m) ? 2555 : 2920)
        })
        // The API-only baseline never pays the commitment.
        #expect(result.strategy(named: "buy")?.monthly.rented.allSatisfy { $0 == 0 } == true)
        // Peak scaling: ceil(N) = 4 GPUs, 3 beyond the commitment: 3 × 2 × 730 + 1 095 = 5 475.
        let peak = RentedPricing(gpuHour: Schedule(2), scaling: .peak, commitments: [commitment])
        let peakRent = try #require(Solver(model: Self.rentedModel(pricing: peak)).solve().strategy(named: "rent"))
        #expect(isClose(peakRent.monthly.rented[1], 5475) && isClose(peakRent.monthly.rented[0], 5840))
        // A commitment larger than the need is paid in full; on demand is 0: 5 × 1.5 × 730 = 5 475.
        let big = RentedPricing(gpuHour: Schedule(2), scaling: .hourly,
                                commitments: [Commitment(gpus: 5, gpuHour: 1.5, firstMonth: -3, termMonths: 6)])
        let bigRent = try #require(Solver(model: Self.rentedModel(pricing: big)).solve().strategy(named: "rent"))
        // From 4 months before start for 6 months: months 1–2 of the horizon only.
        #expect(isClose(bigRent.monthly.rented[0], 5475) && isClose(bigRent.monthly.rented[2], 2920))
        // GPUs rented at the peak hour: ceil(N) = 4, or the 5 committed while the commitment runs;
        // the table shows them beside the servers, which a rented strategy has none of.
        #expect(rent.monthly.rentedGPUs == [4, 4, 4, 4, 4, 4] && rent.rentedGPUsMax == 4)
        #expect(bigRent.monthly.rentedGPUs == [5, 5, 4, 4, 4, 4] && bigRent.peakCapacityText == "0 (+5 rented GPUs)")
        #expect(result.strategy(named: "buy")?.peakCapacityText == "0")
    }

    @Test("staff paid by a list of strategies, with a yearly pay rise and a growing headcount")
    func staffListWithPayRise() throws {
        // A role of 1 FTE at 120k/year with a 44 %/year pay rise, paid by 'buy' only (an API-only
        // strategy): 10 000 in month 1, 10 000 × 1.2 = 12 000 in month 7, 14 400 in month 13.
        // A second role paid by all: 0.5 FTE until month 6, then 2 FTE, at 24k/year: 1 000 then 4 000.
        var model = Self.rentedModel(pricing: RentedPricing(gpuHour: Schedule(2)))
        model.horizonMonths = 13
        model.staff = [
            StaffRole(name: "analyst", count: Schedule(1), costPerYear: Schedule(120_000),
                      costChange: Schedule(Rate(0.44)), payers: .strategies(["buy"])),
            StaffRole(name: "finops", count: Self.schedule([(1, 0.5), (7, 2.0)]), costPerYear: Schedule(24_000),
                      payers: .all),
        ]
        let result = Solver(model: model).solve()
        let buy = try #require(result.strategy(named: "buy"))
        #expect(isClose(buy.monthly.staff[0], 10_000 + 1_000))
        #expect(isClose(buy.monthly.staff[6], 12_000 + 4_000))
        #expect(isClose(buy.monthly.staff[12], 14_400 + 4_000))
        // 'rent' runs GPUs but is not on the list: it pays only the role paid by all.
        let rent = try #require(result.strategy(named: "rent"))
        #expect(isClose(rent.monthly.staff[0], 1_000) && isClose(rent.monthly.staff[12], 4_000))
    }
}
