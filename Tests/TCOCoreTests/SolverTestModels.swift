@testable import TCOCore

/// Small models whose every number is worked out by hand in the tests' comments.
enum SolverTestModels {
    /// 1M requests/month × (1000 in, 200 out), 20 % cached, on one API (3 / 15 / 0.3 USD per Mtok, −20 %/year).
    static func apiOnly(months: Int = 13, discountRate: Double = 0) -> Model {
        Model(
            title: "API only", currency: "USD", start: YearMonth(year: 2027, month: 1), horizonMonths: months,
            discountRate: discountRate,
            workloads: [Workload(name: "chat", requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 200, cachedInput: 0.2)],
            serving: [ServingOption(name: "frontier", kind: .api(APIPricing(
                priceInput: 3, priceOutput: 15, priceCachedInput: 0.3, priceChange: Rate(-0.2))))],
            strategies: [Strategy(name: "buy", route: Route([("frontier", 1)]))],
            baseline: "buy")
    }

    /// 0.3 GPU-seconds per request (1000 in at 10 000 tok/s + 200 out at 1 000 tok/s),
    /// peak-to-average 2, max utilization 50 %: GPUs at peak N = 4 × average busy GPUs.
    static let gpuServing = GPUServing(decodeThroughput: 1000, prefillThroughput: 10_000, maxUtilization: 0.5)

    static func workload(requests: Double) -> Workload {
        Workload(name: "chat", requestsPerMonth: requests, inputTokens: 1000, outputTokens: 200, peakToAverage: 2)
    }

    /// A cheap API (1 / 2 USD per Mtok: 0.0014 USD per request of 1000 in + 200 out).
    static let cheapAPI = ServingOption(name: "api", kind: .api(APIPricing(priceInput: 1, priceOutput: 2)))

    /// Rented GPUs at 2 USD/GPU-hour, one workload of `requests` per month, 3 months.
    static func rented(requests: Double) -> Model {
        Model(
            title: "Rented", currency: "USD", start: YearMonth(year: 2027, month: 1), horizonMonths: 3, discountRate: 0,
            workloads: [workload(requests: requests)],
            serving: [cheapAPI, ServingOption(name: "gpus", kind: .rented(gpuServing, gpuHour: 2, priceChange: .zero))],
            strategies: [Strategy(name: "buy", route: Route([("api", 1)])), Strategy(name: "rent", route: Route([("gpus", 1)]))],
            baseline: "buy")
    }

    /// A self-hosted fleet over 12 months: 4.38M requests/month (average busy GPUs A = 0.5, so
    /// N = 2 GPUs at peak = 2 one-GPU servers); lead time 2, life 6, price 1200, residual 10 %,
    /// maintenance 12 %/year, 1 kW full / 0.5 kW idle, PUE 1.5, 0.1 USD/kWh, 100 USD/kW/month,
    /// escalation 10 % to the API, fallback to the API, one engineer at 120k/year.
    static func fleet() -> Model {
        Model(
            title: "Fleet", currency: "USD", start: YearMonth(year: 2027, month: 1), horizonMonths: 12, discountRate: 0,
            workloads: [workload(requests: 4_380_000)],
            serving: [cheapAPI, ServingOption(name: "slm", kind: .selfHosted(gpuServing, hardware: "box"))],
            hardware: [Hardware(name: "box", gpus: 1, price: 1200, power: 1, idlePower: 0.5, lifeMonths: 6,
                                residual: 0.1, maintenancePerYear: 0.12, leadTimeMonths: 2)],
            facility: Facility(pue: 1.5, electricityPerKilowattHour: 0.1, colocationPerKilowattMonth: 100),
            staff: [StaffRole(name: "engineer", count: 1, costPerYear: 120_000)],
            strategies: [
                Strategy(name: "buy", route: Route([("api", 1)])),
                Strategy(name: "build", route: Route([("slm", 1)]), escalation: Escalation(rate: 0.1, to: "api"), fallback: "api"),
            ],
            baseline: "buy")
    }
}
