import Foundation
import TCOCore

/// A Monte Carlo simulation of a loaded model over its `uncertainty` block, with every run kept:
/// what the workbook's Risk sheet, the memo and the review page say about how sure the
/// recommendation is.
public struct RiskAnalysis: Sendable {
    public var result: SimulationResult
    public var runs: SimulationRuns
    /// Each input's range as written, e.g. `8M/month to 16M/month`, in input order.
    public var texts: [String]

    /// The base scenario's results (always first).
    public var base: ScenarioSimulation? { result.scenarios.first }

    /// Simulates `loaded` when it has an `uncertainty` block (else `nil`), with the block's seed and
    /// its runs, capped at `maximumRuns` where given (the review page recomputes on every edit).
    public static func simulate(
        _ loaded: LoadedModel, maximumRuns: Int? = nil, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async -> RiskAnalysis? {
        guard let plan = loaded.uncertainty else { return nil }
        let runs = maximumRuns.map { Swift.min($0, plan.runs) } ?? plan.runs
        let simulated = loaded.simulationScenarios(plan)
        let (result, kept) = await Simulation.runKeepingRuns(
            inputs: plan.inputs, scenarios: simulated, baseline: loaded.base.baseline, runs: runs, seed: plan.seed,
            concurrency: concurrency, progress: progress)
        return RiskAnalysis(result: result, runs: kept, texts: plan.texts)
    }

    /// Runs to simulate in total (every scenario), for a progress bar.
    public static func totalRuns(_ loaded: LoadedModel, maximumRuns: Int? = nil) -> Int {
        guard let plan = loaded.uncertainty else { return 0 }
        return (maximumRuns.map { Swift.min($0, plan.runs) } ?? plan.runs) * loaded.scenarios.count
    }
}

extension LoadedModel {
    /// Every scenario ready to simulate: a scenario that overrides an input's path, or a value
    /// containing it, keeps its own value (uncertainty.md, Runs).
    public func simulationScenarios(_ plan: UncertaintyPlan) -> [SimulationScenario] {
        scenarios.map { scenario in
            let kept = Set(plan.inputs.indices.filter { index in
                let path = plan.inputs[index].path
                return scenario.overrides.contains { path == $0.path || path.hasPrefix($0.path + ".") }
            })
            // A key the scenario writes is not a default that follows a drawn input (uncertainty.md:
            // "defaults follow the draws"): the scenario's value holds, with a setter of its own.
            let overridden = Set(scenario.overrides.map(\.path))
            var setters: [Int: @Sendable (inout Model, Double) -> Void] = [:]
            for (index, input) in plan.inputs.enumerated() where !kept.contains(index) {
                guard let found = InputRegistry.input(at: input.path, in: base),
                      !InputRegistry.followers(of: found, written: writtenPaths)
                          .filter({ overridden.contains($0.path) }).isEmpty,
                      case .success(let setter) = InputSetter.make(
                          path: input.path, in: base, written: writtenPaths.union(overridden))
                else { continue }
                setters[index] = setter.apply
            }
            return SimulationScenario(name: scenario.name, model: scenario.model, keptInputs: kept, setters: setters)
        }
    }
}
