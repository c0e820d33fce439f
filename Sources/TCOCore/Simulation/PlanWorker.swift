/// The state one Monte Carlo worker keeps across the runs it solves: the scenario's model with the
/// run's draws written in, the derived lines (requests, trends, price levels, staff costs) and
/// the buffers of one strategy's lines. Everything is allocated once; a run overwrites it in place.
struct PlanWorker {
    let plan: SimulationPlan
    let months: Int
    /// The scenario's model with this run's draws written in. Every run writes the same inputs, and
    /// `enforceLinkedBounds` (the only other writer) has its two fields put back first, so this model
    /// equals a fresh copy of the scenario's with the draws applied, without copying it each run.
    var model: Model
    /// This run's value of every input, in input order.
    var values: [Double]
    /// How each input is drawn.
    let draws: [UncertainInput.Draw]
    /// The setters of the drawn inputs (`plan.drawn` order) with their indices, and the two fields
    /// `enforceLinkedBounds` may lower, as the scenario has them: the worker's own copies, read every
    /// run without touching the plan, which the workers on the other core read too.
    /// A draw that reaches only lines copied from the base scenario's worker has no setter here
    /// (`share`).
    private(set) var setters: [(input: Int, apply: @Sendable (inout Model, Double) -> Void)]
    let scenarioIdlePower: [Double]
    let scenarioCacheWrite: [Double]

    /// Owns the memory `buffers` points into. A copy of a worker shares it: workers are made
    /// in place and never copied (one per scenario and task).
    private let storage: RunStorage
    /// The derived lines (as the solver's, Solver.swift: requests, trends, price levels, staff
    /// costs, by workload, option or role index), the lines of the strategy being solved and
    /// scratch, all in `storage`: a run overwrites them in place.
    let buffers: RunBuffers
    /// Throughputs of in-house options, and terms of API options, by option index.
    /// (In memory this worker owns, lent by pointer to the other scenarios' workers.)
    let gpuServing: UnsafeMutableBufferPointer<GPUServing>
    let apiTerms: UnsafeMutableBufferPointer<APITerms>
    private let scalars: (OwnedBuffer<GPUServing>, OwnedBuffer<APITerms>)
    /// The run's scalars (`RunTerms`), read once the draws are written.
    var terms: RunTerms
    /// Each option's place among the API options (−1 for an in-house option), and how many there are.
    let apiSlots: [Int]
    /// Each option's kind, without its terms (a match on the model's would copy them).
    let optionKinds: [OptionKind]
    let apiCount: Int
    /// The run each cost per request (`buffers.costPerRequest`, by workload × API options + API
    /// slot) was worked out for.
    var costStamps: [Int]
    /// Counts the runs this worker solved, so that a cost per request of an earlier run is not taken.
    var stamp = 0
    /// The drawn lines this worker copies from the base scenario's worker (`SharedDerivations`).
    private(set) var shared: SharedDerivations
    /// The parts of each strategy this worker copies from the base scenario's worker, by strategy
    /// (`StrategyParts`; none for the base scenario's worker).
    var copiedParts: [StrategyParts]
    /// Where the base scenario's worker keeps its lines for the other scenarios' workers (nil when
    /// none copies a part).
    private(set) var keptLines: KeptLines?
    /// The drawn lines this worker derives or copies in a run.
    private(set) var needs = DerivedNeeds()
    private var keptStorage: RunStorage?
    /// The parts of each strategy the other scenarios' workers copy from this one (the base
    /// scenario's): only their lines are kept.
    var keptParts: [StrategyParts]
    /// NPV of cost after tax of every strategy in the run last solved, in file order.
    var solved: [Double]
    /// The strategies whose NPV is taken from another scenario's worker.
    var taken: [Bool]

    enum OptionKind {
        case api, rented, selfHosted
    }

    /// The API terms a request's cost reads besides the price lines.
    struct APITerms {
        var batchDiscount = 0.0
        var longContext: LongContextPricing?
    }

