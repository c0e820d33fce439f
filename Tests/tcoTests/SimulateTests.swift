import Foundation
import Testing
import TCOTestSupport

/// `tco simulate` end to end: the contract's JSON shape, the same bytes every time, a usage error
/// for bad options and a located error for a model without an `uncertainty` block.
@Suite("tco simulate")
struct SimulateTests {
    static let model = "Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml"

    @Test("--json has the contract's keys, and the same model, seed and runs give the same bytes")
    func json() throws {
        let first = try TCOProcess.run(["simulate", Self.model, "--runs", "300", "--seed", "11", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try TCOProcess.run(["simulate", Self.model, "--runs", "300", "--seed", "11", "--json"])
        #expect(first.stdout == again.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["runs"] as? Int == 300)
        #expect(object["seed"] as? Int == 11)
        let scenarios = try #require(object["scenarios"] as? [String: Any])
        let base = try #require(scenarios["base"] as? [String: Any])
        let strategies = try #require(base["strategies"] as? [String: Any])
        let shares = strategies.values.compactMap { ($0 as? [String: Any])?["p_lowest"] as? Double }
        // Exactly one strategy is the cheapest in each run, so the shares add up to 1.
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        #expect(base["tornado"] is [String: Any])
        let one = try TCOProcess.run(["simulate", Self.model, "--runs", "300", "--seed", "11", "--json", "--scenario", "base"])
        let oneBase = (try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])?["scenarios"]
        // --scenario gives exactly that scenario's numbers of the full simulation.
        #expect((oneBase as? [String: Any])?["base"] as? NSDictionary == base as NSDictionary)
    }

    @Test("out-of-range options are usage errors; a model without an uncertainty block is a located error")
    func errors() throws {
        #expect(try TCOProcess.run(["simulate", Self.model, "--runs", "0"]).status == 64)
        let none = try TCOProcess.run(["simulate", "Tests/TCOLoadingTests/Fixtures/valid/small.yaml"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("small.yaml:1:1: error: uncertainty:"))
    }
}
