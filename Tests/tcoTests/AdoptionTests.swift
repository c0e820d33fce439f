import Foundation
import Testing
import TCOCore
import TCOTestSupport

/// A new user's first hour: a starter model, editor support through the JSON Schema, diagnostics
/// as JSON with stable codes, and a format documented in the repository.
@Suite("tco init, schema, check --format json and the docs")
struct AdoptionTests {
    static let repository = TestPaths.repository

    /// An empty folder outside the repository, removed after the test.
    static func emptyFolder() throws -> URL { try TestPaths.temporaryFolder() }

    /// Runs the built `tco` with `folder` as the working directory.
    static func run(_ arguments: [String], in folder: URL) throws -> ProcessOutput {
        try TCOProcess.run(arguments, in: folder)
    }

    @Test("init writes a valid, commented starter model and never overwrites a file")
    func initWritesStarter() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try Self.run(["init", "m.yaml"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let path = folder.appendingPathComponent("m.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for section in ["workloads:", "serving:", "hardware:", "facility:", "staff:", "strategies:", "scenarios:"] {
            #expect(text.contains("\n\(section)"), "starter lacks \(section)")
        }
        // Every value line says what it means or where its source is.
        let valueLines = text.split(separator: "\n").filter { $0.contains(": ") && !$0.hasPrefix("#") }
        let uncommented = valueLines.filter { !$0.contains(" #") && !$0.hasSuffix(":") && !$0.contains("kind:") }
        #expect(uncommented.isEmpty, "lines without a comment: \(uncommented)")
        let checked = try Self.run(["check", "m.yaml"], in: folder)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr.isEmpty, "the starter has warnings: \(checked.stderr)")

        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let again = try Self.run(["init", "m.yaml"], in: folder)
        #expect(again.status != 0 && again.status != 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test("check --format json lists every diagnostic with file, line, column, code, key path and hint")
    func checkJSON() throws {
        let result = try TCOProcess.run([
            "check", "--format", "json", "Tests/TCOLoadingTests/Fixtures/invalid/unknown-unit.yaml",
            "Models/support-copilot.yaml",
        ])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[1]["valid"] as? Bool == true)
        let diagnostic = try #require((files[0]["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["line"] as? Int == 25)
        #expect(diagnostic["column"] as? Int == 18)
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["code"] as? String == DiagnosticCode.unknownUnit.code)
        #expect(diagnostic["key_path"] as? String == "serving.frontier.price_input")
        #expect((diagnostic["hint"] as? String)?.contains("USD/Mtok") == true)
    }

    @Test("text diagnostics end with their code")
    func textCodes() throws {
        let result = try TCOProcess.run(["check", "Tests/TCOLoadingTests/Fixtures/invalid/rate-without-unit.yaml"])
        #expect(result.stderr.contains("got '20' [TCO303]"), "\(result.stderr)")
    }

    @Test("the committed docs/model.schema.json is what tco schema prints")
    func schemaCommitted() throws {
        let result = try TCOProcess.run(["schema"])
        #expect(result.status == 0)
        let committed = try String(
            contentsOf: Self.repository.appendingPathComponent("docs/model.schema.json"), encoding: .utf8)
        #expect(result.stdout == committed, "run: tco schema > docs/model.schema.json")
    }

    /// Fixtures whose fault is in the shape or spelling of a value, which a schema can see.
    static let typeLevelInvalid = [
        "bad-start", "discount-monthly", "escalation-missing-to", "infinite-amount", "invalid-name", "missing-kind",
        "missing-required-key", "rate-without-unit", "unknown-kind", "unknown-top-key", "unknown-unit",
        "unknown-workload-key", "wrong-dimension",
        // Version 2.
        "schedule-bad-month", "schedule-value-wrong-unit", "schedule-not-schedulable", "scaling-unknown",
        "commitments-not-list", "commitment-missing-term", "long-context-missing-above", "staff-strategies-word",
        "loan-rate-monthly", "terminal-value-word",
    ]

    @Test("a real validator accepts every shipped model, valid fixture and the starter, and refuses type errors")
    func schemaValidates() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Self.run(["init", "starter.yaml"], in: folder)
        let models = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("Models").path)
            .filter { $0.hasSuffix(".yaml") }.map { "Models/\($0)" }
        let valid = models + ["small", "spec-example", "example-v2", "random-78", "random-141"].map { "Tests/TCOLoadingTests/Fixtures/valid/\($0).yaml" }
            + [folder.appendingPathComponent("starter.yaml").path]
        let invalid = Self.typeLevelInvalid.map { "Tests/TCOLoadingTests/Fixtures/invalid/\($0).yaml" }
        let script = """
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            n = int(sys.argv[2])
            for i, path in enumerate(sys.argv[3:]):
                errors = list(validator.iter_errors(yaml.safe_load(open(path))))
                expect_valid = i < n
                if expect_valid and errors: print("REFUSED", path, errors[0].message)
                if not expect_valid and not errors: print("ACCEPTED", path)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, "docs/model.schema.json", String(valid.count)] + valid + invalid
        process.currentDirectoryURL = Self.repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout.isEmpty, "\(stdout)")
    }

    @Test("every key the loader accepts is documented in docs/model-format.md")
    func keysDocumented() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/model-format.md"), encoding: .utf8)
        let missing = Set(ModelKey.all.map(\.name)).filter { !text.contains("`\($0)`") }
        #expect(missing.isEmpty, "keys missing from docs/model-format.md: \(missing.sorted())")
    }

    @Test("every diagnostic code is documented in docs/errors.md")
    func codesDocumented() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        let missing = DiagnosticCode.allCases.filter { !text.contains("## \($0.code)") }
        #expect(missing.isEmpty, "codes missing from docs/errors.md: \(missing.map(\.code))")
    }

    @Test("an extending file that replaces a strategy's route is warned that the base's per-workload routes stay")
    func keptWorkloadRoutes() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = Self.repository.appendingPathComponent("Models/support-copilot.yaml").path
        try "extends: \(base)\nstrategies:\n  hybrid:\n    route: {slm-8b: 60%, frontier: 40%}\n"
            .write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try Self.run(["check", "p.yaml"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("workload 'account-qa' keeps its own route from the base file [TCO902]"))
    }

    @Test("the route-sum hint balances the user's own shares: 80 % + 30 % → 70 % + 30 %")
    func routeHint() throws {
        let result = try TCOProcess.run(["check", "Tests/TCOLoadingTests/Fixtures/invalid/route-shares-sum.yaml"])
        #expect(result.stderr.contains("e.g. '{slm: 70%, frontier: 30%}'"), "\(result.stderr)")
    }
}
