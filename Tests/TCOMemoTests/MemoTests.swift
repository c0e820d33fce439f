import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOMemo
import TCOTestSupport

@Suite("Review memo")
struct MemoTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = TestPaths.repository
    static let template = repository.appendingPathComponent("Templates/memo.md.mustache").path

    static func render(_ relativeModel: String, template: String = MemoTests.template) throws -> (String, LoadedModel, [ScenarioResult]) {
        let loaded = try ModelLoader().load(repository.appendingPathComponent(relativeModel).path).result.get()
        let results = loaded.solvedScenarios()
        // The model path inside the memo is shown relative to the repository, as `make report` runs there.
        var context = MemoContext.make(loaded, results: results)
        context["model_file"] = relativeModel
        return (try MemoTemplate(path: template).render(context), loaded, results)
    }

    @Test("the starter's TODO comments are named as unsourced figures first among the risks; sourced models have none")
    func unsourcedFigures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-starter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("starter.yaml")
        try StarterModel.text.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader().load(file.path).result.get()
        let todo = loaded.inputs.filter { $0.source?.hasPrefix("TODO") == true }
        #expect(todo.count > 30)
        let context = MemoContext.make(loaded, results: loaded.solvedScenarios())
        let risks = try #require(context["risks"] as? [[String: Any]])
        let first = try #require(risks.first?["text"] as? String)
        #expect(first.hasPrefix("**\(todo.count) figures not yet sourced.**"), "\(first)")
        #expect(first.contains("(`discount_rate`, `workloads.assistant.requests`, `workloads.assistant.growth`, …)"))
        #expect(MemoContext.unsourcedRisk(try Self.render("Models/support-copilot.yaml").1.inputs).isEmpty)
    }

    @Test("the in-house team risk counts the roles the strategy pays and the baseline does not, role by role")
    func inHouseTeamByRole() throws {
        // A vendor manager only the baseline (buy) pays: rent's own team is unchanged, so is its share
        // (subtracting the baseline's whole staff cost would have shrunk it below the 30 % threshold).
        let text = try String(contentsOf: Self.repository.appendingPathComponent("Models/support-copilot.yaml"),
                              encoding: .utf8)
            .replacingOccurrences(of: "\nstrategies:\n", with: "  vendor-manager: {count: 2, cost: 300k USD/year, "
                + "strategies: [buy]}\n\nstrategies:\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tco-team-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded = try ModelLoader().load(file.path).result.get()
        let risks = try #require(MemoContext.make(loaded, results: loaded.solvedScenarios())["risks"] as? [[String: Any]])
        #expect(risks.contains { ($0["text"] as? String)?.hasPrefix("**The in-house team is 50% of rent's") == true })
    }

    /// Snapshots: re-record with `RECORD_SNAPSHOTS=1 swift test --filter MemoTests`.
    @Test("memo matches its snapshot", arguments: [
        "Models/support-copilot.yaml", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml",
        "Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml",
    ])
    func snapshot(_ model: String) throws {
        let (memo, _, _) = try Self.render(model)
        let name = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        let file = Self.fixtures.appendingPathComponent("snapshots/\(name).md")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try memo.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(memo == expected, "memo differs from \(file.path); re-record with RECORD_SNAPSHOTS=1 if the change is intended")
    }

    @Test("every number in the results tables is the solver's value, formatted")
    func numbersMatchSolver() throws {
        let (memo, loaded, results) = try Self.render("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml")
        let currency = loaded.base.currency
        for result in results {
            for strategy in result.strategies {
                let c = result.comparisons.first { $0.strategy == strategy.name }
                let money: (Double) -> String = { MoneyFormat.short($0, currency: currency) }
                var cells: [String] = [money(strategy.npvCost), money(strategy.totalCost), money(strategy.capex), money(strategy.totalPnLCost), money(strategy.terminalValue)]
                cells.append(MoneyFormat.full(strategy.levelizedCostPerMillionTokens ?? 0, currency: currency, decimals: 2))
                cells.append(strategy.peakCapacityText)
                if let c {
                    let payback: String = c.paybackMonth.map { "month \($0) (\(MemoContext.shortLabel(loaded.base.start.adding(months: $0 - 1))))" } ?? "never"
                    cells += [money(c.npvSavings), payback, MemoContext.breakEvenCell(c.breakEvenVolume), MemoContext.breakEvenCell(c.breakEvenPrice)]
                } else {
                    cells += ["—", "—", "—", "—"]
                }
                let row = " | " + cells.joined(separator: " | ") + " |"
                #expect(memo.contains(row), "\(result.name)/\(strategy.name): no row ending with\(row)")
            }
        }
        // Hand-checked against the solver: base NPV of hybrid 3 607 032.57 → $3.61M; buy 5 306 195.44 → $5.31M.
        #expect(memo.contains("| hybrid | $3.61M |"))
        #expect(memo.contains("| buy (baseline) | $5.31M |"))
    }

    @Test("the recommendation answers what, why, when it pays back and what would change our mind")
    func recommendation() throws {
        let (memo, _, _) = try Self.render("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml")
        // Spec example, base: rent $3.04M is lowest; saves $2.26M (43%) against buy $5.31M; payback month 1;
        // volume break-even 0.445 above, price 0.477 above; wins every scenario.
        #expect(memo.contains("Adopt **rent**"))
        #expect(memo.contains("$2.26M (43%) less than **buy**"))
        #expect(memo.contains("needs no upfront investment and is cheaper in cash from the first month"))
        #expect(memo.contains("lowest NPV of cost in every scenario"))
        #expect(memo.contains("Against **buy**, **rent** wins at the forecast and stays cheaper down to 0.45× the forecast "
            + "volume; it wins at today's API prices and stays cheaper down to 0.48× those prices."))
        #expect(memo.contains("```mermaid\nxychart-beta"))
    }

    @Test("when the baseline wins, the challenger is described as dearer now, cheaper only past its break-even")
    func baselineWins() throws {
        let (memo, _, _) = try Self.render("Tests/TCOMemoTests/Fixtures/models/cheap-api.yaml")
        // Solver: rent loses at the forecast and wins above 9.868× the volume and 4.768× the API prices.
        #expect(memo.contains("Keep **buy**"))
        #expect(memo.contains("Against **buy**, **rent** is dearer at the forecast and becomes cheaper only above 9.87× "
            + "the forecast volume; it is dearer at today's API prices and becomes cheaper only above 4.77× those prices."))
        #expect(!memo.contains("stays cheaper"))
        #expect(!memo.contains("No cash payback"))
    }

    @Test("a user's own template outside the repository renders")
    func customTemplate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("board.md.mustache").path
        try "# Board note: {{title}}\n{{#scenarios}}{{#is_base}}{{#rows}}- {{strategy}}: {{npv_cost}}\n{{/rows}}{{/is_base}}{{/scenarios}}"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (memo, _, _) = try Self.render("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", template: path)
        #expect(memo == "# Board note: Example support copilot — build vs buy\n- buy: $5.31M\n- hybrid: $3.61M\n- rent: $3.04M\n")
    }

    @Test("an unknown tag is an error at its line, with a suggestion")
    func unknownTag() throws {
        let template = try MemoTemplate(text: "# {{title}}\n\nNPV: {{npv_cots}}\n", file: "memo.md.mustache")
        #expect(throws: TemplateError.self) { try template.render(["title": "x", "npv_cost": "1"]) }
        do {
            _ = try template.render(["title": "x", "npv_cost": "1"])
        } catch let error as TemplateError {
            #expect(error.line == 3 && error.column == 6)
            #expect(error.message == "unknown tag 'npv_cots'")
            #expect(error.hint == "did you mean 'npv_cost'?")
            #expect(error.description.hasPrefix("memo.md.mustache:3:6: error: template: "))
        }
    }

    @Test("bad syntax is an error naming the template file and line")
    func badSyntax() {
        do {
            _ = try MemoTemplate(text: "# {{title}}\n{{#scenarios}}\n- {{name}}\n", file: "broken.mustache")
            Issue.record("accepted an unclosed section")
        } catch let error as TemplateError {
            #expect(error.file == "broken.mustache")
            #expect(error.line >= 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Comparing two versions of a decision")
struct CompareTests {
    static func solved(_ relative: String) throws -> (LoadedModel, [ScenarioResult]) {
        let loaded = try ModelLoader().load(MemoTests.repository.appendingPathComponent(relative).path).result.get()
        return (loaded, loaded.solvedScenarios())
    }

    @Test("a file compared with itself has no input changes and zero deltas")
    func itself() throws {
        let (a, ra) = try Self.solved("Models/support-copilot.yaml")
        let c = ModelComparison(a, ra, a, ra)
        #expect(c.inputChanges.isEmpty)
        #expect(!c.results.isEmpty && c.results.allSatisfy { $0.npvDelta == 0 })
        #expect(c.winners.allSatisfy { $0.old == $0.new })
    }

    @Test("the default model and its proposal differ in exactly the keys the proposal writes")
    func proposal() throws {
        let (a, ra) = try Self.solved("Models/support-copilot.yaml")
        let (b, rb) = try Self.solved("Models/support-copilot-h200.yaml")
        let c = ModelComparison(a, ra, b, rb)
        let expected = [
            "model", "serving.slm-8b.hardware", "serving.slm-8b.decode_throughput",
            "hardware.h200-server.gpus", "hardware.h200-server.price", "hardware.h200-server.power", "hardware.h200-server.idle_power",
            "hardware.h200-server.life", "hardware.h200-server.residual", "hardware.h200-server.maintenance", "hardware.h200-server.lead_time",
            "scenarios.h200-supply-delay.hardware.h200-server.lead_time",
        ]
        #expect(c.inputChanges.map(\.path) == expected)
        #expect(c.inputChanges.first { $0.path == "serving.slm-8b.decode_throughput" } == .init(path: "serving.slm-8b.decode_throughput", old: "4000 tok/s", new: "5600 tok/s"))
        // Strategies that do not use the changed server move by exactly zero.
        #expect(c.results.filter { $0.strategy != "hybrid" }.allSatisfy { $0.npvDelta == 0 })
        #expect(c.results.contains { $0.strategy == "hybrid" && $0.npvDelta != 0 })
        // The scenario new in B is not compared (present in one version only).
        #expect(!c.winners.contains { $0.scenario == "h200-supply-delay" })
    }

    @Test("compare memo matches its snapshot")
    func snapshot() throws {
        let (a, ra) = try Self.solved("Models/support-copilot.yaml")
        let (b, rb) = try Self.solved("Models/support-copilot-h200.yaml")
        var context = CompareContext.make(ModelComparison(a, ra, b, rb), a: a, b: b)
        context["file_a"] = "Models/support-copilot.yaml"
        context["file_b"] = "Models/support-copilot-h200.yaml"
        let memo = try MemoTemplate(path: MemoTests.repository.appendingPathComponent("Templates/compare.md.mustache").path).render(context)
        let file = MemoTests.fixtures.appendingPathComponent("snapshots/support-copilot-vs-h200.md")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try memo.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(memo == (try String(contentsOf: file, encoding: .utf8)))
        #expect(memo.contains("| `serving.slm-8b.decode_throughput` | 4000 tok/s | 5600 tok/s |"))
    }
}
