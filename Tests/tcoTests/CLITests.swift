import Foundation
import Testing
import TCOTestSupport

/// End-to-end: runs the built `tco` binary as a user would.
@Suite("tco command line")
struct CLITests {
    @Test("check accepts the shipped models and prints a summary")
    func checkAccepts() throws {
        let result = try TCOProcess.run(["check", "Models/support-copilot.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Models/support-copilot.yaml: ok"))
    }

    static let fixtures = TestPaths.modelFixtures

    @Test("check refuses every invalid fixture with exit 1, located errors on stderr, nothing on stdout")
    func checkRefuses() throws {
        let folder = Self.fixtures.appendingPathComponent("invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 30)
        for file in files {
            let relative = "Tests/TCOLoadingTests/Fixtures/invalid/\(file)"
            let result = try TCOProcess.run(["check", relative])
            #expect(result.status == 1, "\(file)")
            #expect(result.stdout.isEmpty, "\(file)")
            // FILE:LINE:COLUMN: error: … then the quoted line, the caret and a hint.
            #expect(result.stderr.range(of: #"\.yaml:\d+:\d+: error: "#, options: .regularExpression) != nil, "\(file): \(result.stderr)")
            #expect(result.stderr.contains("= hint: "), "\(file)")
        }
    }

    @Test("check prints warnings but exits 0; a base's unused definition is not the extending file's warning")
    func checkWarns() throws {
        // support-copilot-h200 keeps the base's h100-server, which no option uses any more: the
        // proposal chose that, so no warning. The same hardware unused in the file itself warns.
        let extending = try TCOProcess.run(["check", "Models/support-copilot-h200.yaml"])
        #expect(extending.status == 0)
        #expect(!extending.stderr.contains("warning"), "\(extending.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("spare.yaml")
        let text = "extends: \(TestPaths.repository.path)/Models/support-copilot.yaml\n"
            + "hardware:\n  spare-server: {gpus: 8, price: 300k USD, power: 10 kW, life: 4 years}\n"
        try text.write(to: model, atomically: true, encoding: .utf8)
        let result = try TCOProcess.run(["check", model.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: hardware.spare-server"), "\(result.stderr)")
        #expect(result.stderr.contains("[TCO901]"))
    }

    @Test("solve --json gives the contract's shape and the spec example's NPVs")
    func solveJSON() throws {
        let result = try TCOProcess.run(["solve", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["months"] as? Int == 60)
        let scenarios = try #require(object["scenarios"] as? [String: Any])
        let base = try #require(scenarios["base"] as? [String: Any])
        let strategies = try #require(base["strategies"] as? [String: Any])
        let buy = try #require((strategies["buy"] as? [String: Any])?["npv_cost"] as? Double)
        let hybrid = try #require((strategies["hybrid"] as? [String: Any])?["npv_cost"] as? Double)
        // The issue's figures to four significant digits: 5.306 M and 3.607 M USD.
        #expect((buy / 1e6 * 1000).rounded() / 1000 == 5.306)
        #expect((hybrid / 1e6 * 1000).rounded() / 1000 == 3.607)
        // Keys in the fixed order: base first, then file order.
        let order = ["\"base\"", "\"high-growth\"", "\"price-war\""].compactMap { result.stdout.range(of: $0)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        // Integers are JSON integers.
        #expect(result.stdout.contains("\"servers_max\": 2"))
        #expect(result.stdout.contains("\"payback_month\": 18"))
    }

    @Test("the same input gives byte-identical output")
    func deterministic() throws {
        let a = try TCOProcess.run(["solve", "Models/support-copilot.yaml", "--json"])
        let b = try TCOProcess.run(["solve", "Models/support-copilot.yaml", "--json"])
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test("--scenario solves one scenario; an unknown one is an error with a suggestion")
    func scenarioOption() throws {
        let one = try TCOProcess.run(["solve", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", "--scenario", "price-war", "--json"])
        #expect(one.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect((object["scenarios"] as? [String: Any])?.keys.sorted() == ["price-war"])
        let bad = try TCOProcess.run(["solve", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", "--scenario", "price-wars"])
        #expect(bad.status == 64, "unknown scenario is wrong usage (EX_USAGE), not an invalid model")
        #expect(bad.stderr.contains("did you mean 'price-war'?"))
    }

    @Test("solve prints a readable table per scenario")
    func solveTable() throws {
        let result = try TCOProcess.run(["solve", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Scenario base"))
        #expect(result.stdout.contains("buy (baseline)   $5,306,195"))
        #expect(result.stdout.contains("month 18"))
    }

    @Test("wrong usage exits with a code other than 0 and 1")
    func usage() throws {
        let result = try TCOProcess.run(["solve"])
        #expect(result.status != 0 && result.status != 1)
    }

    @Test("report writes the workbook and the memo; a bad template or model writes nothing")
    func report() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ok = try TCOProcess.run(["report", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", "--output", folder.path])
        #expect(ok.status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == [
            "spec-example-cost-per-mtok.svg", "spec-example-cumulative-cost.svg", "spec-example.md", "spec-example.xlsx",
        ])

        let template = folder.appendingPathComponent("bad.mustache")
        try "# {{title}}\n{{recomendation}}\n".write(to: template, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("out")
        let bad = try TCOProcess.run(["report", "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml", "--output", empty.path, "--template", template.path])
        #expect(bad.status == 64, "a template problem is wrong usage, not an invalid model")
        // The location starts the line, as a compiler prints it.
        #expect(bad.stderr.hasPrefix("\(template.path):2:1: error: template: unknown tag 'recomendation'"))
        #expect(bad.stderr.contains("did you mean 'recommendation'?"))
        #expect(!FileManager.default.fileExists(atPath: empty.path))

        let invalid = try TCOProcess.run(["report", "Tests/TCOLoadingTests/Fixtures/invalid/route-shares-sum.yaml", "--output", empty.path])
        #expect(invalid.status == 1)
        #expect(!FileManager.default.fileExists(atPath: empty.path))
    }

    @Test("compare of a file with itself reports no changes; with --output writes a workbook and memo")
    func compare() throws {
        let same = try TCOProcess.run(["compare", "Models/support-copilot.yaml", "Models/support-copilot.yaml"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("Inputs: no changes."))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pair = try TCOProcess.run(["compare", "Models/support-copilot.yaml", "Models/support-copilot-h200.yaml", "--output", folder.path])
        #expect(pair.status == 0)
        #expect(pair.stdout.contains("Inputs that changed (12)"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["support-copilot-vs-support-copilot-h200.md", "support-copilot-vs-support-copilot-h200.xlsx"])
    }
}