    init(plan: SimulationPlan) {
        self.plan = plan
        let months = plan.months, base = plan.base, serving = plan.model.serving
        self.months = months
        model = plan.model
        values = plan.inputs.map { _ in 0 }
        draws = plan.inputs.map(\.draw)
        setters = plan.drawn.map { ($0, plan.inputs[$0].apply) }
        scenarioIdlePower = plan.model.hardware.map(\.idlePower)
        scenarioCacheWrite = plan.model.workloads.map(\.cacheWrite)
        var apiCount = 0
        apiSlots = serving.map { option in
            guard option.isAPI else { return -1 }
            defer { apiCount += 1 }
            return apiCount
        }
        self.apiCount = apiCount
        optionKinds = serving.map { option in
            switch option.kind {
            case .api: .api
            case .rented: .rented
            case .selfHosted: .selfHosted
            }
        }
        let workloads = plan.model.workloads.count, roles = plan.model.staff.count
        let legs = plan.strategies.map(\.legs.count).max() ?? 0
        let sizes = RunBuffers.sizes(months: months, workloads: workloads, options: serving.count, roles: roles,
                                     apiOptions: apiCount, legs: legs)
        storage = RunStorage(amounts: sizes.amounts, counts: sizes.counts)
        let buffers = RunBuffers(storage: storage, months: months, workloads: workloads, options: serving.count,
                                 roles: roles, apiOptions: apiCount)
        self.buffers = buffers
        // The derived lines start as the scenario solver's: a run derives again only what its draws feed.
        func start(_ buffer: UnsafeMutableBufferPointer<Double>, _ line: [Double]?) {
            guard let line else { return }
            for m in 0..<Swift.min(months, line.count) { buffer[m] = line[m] }
        }
        for w in 0..<workloads {
            start(buffers.requests(w), base.requests[w])
            start(buffers.workloadTrend(w), plan.model.workloads[w].growth.trend(months: months))
        }
        for r in 0..<roles {
            start(buffers.staffTrend(r), plan.model.staff[r].costChange.trend(months: months))
            start(buffers.staffCost(r), base.staffCosts[r])
        }
        for (o, option) in serving.enumerated() {
            start(buffers.priceFactor(o), base.priceFactors[option.name])
            start(buffers.apiInput(o), base.apiPrices[option.name]?.input)
            start(buffers.apiOutput(o), base.apiPrices[option.name]?.output)
            start(buffers.apiCachedInput(o), base.apiPrices[option.name]?.cachedInput)
            start(buffers.apiCacheWrite(o), base.apiPrices[option.name]?.cacheWrite)
            start(buffers.gpuHourLevels(o), base.gpuHourLevels[option.name])
        }
        start(buffers.discount, base.discount)
        start(buffers.electricityLevels, base.electricityLevels)
        start(buffers.electricityFactors, base.electricityFactors)
        start(buffers.colocation, base.colocation)
        let placeholder = GPUServing(decodeThroughput: 1, prefillThroughput: 1, maxUtilization: 1)
        scalars = (OwnedBuffer(repeating: placeholder, count: serving.count),
                   OwnedBuffer(repeating: APITerms(), count: serving.count))
        gpuServing = scalars.0.pointer
        apiTerms = scalars.1.pointer
        for (o, option) in serving.enumerated() { gpuServing[o] = option.gpuServing ?? placeholder }
        terms = RunTerms(plan: plan)
        costStamps = [Int](repeating: -1, count: workloads * apiCount)
        shared = SharedDerivations(nothingOf: plan.model)
        copiedParts = plan.strategies.map { _ in [] }
        keptParts = copiedParts
        solved = plan.strategies.map { _ in 0 }
        taken = plan.strategies.map { _ in false }
        for o in serving.indices { readTerms(of: o) }
    }

    /// Which drawn lines the parts this worker works out itself read (`StrategyParts`): the others
    /// are not derived, nor copied, in a run (example-v2's loan and terminal value scenarios read
    /// none: their only own part is worked out from copied fleet plans and the run's scalars).
    struct DerivedNeeds {
        /// Requests, option prices and throughputs: for fleet plans, rented GPUs and API flows.
        var demand = true
        /// Electricity and colocation prices: for the hardware lines.
        var facility = true
        /// Staff costs.
        var staff = true
    }

    /// Works out `needs` from the parts this worker copies and the strategies it takes whole.
    mutating func workOutNeeds() {
        var computed: StrategyParts = []
        for k in plan.strategies.indices where !taken[k] {
            computed.formUnion(StrategyParts(StrategyParts.each).subtracting(copiedParts[k]))
        }
        needs = DerivedNeeds(demand: !computed.isDisjoint(with: [.fleetPlans, .rented, .api]),
                             facility: computed.contains(.hardwareLines), staff: computed.contains(.staff))
    }

    /// Keeps the lines of the parts in `keptParts` for the other scenarios' workers from now on.
    mutating func keepLines() {
        let legs = plan.strategies.map(\.legs.count).max() ?? 0
        let storage = KeptLines.storage(strategies: plan.strategies.count, legs: legs, months: months)
        keptStorage = storage
        keptLines = KeptLines(storage: storage, legs: legs, months: months)
    }

    /// Copies the drawn lines `shared` names from the base scenario's worker from now on, and stops
    /// writing the draws that reach nothing else into this worker's model (each setter copies
    /// schedules and terms: a tenth of a run when every worker wrote every draw).
    mutating func share(_ shared: SharedDerivations) {
        self.shared = shared.ownCopy
        setters = setters.filter { !shared.unwritten.contains($0.input) }
    }

