import Foundation
import Testing
@testable import TCOCore
import TCOLoading

/// The Monte Carlo fast path (a run's solver reuses the scenario solver's lines its draws left
/// unchanged) must give the very same NPVs as a fresh solve, bit for bit: the summaries, the
/// JSON and the cross-check with the reference all assume it.
@Suite("Monte Carlo fast path")
struct SimulationFastPathTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ relativePath: String) throws -> LoadedModel {
        let path = repository.appendingPathComponent(relativePath).path
        guard case .success(let loaded) = ModelLoader().load(path).result else {
            throw Unloadable(path: relativePath)
        }
        return loaded
    }

    struct Unloadable: Error { var path: String }

    /// Draws every input `runs` times on every scenario and compares the two paths' bit patterns.
    static func expectIdentical(_ loaded: LoadedModel, inputs: [UncertainInput], runs: Int) {
        for scenario in loaded.scenarios {
            let base = Solver(model: scenario.model)
            var scratch = MonthlyLines(months: scenario.model.horizonMonths)
            for run in 0..<runs {
                let values = Simulation.draws(inputs, seed: 3, run: run)
                let model = Simulation.drawn(scenario.model, inputs, values, keeping: [])
                let fresh = Simulation.npvs(of: model).map(\.bitPattern)
                let fast = Simulation.npvs(of: model, reusing: base, scratch: &scratch).map(\.bitPattern)
                #expect(fast == fresh, "scenario \(scenario.name), run \(run)")
                if fast != fresh { return }
            }
        }
    }

    @Test("example-v2: the fast path's NPVs equal a fresh solve's for 300 random draws on every scenario")
    func exampleV2() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        Self.expectIdentical(loaded, inputs: inputs, runs: 300)
    }

    @Test("support-copilot: the same over inputs of every section, each drawn over a wide range")
    func supportCopilot() throws {
        let loaded = try Self.load("Models/support-copilot.yaml")
        let ranges: [(String, Double, Double)] = [
            ("discount_rate", 0.04, 0.16), ("workloads.support-chat.requests", 1e5, 5e6),
            ("workloads.support-chat.growth", -0.2, 1.5), ("workloads.ticket-summary.cached_input", 0, 0.9),
            ("serving.frontier.price_input", 1e-6, 6e-6), ("serving.frontier.price_change", -0.6, 0.1),
            ("serving.slm-8b.decode_throughput", 1000, 9000), ("serving.rented-h100.gpu_hour", 1, 4),
            ("serving.rented-h100.price_change", -0.3, 0.1), ("hardware.h100-server.price", 150_000, 400_000),
            ("hardware.h100-server.idle_power", 1, 12), ("facility.pue", 1.1, 1.8),
            ("facility.electricity", 0.05, 0.3), ("facility.electricity_change", -0.05, 0.2),
            ("staff.sre-on-call.cost", 100_000, 300_000), ("strategies.hybrid.escalation.rate", 0, 0.6),
        ]
        let inputs = ranges.compactMap { path, low, high -> UncertainInput? in
            guard case .success(let setter) = InputSetter.make(path: path, in: loaded.base, written: []) else {
                Issue.record("no setter for \(path)")
                return nil
            }
            return UncertainInput(path: path, distribution: .uniform(low: low, high: high), apply: setter.apply)
        }
        Self.expectIdentical(loaded, inputs: inputs, runs: 200)
    }
}
