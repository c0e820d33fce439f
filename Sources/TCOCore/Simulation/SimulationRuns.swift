/// Every run of a simulation, kept so a report can show them: each run's draws and, per scenario,
/// each strategy's NPV — enough for a reviewer to re-solve any single run by hand.
public struct SimulationRuns: Sendable {
    /// `draws[run][input]`, in the unit the model stores (fractions, per month, …), input order.
    public var draws: [[Double]]
    /// `npvs[scenario][run][strategy]`: NPV of cost after tax, scenarios as in the result, strategies in file order.
    public var npvs: [[[Double]]]
    /// Whether each scenario keeps its own value of each input (`kept[scenario][input]`) instead of the draw.
    public var kept: [[Bool]]
}

extension Simulation {
    /// As `run`, but also returns every run's draws and NPVs (the same numbers the summary is made of).
    public static func runKeepingRuns(
        inputs: [UncertainInput], scenarios: [SimulationScenario], baseline: String, runs: Int, seed: UInt64,
        concurrency: Int = 2, progress: (@Sendable (Int) -> Void)? = nil
    ) async -> (result: SimulationResult, runs: SimulationRuns) {
        let allNPVs = await solveRuns(
            inputs: inputs, scenarios: scenarios, runs: runs, seed: seed, concurrency: concurrency
        ) { done in
            progress?(done)
        }
        let result = await result(scenarios, npvs: allNPVs, inputs: inputs, baseline: baseline, runs: runs,
                                  seed: seed, concurrency: concurrency)
        let allDraws = (0..<runs).map { Simulation.draws(inputs, seed: seed, run: $0) }
        let kept = scenarios.map { scenario in inputs.indices.map { scenario.keptInputs.contains($0) } }
        // Run by run, as a reviewer reads them (the solver's columns are by strategy).
        let byRun = allNPVs.map { columns in (0..<runs).map { run in columns.map { $0[run] } } }
        return (result, SimulationRuns(draws: allDraws, npvs: byRun, kept: kept))
    }
}