    /// Solves run `run` of a simulation seeded with `seed`: `solved` then holds the NPV of cost after
    /// tax of every strategy, in file order, `Simulation.npvs(of:)` of the scenario's model with the
    /// run's draws, bit for bit. Strategies marked `taken` are not solved: the caller has put their
    /// NPV of this run (another scenario's) in `solved` first.
    /// `trends` may be shared with the workers of the other scenarios solving the same runs.
    /// `drawn`, when given, is this run's value of every input (`drawValues`), drawn once for all
    /// the scenarios of the run: each would draw the same values from the same stream. `source`
    /// is the base scenario's worker's lines of this run, for the lines this one shares (`shared`,
    /// `copiedParts`).
    mutating func solve(
        run: Int, seed: UInt64, trends: inout TrendCache, drawn: [Double]? = nil, from source: DerivedSource? = nil
    ) {
        // Every NPV taken: no draw needed (the next run that solves writes all its draws anew).
        if !taken.contains(false) { return }
        if let drawn {
            write(drawn)
        } else {
            draw(run: run, seed: seed)
        }
        readModel(trends: &trends, from: source)
        let kept = source?.keptLines
        for k in plan.strategies.indices where !taken[k] {
            solved[k] = npvCostAfterTax(of: plan.strategies[k], copying: copiedParts[k], from: kept)
        }
    }

    /// NPV of cost after tax of strategies `ks` of `model`: the scenario's model with other values of
    /// its drawn inputs written in, and nothing else changed (a tornado's end of one input). The
    /// same bits as `Simulation.npvs(of: model)`, as a run's.
    mutating func npvs(of model: Model, strategies ks: [Int]) -> [Double] {
        self.model = model
        var trends = TrendCache()
        readModel(trends: &trends)
        return ks.map { npvCostAfterTax(of: plan.strategies[$0]) }
    }

    /// Reads what a run's costs need from `model`, once its values are written: the drawn lines
    /// (`deriveDrawnLines`), the scalars (`RunTerms`), and a new stamp, so that no cost per request
    /// of an earlier model is taken.
    private mutating func readModel(trends: inout TrendCache, from source: DerivedSource? = nil) {
        deriveDrawnLines(trends: &trends, from: source)
        terms.read(model, plan: plan)
        stamp += 1
    }

    /// `solve`, for a worker that takes no NPV from another: the NPVs of the run.
    mutating func npvs(run: Int, seed: UInt64, trends: inout TrendCache) -> [Double] {
        solve(run: run, seed: seed, trends: &trends)
        return solved
    }

    /// Draws every input (`Simulation.draws`) and writes those the scenario does not keep into the model.
    mutating func draw(run: Int, seed: UInt64) {
        Self.drawValues(of: draws, run: run, seed: seed, into: &values)
        write(values)
    }

    /// Run `run`'s value of every input, in input order, into `values`.
    static func drawValues(of draws: [UncertainInput.Draw], run: Int, seed: UInt64, into values: inout [Double]) {
        var random = RunRandom(seed: seed, run: run)
        for index in draws.indices { values[index] = draws[index].value(at: random.unit()) }
    }

    /// Writes the drawn `values` of the inputs the scenario does not keep into the model.
    mutating func write(_ values: [Double]) {
        // The last run's `enforceLinkedBounds` may have lowered these: start again from the scenario's.
        for h in scenarioIdlePower.indices { model.hardware[h].idlePower = scenarioIdlePower[h] }
        for w in scenarioCacheWrite.indices { model.workloads[w].cacheWrite = scenarioCacheWrite[w] }
        for (input, apply) in setters { apply(&model, values[input]) }
        model.enforceLinkedBounds()
    }

