/// Monte Carlo over the `uncertainty` block (uncertainty.md): every run draws each input once,
/// applies the same draws on top of every scenario, and solves every strategy with them.
///
/// Runs are split into fixed chunks solved concurrently; each run's numbers depend only on the
/// seed and its index, and the results are gathered in run order, so one thread or sixteen give
/// the same bytes.
public enum Simulation {
    /// Runs per chunk of work: large enough to keep a core busy, small enough to balance two.
    static let chunkSize = 250

    /// Simulates `scenarios` (base first) with `inputs`; `concurrency` is how many chunks are solved
    /// at once (1 = one after the other); `progress` is told how many runs are done, in order.
    public static func run(
        inputs: [UncertainInput], scenarios: [SimulationScenario], baseline: String, runs: Int, seed: UInt64,
        concurrency: Int = 2, progress: (@Sendable (Int) -> Void)? = nil
    ) async -> SimulationResult {
        let npvs = await solveRuns(
            inputs: inputs, scenarios: scenarios, runs: runs, seed: seed, concurrency: concurrency
        ) { done in
            progress?(done)
        }
        return await result(scenarios, npvs: npvs, inputs: inputs, baseline: baseline, runs: runs, seed: seed,
                            concurrency: concurrency)
    }

    /// The result of runs already solved (`npvs[scenario][strategy][run]`): each scenario's summary.
    static func result(
        _ scenarios: [SimulationScenario], npvs: [[[Double]]], inputs: [UncertainInput], baseline: String,
        runs: Int, seed: UInt64, concurrency: Int
    ) async -> SimulationResult {
        let summaries = await summaries(scenarios, npvs: npvs, inputs: inputs, baseline: baseline,
                                        concurrency: concurrency)
        return SimulationResult(runs: runs, seed: seed, inputs: inputs.map(\.path), scenarios: summaries)
    }

    /// The value each input takes in run `index`: one uniform draw per input, in input order.
    public static func draws(_ inputs: [UncertainInput], seed: UInt64, run index: Int) -> [Double] {
        var random = RunRandom(seed: seed, run: index)
        return inputs.map { $0.value(at: random.unit()) }
    }

    /// `model` with each input not kept by the scenario set to its value in `values`.
    static func drawn(
        _ model: Model, _ inputs: [UncertainInput], _ values: [Double], keeping kept: Set<Int>
    ) -> Model {
        var model = model
        for (index, input) in inputs.enumerated() where !kept.contains(index) {
            input.apply(&model, values[index])
        }
        model.enforceLinkedBounds()
        return model
    }

    /// NPV of cost (after tax) of every strategy of `model`, in file order, without break-evens.
    public static func npvs(of model: Model) -> [Double] {
        let solver = Solver(model: model)
        return model.strategies.map { solver.timeline(of: $0, volumeFactor: 1, apiPriceFactor: 1).comparedNPV }
    }

    /// Each scenario's summary (`summarize`), in scenario order. They are independent, so with a
    /// concurrency above 1 they are worked out at once instead of one after the other.
    static func summaries(
        _ scenarios: [SimulationScenario], npvs: [[[Double]]], inputs: [UncertainInput], baseline: String,
        concurrency: Int
    ) async -> [ScenarioSimulation] {
        guard concurrency > 1 else {
            return zip(scenarios, npvs).map { summarize($0, npvs: $1, inputs: inputs, baseline: baseline) }
        }
        var byScenario = [ScenarioSimulation?](repeating: nil, count: scenarios.count)
        await withTaskGroup(of: (Int, ScenarioSimulation).self) { group in
            for (index, (scenario, npvs)) in zip(scenarios, npvs).enumerated() {
                group.addTask { (index, summarize(scenario, npvs: npvs, inputs: inputs, baseline: baseline)) }
            }
            for await (index, summary) in group { byScenario[index] = summary }
        }
        return byScenario.compactMap { $0 }
    }

    /// NPVs by scenario, strategy and run (`npvs[scenario][strategy][run]`), runs in run order.
    /// A chunk solves its runs on every
    /// scenario, run by run, so the scenarios of a run share the trends of its drawn rates;
    /// `progress` is told how many scenario runs are done (scenarios × runs at the end).
    static func solveRuns(
        inputs: [UncertainInput], scenarios: [SimulationScenario], runs: Int, seed: UInt64, concurrency: Int,
        progress: @escaping @Sendable (Int) -> Void
    ) async -> [[[Double]]] {
        let chunks = stride(from: 0, to: runs, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, runs) }
        var byChunk = [[[[Double]]]](repeating: [], count: chunks.count)
        var done = 0
        let compiled = scenarios.map { SimulationPlan(scenario: $0, inputs: inputs) }
        let unsigned = ChunkWorker.zerosUnsigned(compiled)
        let sources = ChunkWorker.sources(of: compiled, zerosUnsigned: unsigned)
        let shared = ChunkWorker.shared(of: compiled, zerosUnsigned: unsigned)
        let parts = ChunkWorker.parts(of: compiled, zerosUnsigned: unsigned)
        let slots = Swift.max(1, Swift.min(concurrency, chunks.count))
        // One set of plans per task solving at once, compiled by that task and handed on to the
        // next chunk it solves: the plans' arrays are never retained from both cores at once.
        var plansBySlot = [[SimulationPlan]?](repeating: nil, count: slots)
        // The first task takes the plans compiled here (the others compile their own).
        if !plansBySlot.isEmpty { plansBySlot[0] = compiled }
        await withTaskGroup(of: (Int, Int, [[[Double]]], [SimulationPlan]).self) { group in
            var next = 0
            func submit(slot: Int) {
                guard next < chunks.count else { return }
                let index = next, range = chunks[index], compiled = plansBySlot[slot]
                next += 1
                group.addTask {
                    let plans = compiled ?? scenarios.map { SimulationPlan(scenario: $0, inputs: inputs) }
                    // One worker per scenario and chunk: its buffers serve every run of the chunk.
                    var worker = ChunkWorker(plans: plans, sources: sources, shared: shared, parts: parts)
                    // By scenario and strategy, the chunk's runs in order: a column per strategy, not
                    // an array per run (fifty thousand small arrays were a tenth of the time).
                    var solved = plans.map { plan in
                        plan.strategies.map { _ in [Double](repeating: 0, count: range.count) }
                    }
                    for (i, run) in range.enumerated() {
                        worker.solve(run: run, seed: seed)
                        for s in solved.indices {
                            for k in solved[s].indices { solved[s][k][i] = worker.npv(scenario: s, strategy: k) }
                        }
                    }
                    return (index, slot, solved, plans)
                }
            }
            for slot in 0..<slots { submit(slot: slot) }
            for await (index, slot, npvs, plans) in group {
                byChunk[index] = npvs
                plansBySlot[slot] = plans
                done += chunks[index].count * scenarios.count
                progress(done)
                submit(slot: slot)
            }
        }
        return scenarios.indices.map { s in
            scenarios[s].model.strategies.indices.map { k in byChunk.flatMap { $0[s][k] } }
        }
    }
}
