/// The workers of one chunk of runs, one per scenario, solving the chunk run by run: the scenarios
/// of a run share the trends of its drawn rates (`TrendCache`), and a strategy whose reads and kept
/// inputs are those of an earlier scenario takes that scenario's NPV of the run instead of solving
/// it again (example-v2: a scenario about loans leaves the API and rented strategies as they are).
struct ChunkWorker {
    private var workers: [PlanWorker]
    private var trends = TrendCache()
    /// Each NPV a scenario takes from an earlier scenario's worker, in scenario order (`sources`).
    private let takes: [(scenario: Int, strategy: Int, from: Int)]
    /// The run's value of every input: every scenario draws the same, so the chunk draws them once.
    private var values: [Double]
    /// How each of the simulation's inputs is drawn (every scenario draws the same).
    private let draws: [UncertainInput.Draw]

    init(plans: [SimulationPlan], sources: [[Int?]], shared: [SharedDerivations], parts: [[StrategyParts]] = []) {
        workers = plans.map { PlanWorker(plan: $0) }
        for s in workers.indices.dropFirst() where s < shared.count { workers[s].share(shared[s]) }
        for s in workers.indices.dropFirst() where s < parts.count {
            // A strategy another scenario's NPV is taken from is not solved: nothing to copy.
            workers[s].copiedParts = parts[s].indices.map { k in sources[s][k] == nil ? parts[s][k] : [] }
        }
        for s in workers.indices.dropFirst() {
            for k in workers[s].copiedParts.indices where k < workers[0].keptParts.count {
                workers[0].keptParts[k].formUnion(workers[s].copiedParts[k])
            }
        }
        let copying = workers.first?.keptParts.contains { !$0.isEmpty } ?? false
        if copying { workers[0].keepLines() }
        takes = sources.indices.flatMap { s in
            sources[s].indices.compactMap { k in sources[s][k].map { (s, k, $0) } }
        }
        for s in workers.indices where s < sources.count { workers[s].taken = sources[s].map { $0 != nil } }
        for s in workers.indices { workers[s].workOutNeeds() }
        draws = plans.first?.inputs.map(\.draw) ?? []
        values = draws.map { _ in 0 }
    }

    /// Solves run `run` on every scenario: `npv(scenario:strategy:)` then gives its NPVs.
    mutating func solve(run: Int, seed: UInt64) {
        PlanWorker.drawValues(of: draws, run: run, seed: seed, into: &values)
        trends.startRun()
        let values = values, takes = takes
        // Through a buffer pointer: a worker is used in place, never copied out of the array (a copy
        // of a worker is a copy of its model and every array it holds).
        workers.withUnsafeMutableBufferPointer { workers in
            guard !workers.isEmpty else { return }
            // The base scenario's worker solves every strategy, so derives every drawn line, each run.
            workers[0].solve(run: run, seed: seed, trends: &trends, drawn: values)
            guard workers.count > 1 else { return }
            let base = workers[0].derivedSource
            var next = 0
            for s in workers.indices.dropFirst() {
                while next < takes.count, takes[next].scenario == s {
                    let take = takes[next]
                    workers[s].solved[take.strategy] = workers[take.from].solved[take.strategy]
                    next += 1
                }
                workers[s].solve(run: run, seed: seed, trends: &trends, drawn: values, from: base)
            }
        }
    }

    /// NPV of cost after tax of strategy `k` in scenario `s` in the run last solved.
    func npv(scenario s: Int, strategy k: Int) -> Double { workers[s].solved[k] }

    /// NPV of cost after tax of every strategy of every scenario in run `run`: `[scenario][strategy]`.
    mutating func npvs(run: Int, seed: UInt64) -> [[Double]] {
        solve(run: run, seed: seed)
        return workers.map(\.solved)
    }

    /// What each scenario's worker copies from the base scenario's (`SharedDerivations`).
    /// `zerosUnsigned`: no model holds a −0 (nil: find out).
    static func shared(of plans: [SimulationPlan], zerosUnsigned: Bool? = nil) -> [SharedDerivations] {
        guard let base = plans.first else { return [] }
        let unsigned = zerosUnsigned ?? Self.zerosUnsigned(plans)
        return plans.indices.map { s in
            s == 0 ? SharedDerivations(nothingOf: base.model)
                : SharedDerivations(plan: plans[s], base: base, zerosUnsigned: unsigned)
        }
    }

    /// Whether no scenario's model holds a −0, so that their parts compare by `==` alone.
    static func zerosUnsigned(_ plans: [SimulationPlan]) -> Bool { !plans.contains { $0.model.mayHoldNegativeZero } }

    /// For each scenario and strategy, the parts it copies from the base scenario's worker in every
    /// run (`StrategyPlan.sharedParts`; none for the base scenario).
    static func parts(of plans: [SimulationPlan], zerosUnsigned: Bool? = nil) -> [[StrategyParts]] {
        guard let base = plans.first else { return [] }
        let unsigned = zerosUnsigned ?? Self.zerosUnsigned(plans)
        return plans.indices.map { s in
            plans[s].strategies.indices.map { k in
                s == 0 ? [] : StrategyPlan.sharedParts(of: k, in: plans[s], base: base, zerosUnsigned: unsigned)
            }
        }
    }

    /// For each scenario and strategy, an earlier scenario whose NPVs of that strategy it can take
    /// run by run (same reads, same kept inputs), or nil. When a model may hold a −0, reads are
    /// compared by their description as well as by `==`: it tells −0 from +0, which `==` does not,
    /// so a shared NPV is always the one the scenario would compute.
    static func sources(of plans: [SimulationPlan], zerosUnsigned: Bool? = nil) -> [[Int?]] {
        let unsigned = zerosUnsigned ?? Self.zerosUnsigned(plans)
        let reads = plans.map { plan in plan.strategies.map { $0.reads(in: plan.model) } }
        return plans.indices.map { s in
            plans[s].strategies.indices.map { k in
                (0..<s).first { earlier in
                    plans[s].differentlyDrawn(from: plans[earlier]).isEmpty && k < reads[earlier].count
                        && reads[earlier][k].isIdentical(to: reads[s][k], zerosUnsigned: unsigned)
                }
            }
        }
    }
}
