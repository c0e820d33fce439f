import Foundation
import Testing
import TCOTestSupport

/// `tco compare`: the reviewer's columns, and `--match` for strategies renamed between versions.
@Suite("tco compare")
struct CompareCLITests {
    static let a = "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml"
    static let b = "Tests/TCOMemoTests/Fixtures/models/spec-example-renamed.yaml"

    @Test("the table shows capex, peak servers and payback of each version beside NPV and cost per token")
    func columns() throws {
        let result = try TCOProcess.run(["compare", "Models/support-copilot.yaml", "Models/support-copilot-h200.yaml"])
        #expect(result.status == 0)
        let header = ["strategy", "NPV A", "NPV B", "Δ NPV", "cost/Mtok A", "cost/Mtok B", "capex A", "capex B",
                      "servers A", "servers B", "payback A", "payback B"]
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("strategy ") })
        #expect(line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            == header.joined(separator: " "))
        // Solver: hybrid's capex $840,000 in A and $960,000 in B (H200 servers), 2 servers in both.
        #expect(result.stdout.range(of: #"hybrid .* \$840,000 +\$960,000 +2 +2 +month 19 +month 20"#,
                                    options: .regularExpression) != nil)
    }

    /// With a tax rate the decision is taken after tax (as in `tco solve` and the memo); versions over
    /// different periods are flagged, since their NPVs cannot be compared like for like.
    @Test("a taxed model is compared after tax; different horizons are flagged")
    func afterTaxAndPeriods() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = TestPaths.repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let text = try String(contentsOf: a, encoding: .utf8)
        let b = folder.appendingPathComponent("shorter.yaml")
        try text.replacingOccurrences(of: "horizon: 5 years", with: "horizon: 4 years")
            .write(to: b, atomically: true, encoding: .utf8)
        let result = try TCOProcess.run(["compare", a.path, b.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Note: A covers 60 months from 2027-01, B 48 months from 2027-01"))
        #expect(result.stdout.contains("Scenario base — lowest NPV of cost after tax: A rent"))
        #expect(result.stdout.contains("NPV after tax A"))
        let same = try TCOProcess.run(["compare", a.path, a.path])
        #expect(!same.stdout.contains("Note: A covers"))
    }

    @Test("--match pairs renamed strategies; without it they are listed as not compared")
    func match() throws {
        let plain = try TCOProcess.run(["compare", Self.a, Self.b])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("only in A: hybrid, rent"))
        #expect(plain.stdout.contains("only in B: own-gpus, rented-gpus"))

        let matched = try TCOProcess.run(
            ["compare", Self.a, Self.b, "--match", "hybrid=own-gpus", "--match", "rent=rented-gpus"])
        #expect(matched.status == 0, "\(matched.stderr)")
        #expect(matched.stdout.contains("hybrid → own-gpus"))
        #expect(matched.stdout.contains("rent → rented-gpus"))
        #expect(!matched.stdout.contains("only in A"))
        #expect(!matched.stdout.contains("the decision changes"))
    }

    @Test("an unknown or malformed --match is a usage error (exit 64), not an invalid model (exit 1)", arguments: [
        (["hybrd=own-gpus"], "has no strategy 'hybrd'; did you mean 'hybrid'?"),
        (["hybrid=own-gpu"], "has no strategy 'own-gpu'; did you mean 'own-gpus'?"),
        (["hybrid"], "--match hybrid: write OLD=NEW"),
        (["hybrid=own-gpus", "hybrid=rented-gpus"], "strategy 'hybrid' of A is matched more than once"),
    ])
    func badMatch(_ matches: [String], _ message: String) throws {
        let result = try TCOProcess.run(["compare", Self.a, Self.b] + matches.flatMap { ["--match", $0] })
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
