import Foundation
import TCOTestSupport
import Testing
import TCOCore
@testable import TCOLoading

/// Version 2 keys read into the model: schedules, defaults, lists, scenarios and `extends`.
@Suite("Loading version 2 keys")
struct LoaderV2Tests {
    static let fixtures = TestPaths.modelFixtures

    /// `valid/small.yaml` with `replacements` (old → new, each applied once), loaded from a temporary file.
    static func load(
        _ replacements: [(String, String)], extraFiles: [String: String] = [:]
    ) throws -> Result<LoadedModel, LoadFailure> {
        var text = try String(contentsOf: fixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
        for (old, new) in replacements {
            guard let range = text.range(of: old) else {
                Issue.record("'\(old)' is not in small.yaml")
                continue
            }
            text.replaceSubrange(range, with: new)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for (name, content) in extraFiles {
            try content.write(toFile: folder.appendingPathComponent(name).path, atomically: true, encoding: .utf8)
        }
        return ModelLoader().load(path).result
    }

    static func loaded(_ replacements: [(String, String)]) throws -> LoadedModel {
        switch try load(replacements) {
        case .success(let loaded): return loaded
        case .failure(let failure):
            throw LoadError(message: failure.diagnostics.map(\.headline).joined(separator: "\n"))
        }
    }

    struct LoadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("the spec's version 2 example loads, with every scenario")
    func exampleLoads() throws {
        let (result, _) = ModelLoader().load(Self.fixtures.appendingPathComponent("valid/example-v2.yaml").path)
        let loaded = try result.get()
        #expect(loaded.scenarios.map(\.name) == ["base", "price-collapse", "no-terminal-value", "cash-purchase", "peak-rent"])
        let review = try #require(loaded.base.workloads.first)
        // 2027-01 is month 1 and 2028-01 month 13; the growth schedule changes in 2029-01 (month 25).
        #expect(review.requests.steps == [.init(month: 1, value: 300_000), .init(month: 13, value: 600_000)])
        #expect(review.growth.steps.map(\.month) == [1, 25])
        #expect(review.cacheWrite == 0.05 && review.batch == 0.3)
        guard case .api(let frontier) = loaded.base.servingOption(named: "frontier")?.kind else {
            Issue.record("frontier is not an api option")
            return
        }
        #expect(frontier.priceInput.steps.map(\.month) == [1, 7])
        #expect(frontier.longContext?.priceCachedInput == 6, "long-context cached price defaults to its price_input")
        #expect(frontier.batchDiscount == 0.5)
        guard case .rented(_, let rented) = loaded.base.servingOption(named: "rented-h200")?.kind else {
            Issue.record("rented-h200 is not rented")
            return
        }
        #expect(rented.scaling == .hourly)
        #expect(rented.commitments == [Commitment(gpus: 8, gpuHour: 2.6, firstMonth: 1, termMonths: 12)])
        let peakRent = try #require(loaded.scenario(named: "peak-rent")?.model)
        guard case .rented(_, let overridden) = peakRent.servingOption(named: "rented-h200")?.kind else { return }
        #expect(overridden.scaling == .peak && overridden.commitments.isEmpty)
        #expect(loaded.base.staff.map(\.payers) == [.inHouse, .all, .strategies(["own"])])
        #expect(loaded.base.finance.loans == [Loan(hardware: "h200-server", share: 0.8, annualRate: 0.07, termMonths: 36)])
        #expect(loaded.scenario(named: "no-terminal-value")?.model.finance.terminalValue == Finance.TerminalValue.none)
        let own = try #require(loaded.base.strategy(named: "own"))
        #expect(own.oneTimeCosts == [
            OneTimeCost(name: "fine-tuning", cost: 180_000, month: 2),
            OneTimeCost(name: "platform-build", cost: 300_000, month: 1, capitalizeMonths: 36),
        ])
    }