    /// Derives again, in place and as `Solver.init` does, the lines a drawn input feeds; a trend
    /// only when a drawn rate of change feeds it.
    mutating func deriveDrawnLines(trends: inout TrendCache, from source: DerivedSource? = nil) {
        let redo = plan.redo, buffers = buffers, months = months
        // What the base scenario's worker derived this run and this scenario shares (`SharedDerivations`).
        let from = source?.buffers
        if redo.discount {
            if let from, shared.discount {
                Self.copy(from.discount, into: buffers.discount)
            } else {
                let discount = buffers.discount, rate = model.discountRate
                for m in 0..<months { discount[m] = Calendar.discountFactor(annualRate: rate, month: m + 1) }
            }
        }
        let levels = buffers.levels
        for w in redo.workloads.indices where needs.demand && redo.workloads[w] > .none {
            let trend = buffers.workloadTrend(w), requests = buffers.requests(w)
            if let from, shared.workloads[w] {
                Self.copy(from.requests(w), into: requests)
                continue
            }
            if redo.workloads[w] == .trend { trends.write(model.workloads[w].growth, into: trend) }
            model.workloads[w].requests.writeLevels(over: UnsafeBufferPointer(trend), into: levels)
            for m in 0..<months { requests[m] = levels[m] * trend[m] }
        }
        for o in redo.options.indices where needs.demand && redo.options[o] > .none {
            if let from, let source, shared.options[o] {
                // The lines `deriveLines` writes for the option's kind: a self-hosted option has none.
                switch optionKinds[o] {
                case .api:
                    Self.copy(from.priceFactor(o), into: buffers.priceFactor(o))
                    Self.copy(from.apiInput(o), into: buffers.apiInput(o))
                    Self.copy(from.apiOutput(o), into: buffers.apiOutput(o))
                    Self.copy(from.apiCachedInput(o), into: buffers.apiCachedInput(o))
                    Self.copy(from.apiCacheWrite(o), into: buffers.apiCacheWrite(o))
                case .rented:
                    Self.copy(from.priceFactor(o), into: buffers.priceFactor(o))
                    Self.copy(from.gpuHourLevels(o), into: buffers.gpuHourLevels(o))
                case .selfHosted:
                    break
                }
                gpuServing[o] = source.gpuServing[o]
                apiTerms[o] = source.apiTerms[o]
                continue
            }
            deriveLines(of: o, trend: redo.options[o] == .trend, trends: &trends)
            readTerms(of: o)
        }
        if needs.facility, let facility = model.facility {
            if let from, shared.facility {
                if redo.electricity > .none {
                    Self.copy(from.electricityFactors, into: buffers.electricityFactors)
                    Self.copy(from.electricityLevels, into: buffers.electricityLevels)
                }
                if redo.colocation { Self.copy(from.colocation, into: buffers.colocation) }
            } else {
                if redo.electricity == .trend {
                    trends.write(facility.electricityChange, into: buffers.electricityFactors)
                }
                if redo.electricity > .none {
                    facility.electricityPerKilowattHour.writeLevels(
                        over: UnsafeBufferPointer(buffers.electricityFactors), into: buffers.electricityLevels)
                }
                if redo.colocation { facility.colocationPerKilowattMonth.writeValues(into: buffers.colocation) }
            }
        }
        let counts = buffers.values
        for r in redo.staff.indices where needs.staff && redo.staff[r] > .none {
            let trend = buffers.staffTrend(r), costs = buffers.staffCost(r)
            if let from, shared.staff[r] {
                Self.copy(from.staffCost(r), into: costs)
                continue
            }
            if redo.staff[r] == .trend { trends.write(model.staff[r].costChange, into: trend) }
            model.staff[r].costPerYear.writeLevels(over: UnsafeBufferPointer(trend), into: levels)
            model.staff[r].count.writeValues(into: counts)
            for m in 0..<months { costs[m] = counts[m] * (levels[m] * trend[m]) / 12 }
        }
    }

    /// An API or rented option's price levels, and its trend first if `trend`.
    mutating func deriveLines(of o: Int, trend redoTrend: Bool, trends: inout TrendCache) {
        let trend = buffers.priceFactor(o), levelsTrend = UnsafeBufferPointer(trend)
        switch model.serving[o].kind {
        case .api(let pricing):
            if redoTrend { trends.write(pricing.priceChange, into: trend) }
            pricing.priceInput.writeLevels(over: levelsTrend, into: buffers.apiInput(o))
            pricing.priceOutput.writeLevels(over: levelsTrend, into: buffers.apiOutput(o))
            pricing.priceCachedInput.writeLevels(over: levelsTrend, into: buffers.apiCachedInput(o))
            pricing.priceCacheWrite.writeLevels(over: levelsTrend, into: buffers.apiCacheWrite(o))
        case .rented(_, let pricing):
            if redoTrend { trends.write(pricing.priceChange, into: trend) }
            pricing.gpuHour.writeLevels(over: levelsTrend, into: buffers.gpuHourLevels(o))
        case .selfHosted:
            break
        }
    }

    /// An option's scalars: throughputs of an in-house option, batch discount and long-context
    /// prices of an API.
    mutating func readTerms(of o: Int) {
        switch model.serving[o].kind {
        case .api(let pricing):
            apiTerms[o] = APITerms(batchDiscount: pricing.batchDiscount, longContext: pricing.longContext)
        case .rented(let serving, _), .selfHosted(let serving, _):
            gpuServing[o] = serving
        }
    }
}
