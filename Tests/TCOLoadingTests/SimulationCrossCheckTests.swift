import Foundation
import TCOCore
import TCOLoading
import TCOTestSupport
import Testing

/// The Monte Carlo against an independent one: Tests/Reference/numpy_mc.py, a vectorised NumPy
/// implementation of the contract (its solver follows reference.py), drew the same SplitMix64
/// streams for 2,000 runs of example-v2 and wrote each scenario's and strategy's mean, P(cheapest)
/// and percentiles to Fixtures/reference/example-v2.simulation.json. Regenerate with
/// `python3 Tests/Reference/numpy_mc.py MODEL --runs 2000 --json > Fixtures/reference/<stem>.simulation.json`.
@Suite("Monte Carlo cross-check with the NumPy implementation")
struct SimulationCrossCheckTests {
    @Test("example-v2, 2,000 runs: every mean and percentile to 1e-9, every P(cheapest) to one run")
    func exampleV2() async throws {
        let path = TestPaths.repository
            .appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let fixture = TestPaths.repository
            .appendingPathComponent("Tests/TCOLoadingTests/Fixtures/reference/example-v2.simulation.json")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        let runs = try #require(expected["runs"] as? Int), seed = try #require(expected["seed"] as? Int)
        let scenarios = try #require(expected["scenarios"] as? [String: [String: [String: Double]]])
        let loaded = try ModelLoader().load(path.path).result.get()
        let plan = try #require(loaded.uncertainty)
        let result = await Simulation.run(
            inputs: plan.inputs, scenarios: loaded.simulationScenarios(plan), baseline: loaded.base.baseline,
            runs: runs, seed: UInt64(seed))
        #expect(result.scenarios.map(\.name).sorted() == scenarios.keys.sorted())
        for scenario in result.scenarios {
            for strategy in scenario.strategies {
                let label = "\(scenario.name).\(strategy.name)"
                let numbers = try #require(scenarios[scenario.name]?[strategy.name], "\(label)")
                let spread = strategy.npvCost
                let pairs = [("mean", spread.mean), ("p5", spread.p5), ("p50", spread.p50), ("p95", spread.p95)]
                for (name, value) in pairs {
                    let reference = numbers[name]
                    #expect(isClose(value, reference ?? .nan, relative: 1e-9),
                            "\(label).\(name): \(value) against \(reference ?? .nan)")
                }
                // The same draws give the same winner in every run but a near tie.
                #expect(abs(strategy.pLowest - (numbers["p_lowest"] ?? .nan)) <= 1 / Double(runs) + 1e-12,
                        "\(label).p_lowest")
            }
        }
    }
}
