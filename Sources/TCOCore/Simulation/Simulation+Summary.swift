extension Simulation {
    /// "`x` is no dearer than `y`": `x ≤ y + 10^-9 × max(|y|, 1)` (calculations.md, Comparison).
    static func noDearer(_ x: Double, _ y: Double) -> Bool { x <= y + 1e-9 * Swift.max(abs(y), 1) }

    /// The scenario's statistics from its runs' NPVs (`npvs[strategy][run]`), and its tornado.
    static func summarize(
        _ scenario: SimulationScenario, npvs: [[Double]], inputs: [UncertainInput], baseline: String
    ) -> ScenarioSimulation {
        let names = scenario.model.strategies.map(\.name)
        let runCount = npvs.first?.count ?? 0, runs = Double(runCount)
        var cheapestCount = [Int](repeating: 0, count: names.count)
        var regret = [Double](repeating: 0, count: names.count)
        var run = [Double](repeating: 0, count: names.count)
        for r in 0..<runCount {
            for s in names.indices { run[s] = npvs[s][r] }
            let lowest = run.min() ?? 0
            // The first strategy in file order that is no dearer than the run's lowest wins the run.
            if let winner = run.firstIndex(where: { noDearer($0, lowest) }) { cheapestCount[winner] += 1 }
            for (s, npv) in run.enumerated() { regret[s] += npv - lowest }
        }
        let strategies = names.indices.map { s in
            ScenarioSimulation.Strategy(
                name: names[s], npvCost: Spread(npvs[s]), pLowest: Double(cheapestCount[s]) / runs,
                expectedRegret: regret[s] / runs)
        }
        var comparisons: [ScenarioSimulation.Comparison] = []
        if let b = names.firstIndex(of: baseline) {
            for s in names.indices where s != b {
                let savings = zip(npvs[b], npvs[s]).map { $0 - $1 }
                let noDearerRuns = zip(npvs[s], npvs[b]).filter { noDearer($0, $1) }.count
                comparisons.append(ScenarioSimulation.Comparison(
                    strategy: names[s], npvSavings: Spread(savings), pNoDearer: Double(noDearerRuns) / runs))
            }
        }
        return ScenarioSimulation(
            name: scenario.name, strategies: strategies, comparisons: comparisons,
            tornado: tornado(scenario, strategies: strategies, inputs: inputs, baseline: baseline))
    }

    /// The tornado of the strategy most often cheapest against the baseline (or, when that is the
    /// baseline, against the next most often cheapest): two solves per input without draws.
    static func tornado(
        _ scenario: SimulationScenario, strategies: [ScenarioSimulation.Strategy], inputs: [UncertainInput],
        baseline: String
    ) -> ScenarioSimulation.Tornado? {
        guard strategies.count > 1 else { return nil }
        // Highest p_lowest, ties to file order: a stable sort keeps file order among equals.
        let ranked = strategies.enumerated().sorted { l, r in
            l.element.pLowest != r.element.pLowest ? l.element.pLowest > r.element.pLowest : l.offset < r.offset
        }
        let subject = ranked[0].element.name
        let against = subject == baseline ? ranked[1].element.name : baseline
        guard let s = strategies.firstIndex(where: { $0.name == subject }),
            let a = strategies.firstIndex(where: { $0.name == against })
        else { return nil }
        var rows: [ScenarioSimulation.TornadoInput] = []
        let inputs = scenario.inputs(inputs)
        // Solved by a Monte Carlo worker of the scenario, which gives `npvs(of:)`'s bits for the
        // scenario's model with other values of its drawn inputs, far faster than a new solver.
        var worker = PlanWorker(plan: SimulationPlan(scenario: scenario, inputs: inputs))
        for (index, input) in inputs.enumerated() where !scenario.keptInputs.contains(index) {
            let (lowValue, highValue) = input.distribution.tornadoEnds
            func savings(_ value: Double) -> Double {
                var model = scenario.model
                input.apply(&model, Swift.min(Swift.max(value, input.lowest), input.highest))
                model.enforceLinkedBounds()
                let npvs = worker.npvs(of: model, strategies: [a, s])
                return npvs[0] - npvs[1]
            }
            rows.append(.init(path: input.path, savingsLow: savings(lowValue), savingsHigh: savings(highValue)))
        }
        // Largest swing first; ties (zero swings too) keep input order.
        let ordered = rows.enumerated().sorted { l, r in
            l.element.swing != r.element.swing ? l.element.swing > r.element.swing : l.offset < r.offset
        }.map(\.element)
        return ScenarioSimulation.Tornado(strategy: subject, against: against, inputs: ordered)
    }
}