    @Test("a schedule's entries at or before start give month 1's value; later months count from start")
    func scheduleMonths() throws {
        let loaded = try Self.loaded([("requests: 1M/month", "requests: {2026-06: 5M/month, 2026-11: 1M/month, 2027-04: 2M/month, 2031-01: 9M/month}")])
        let chat = try #require(loaded.base.workloads.first)
        #expect(chat.requests.steps == [.init(month: 1, value: 1_000_000), .init(month: 4, value: 2_000_000),
                                        .init(month: 49, value: 9_000_000)])
    }

    @Test("cached and cache-write prices default to the scenario's own price_input, schedule and all")
    func defaultsFollowScenario() throws {
        let loaded = try Self.loaded([
            ("serving.frontier.price_change: -40%/year",
             "serving.private-api.price_input: {2027-01: 5 USD/Mtok, 2028-01: 2 USD/Mtok}"),
        ])
        let scenario = try #require(loaded.scenario(named: "price-war")?.model)
        guard case .api(let pricing) = scenario.servingOption(named: "private-api")?.kind else {
            Issue.record("private-api is not an api option")
            return
        }
        #expect(pricing.priceCachedInput == pricing.priceInput)
        #expect(pricing.priceCacheWrite.steps == [.init(month: 1, value: 5), .init(month: 13, value: 2)])
    }

    @Test("scenarios override new keys: a whole list, a word, a one-time cost's key, a loan's key, finance")
    func scenarioOverrides() throws {
        let loaded = try Self.loaded([
            ("    gpu_hour: 2.4 USD/GPU-hour\n",
             "    gpu_hour: 2.4 USD/GPU-hour\n    commitments: [{gpus: 4, gpu_hour: 1.9 USD/GPU-hour, from: 2026-07, term: 1 year}]\n"),
            ("    fallback: private-api\n", "    fallback: private-api\n    one_time:\n      tuning: {cost: 100k USD}\n"),
            ("baseline: buy\n", "baseline: buy\n\nfinance:\n  financing:\n    gpu-server: {loan: 80%, rate: 7%, term: 3 years}\n"),
            ("    serving.frontier.price_change: -40%/year\n", """
                    serving.frontier.price_change: -40%/year
                    serving.rented-slm.commitments: []
                    serving.rented-slm.scaling: hourly
                    strategies.hybrid.one_time.tuning.capitalize: 2 years
                    finance.financing.gpu-server.rate: 9%/year
                    finance.tax_rate: 30%
                    staff.engineer.strategies: [rent, hybrid]
                    staff.engineer.cost: {2027-01: 200k USD/year, 2028-01: 230k USD/year}

                """),
        ])
        guard case .rented(_, let base) = loaded.base.servingOption(named: "rented-slm")?.kind else { return }
        // A commitment from before start counts from month 1 − 6.
        #expect(base.commitments == [Commitment(gpus: 4, gpuHour: 1.9, firstMonth: -5, termMonths: 12)])
        let scenario = try #require(loaded.scenario(named: "price-war")?.model)
        guard case .rented(_, let rented) = scenario.servingOption(named: "rented-slm")?.kind else { return }
        #expect(rented.commitments.isEmpty && rented.scaling == .hourly)
        #expect(scenario.strategy(named: "hybrid")?.oneTimeCosts.first?.capitalizeMonths == 24)
        #expect(scenario.finance.loans.first?.annualRate == 0.09)
        #expect(scenario.finance.loans.first?.share == 0.8)
        #expect(scenario.finance.taxRate == 0.3)
        #expect(scenario.staff.first?.payers == .strategies(["rent", "hybrid"]))
        #expect(scenario.staff.first?.costPerYear.steps.map(\.month) == [1, 13])
        #expect(loaded.base.finance.taxRate == 0)
    }

    @Test("extends replaces a schedule and a list whole, and merges maps key by key")
    func extendsReplacesWhole() throws {
        let base = try String(contentsOf: Self.fixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "requests: 1M/month", with: "requests: {2027-01: 1M/month, 2028-01: 2M/month}")
            .replacingOccurrences(of: "    gpu_hour: 2.4 USD/GPU-hour\n", with: """
                    gpu_hour: 2.4 USD/GPU-hour
                    commitments: [{gpus: 4, gpu_hour: 1.9 USD/GPU-hour, from: 2027-01, term: 1 year}]

                """)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try base.write(to: folder.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try """
            extends: base.yaml
            workloads:
              chat:
                requests: {2026-12: 3M/month, 2029-01: 1M/month}
            serving:
              rented-slm:
                commitments: [{gpus: 2, gpu_hour: 1.5 USD/GPU-hour, from: 2028-01, term: 6 months}]
            scenarios:
              price-war:
                workloads.chat.requests: {2027-01: 5M/month}

            """.write(to: folder.appendingPathComponent("proposal.yaml"), atomically: true, encoding: .utf8)
        let loaded = try ModelLoader().load(folder.appendingPathComponent("proposal.yaml").path).result.get()
        let chat = try #require(loaded.base.workloads.first)
        #expect(chat.requests.steps == [.init(month: 1, value: 3_000_000), .init(month: 25, value: 1_000_000)])
        #expect(chat.growth.first == Rate(0.2), "the rest of the workload comes from the base")
        guard case .rented(_, let rented) = loaded.base.servingOption(named: "rented-slm")?.kind else { return }
        #expect(rented.commitments == [Commitment(gpus: 2, gpuHour: 1.5, firstMonth: 13, termMonths: 6)])
        #expect(loaded.scenario(named: "price-war")?.model.workloads.first?.requests.isConstant == true)
        // The scenario of the base (frontier price change) is kept and merged with this file's.
        #expect(loaded.scenario(named: "price-war")?.overrides.count == 2)
    }

    @Test("a fallback is needed only in months with demand and no server in service")
    func fallbackFollowsSchedules() throws {
        // No requests until month 3 (after the 2-month lead time): no fallback needed.
        let later = try Self.load([
            ("    fallback: private-api\n", ""),
            ("requests: 1M/month", "requests: {2027-01: 0/month, 2027-03: 1M/month}"),
            ("  claims:\n    requests: 100k/month", "  claims:\n    requests: {2027-01: 0/month, 2027-03: 100k/month}"),
        ])
        #expect((try? later.get()) != nil, "\((try? later.get()) == nil ? "refused" : "")")
        // Requests from month 2: needed.
        let early = try Self.load([
            ("    fallback: private-api\n", ""),
            ("requests: 1M/month", "requests: {2027-01: 0/month, 2027-02: 1M/month}"),
            ("  claims:\n    requests: 100k/month", "  claims:\n    requests: {2027-01: 0/month, 2027-03: 100k/month}"),
        ])
        guard case .failure(let failure) = early else {
            Issue.record("accepted without a fallback")
            return
        }
        #expect(failure.diagnostics.contains { $0.code == .missingFallback && $0.keyPath == "strategies.hybrid" })
    }

    @Test("inputs of a schedule or a list are one value each, for compare")
    func inputsFlattenSchedules() throws {
        let loaded = try Self.loaded([
            ("requests: 1M/month", "requests: {2027-01: 1M/month, 2028-01: 2M/month}"),
            ("engineer: {count: 1.5, cost: 200k USD/year}", "engineer: {count: 1.5, cost: 200k USD/year, strategies: [hybrid]}"),
        ])
        let inputs = Dictionary(loaded.inputs.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        #expect(inputs["workloads.chat.requests"] == "{2027-01: 1M/month, 2028-01: 2M/month}")
        #expect(inputs["staff.engineer.strategies"] == "[hybrid]")
    }
}
