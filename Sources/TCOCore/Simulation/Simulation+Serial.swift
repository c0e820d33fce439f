extension Simulation {
    /// One scenario simulated on the calling thread, for callers that cannot wait on tasks (the
    /// review page's actor). Each run depends only on the seed and its index, so the numbers are
    /// those of `run` with the same runs and seed.
    public static func runSerially(
        inputs: [UncertainInput], scenario: SimulationScenario, baseline: String, runs: Int, seed: UInt64
    ) -> ScenarioSimulation {
        var worker = PlanWorker(plan: SimulationPlan(scenario: scenario, inputs: inputs))
        var trends = TrendCache()
        var columns = scenario.model.strategies.map { _ in [Double](repeating: 0, count: runs) }
        for run in 0..<runs {
            trends.startRun()
            for (k, npv) in worker.npvs(run: run, seed: seed, trends: &trends).enumerated() { columns[k][run] = npv }
        }
        return summarize(scenario, npvs: columns, inputs: inputs, baseline: baseline)
    }
}
