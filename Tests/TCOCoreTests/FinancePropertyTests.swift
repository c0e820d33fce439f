import PropertyBased
import TCOTestSupport
import Testing
@testable import TCOCore

/// Invariants a finance reviewer relies on, checked over random inputs rather than chosen ones.
@Suite("Finance invariants (property-based)")
struct FinancePropertyTests {

    /// The API-only model with every price (input, output, cached) multiplied by `k`.
    static func scaledPrices(_ k: Double) -> Model {
        var model = SolverTestModels.apiOnly(months: 24, discountRate: 0.08)
        if case .api(var pricing) = model.serving[0].kind {
            pricing.priceInput = Schedule(pricing.priceInput.first * k)
            pricing.priceOutput = Schedule(pricing.priceOutput.first * k)
            pricing.priceCachedInput = Schedule(pricing.priceCachedInput.first * k)
            model.serving[0].kind = .api(pricing)
        }
        return model
    }

    @Test("scaling every price by k scales API cost by k, month by month")
    func pricesScale() async {
        let base = Solver(model: Self.scaledPrices(1)).solve().strategies[0]
        await propertyCheck(input: Gen.double(in: 0...50)) { k in
            let scaled = Solver(model: Self.scaledPrices(k)).solve().strategies[0]
            for (a, b) in zip(scaled.monthly.api, base.monthly.api) { #expect(isClose(a, k * b)) }
            #expect(isClose(scaled.npvCost, k * base.npvCost))
        }
    }

    @Test("more volume never lowers API cost")
    func volumeMonotone() async {
        await propertyCheck(input: Gen.double(in: 0...1e8), Gen.double(in: 0...1e8)) { a, b in
            let (low, high) = (Swift.min(a, b), Swift.max(a, b))
            func cost(_ requests: Double) -> Double {
                var model = SolverTestModels.apiOnly(months: 12)
                model.workloads[0].requests = Schedule(requests)
                return Solver(model: model).solve().strategies[0].totalCost
            }
            #expect(cost(low) <= cost(high) * (1 + 1e-12))
        }
    }

    @Test("with a 0 % discount rate NPV equals the plain sum of monthly cost")
    func zeroDiscount() async {
        await propertyCheck(input: Gen.double(in: 0...2e7)) { requests in
            var model = SolverTestModels.fleet()
            model.discountRate = 0
            model.workloads[0].requests = Schedule(requests)
            for strategy in Solver(model: model).solve().strategies {
                #expect(isClose(strategy.npvCost, strategy.monthly.cost.reduce(0, +)))
                #expect(isClose(strategy.npvCost, strategy.totalCost))
            }
        }
    }

    @Test("a strategy compared with itself saves 0 and pays back in month 1")
    func selfComparison() async {
        await propertyCheck(input: Gen.double(in: 1...2e7), Gen.double(in: 0...0.3)) { requests, rate in
            var model = SolverTestModels.fleet()
            model.discountRate = rate
            model.workloads[0].requests = Schedule(requests)
            var twin = model.strategies[1]
            twin.name = "build-twin"
            model.strategies = [model.strategies[1], twin]
            model.baseline = model.strategies[0].name
            let comparison = Solver(model: model).solve().comparisons.first
            #expect(comparison?.npvSavings == 0)
            #expect(comparison?.paybackMonth == 1)
        }
    }
}
