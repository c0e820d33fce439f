extension Solver {
    /// Every scenario solved, in the order given: each one's strategies, then each comparison with
    /// the baseline (its break-even searches are most of the work) as a separate job. `perform(n, job)`
    /// runs `job(0)` … `job(n − 1)`, one after another or at once (e.g. `DispatchQueue.concurrentPerform`
    /// to use every core); each job is a pure function of its scenario and writes only its own slot,
    /// so the results are the same bit for bit however and in whatever order the jobs run.
    public static func solve(
        _ scenarios: [(name: String, model: Model)], perform: Jobs.Perform = Jobs.inOrder
    ) -> [ScenarioResult] {
        let models = scenarios.map(\.model)
        let prepared = Jobs.map(scenarios.count, perform) { Solver(model: models[$0]).prepare() }
        let jobs = prepared.indices.flatMap { s in prepared[s].compared.map { (scenario: s, strategy: $0) } }
        // A comparison whose inputs equal an earlier scenario's takes that one's break-evens.
        var first: [Model: Int] = [:]
        let earlier = jobs.indices.map { index -> Int? in
            let job = jobs[index], model = prepared[job.scenario].solver.model
            guard let inputs = model.comparisonInputs(model.strategies[job.strategy].name, against: model.baseline)
            else { return nil }
            if let found = first[inputs] { return found }
            first[inputs] = index
            return nil
        }
        let searched = jobs.indices.filter { earlier[$0] == nil }
        let found = Jobs.map(searched.count, perform) {
            prepared[jobs[searched[$0]].scenario].comparison(jobs[searched[$0]].strategy)
        }
        var comparisons = [Comparison?](repeating: nil, count: jobs.count)
        for (index, comparison) in zip(searched, found) { comparisons[index] = comparison }
        for index in jobs.indices {
            guard let source = earlier[index], let done = comparisons[source] else { continue }
            comparisons[index] = prepared[jobs[index].scenario].comparison(jobs[index].strategy, searched: done)
        }
        var offset = 0
        return zip(scenarios, prepared).map { scenario, work in
            let own = comparisons[offset..<(offset + work.compared.count)]
            offset += work.compared.count
            return ScenarioResult(name: scenario.name, tokens: work.solver.tokens, strategies: work.results,
                                  comparisons: own.map { $0! })
        }
    }

    /// One scenario's strategies solved, waiting for its comparisons.
    struct PreparedScenario: Sendable {
        let solver: Solver
        let results: [StrategyResult]
        /// Indices of the strategies compared with the baseline, in strategy order.
        let compared: [Int]
        let baseline: StrategyResult?
        let baselineEnds: VolumeEnds?

        /// The strategy at `index` compared with the baseline; `searched`: see `Solver.compare`.
        func comparison(_ index: Int, searched: Comparison? = nil) -> Comparison {
            solver.compare(solver.model.strategies[index], results[index], against: baseline!,
                           baselineEnds: baselineEnds, searched: searched)
        }
    }

    func prepare() -> PreparedScenario {
        let results = model.strategies.map { timeline(of: $0, volumeFactor: 1, apiPriceFactor: 1) }
        let baseline = results.first { $0.name == model.baseline }
        let compared = baseline == nil
            ? [] : model.strategies.indices.filter { model.strategies[$0].name != model.baseline }
        let baselineStrategy = compared.isEmpty ? nil : model.strategy(named: model.baseline)
        // A baseline that routes nothing in-house is read off its line instead.
        let ends = baselineStrategy.flatMap { routesInHouse($0) ? volumeEnds(of: $0) : nil }
        return PreparedScenario(solver: self, results: results, compared: compared, baseline: baseline,
                                baselineEnds: ends)
    }

    /// Every strategy solved and compared with the baseline, one after another; `name` labels the scenario.
    public func solve(scenario name: String = "base") -> ScenarioResult {
        let work = prepare()
        return ScenarioResult(name: name, tokens: tokens, strategies: work.results,
                              comparisons: work.compared.map { work.comparison($0) })
    }
}
