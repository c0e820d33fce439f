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
    /// The setters of the drawn inputs (`plan.drawn` order) with their indices, and the two fields
    /// `enforceLinkedBounds` may lower, as the scenario has them: the worker's own copies, read every
    /// run without touching the plan, which the workers on the other core read too.
    let setters: [(input: Int, apply: @Sendable (inout Model, Double) -> Void)]
    let scenarioIdlePower: [Double]
    let scenarioCacheWrite: [Double]

    // Derived lines, as the solver's (Solver.swift), by workload, option or role index.
    var requests: [[Double]]
    /// Trend of each workload's growth and each staff role's cost change (the solver keeps only
    /// their products): a run that draws a level and not the rate reuses them.
    var workloadTrends: [[Double]]
    var staffTrends: [[Double]]
    var discount: [Double]
    var priceFactors: [[Double]]
    var apiInput: [[Double]]
    var apiOutput: [[Double]]
    var apiCachedInput: [[Double]]
    var apiCacheWrite: [[Double]]
    var gpuHourLevels: [[Double]]
    var electricityLevels: [Double]
    var electricityFactors: [Double]
    var colocation: [Double]
    var staffCosts: [[Double]]
    /// Throughputs of in-house options, and terms of API options, by option index.
    var gpuServing: [GPUServing]
    var apiTerms: [APITerms]

    // Buffers of one strategy in one run.
    var lines: MonthlyLines
    var levels: [Double]
    var counts: [Double]
    var average: [Double]
    var peak: [Double]
    var needed: [Int]
    var entering: [Int]
    /// Servers in service by month, one buffer per leg of the strategy being solved.
    var inService: [[Int]]
    var servedInHouse: [Double]
    var sentToFallback: [Double]
    /// The run's scalars (`RunTerms`), read once the draws are written.
    var terms: RunTerms
    /// Cost per request of each workload on each API option, `months` values at
    /// `(workload × API options + API slot) × months`; `costStamps` holds the run each was worked out for.
    var costsPerRequest: [Double]
    /// Each option's place among the API options (−1 for an in-house option), and how many there are.
    let apiSlots: [Int]
    let apiCount: Int
    var costStamps: [Int]
    /// Counts the runs this worker solved, so that a cost per request of an earlier run is not taken.
    var stamp = 0

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
        setters = plan.drawn.map { ($0, plan.inputs[$0].apply) }
        scenarioIdlePower = plan.model.hardware.map(\.idlePower)
        scenarioCacheWrite = plan.model.workloads.map(\.cacheWrite)
        // Copies of their own (`map`): no line buffer is shared with a worker on another thread, whose
        // reference counting would contend for it.
        requests = base.requests.map { $0.map { $0 } }
        workloadTrends = plan.model.workloads.map { $0.growth.trend(months: months) }
        staffTrends = plan.model.staff.map { $0.costChange.trend(months: months) }
        discount = base.discount.map { $0 }
        priceFactors = serving.map { (base.priceFactors[$0.name] ?? []).map { $0 } }
        apiInput = serving.map { (base.apiPrices[$0.name]?.input ?? []).map { $0 } }
        apiOutput = serving.map { (base.apiPrices[$0.name]?.output ?? []).map { $0 } }
        apiCachedInput = serving.map { (base.apiPrices[$0.name]?.cachedInput ?? []).map { $0 } }
        apiCacheWrite = serving.map { (base.apiPrices[$0.name]?.cacheWrite ?? []).map { $0 } }
        gpuHourLevels = serving.map { (base.gpuHourLevels[$0.name] ?? []).map { $0 } }
        electricityLevels = base.electricityLevels.map { $0 }
        electricityFactors = base.electricityFactors.map { $0 }
        colocation = base.colocation.map { $0 }
        staffCosts = base.staffCosts.map { $0.map { $0 } }
        gpuServing = serving.map { $0.gpuServing ?? GPUServing(decodeThroughput: 1, prefillThroughput: 1,
                                                                 maxUtilization: 1) }
        apiTerms = serving.map { _ in APITerms() }
        lines = MonthlyLines(months: months)
        let zeros = [Double](repeating: 0, count: months), none = [Int](repeating: 0, count: months)
        levels = zeros
        counts = zeros
        average = zeros
        peak = zeros
        needed = none
        entering = none
        inService = [[Int]](repeating: none, count: plan.strategies.map(\.legs.count).max() ?? 0)
        servedInHouse = zeros
        sentToFallback = zeros
        terms = RunTerms(plan: plan)
        var apiCount = 0
        apiSlots = serving.map { option in
            guard option.isAPI else { return -1 }
            defer { apiCount += 1 }
            return apiCount
        }
        self.apiCount = apiCount
        costsPerRequest = [Double](repeating: 0, count: plan.model.workloads.count * apiCount * months)
        costStamps = [Int](repeating: -1, count: plan.model.workloads.count * apiCount)
        for o in serving.indices { readTerms(of: o) }
    }

    /// NPV of cost after tax of every strategy, in file order, in run `run` of a simulation seeded
    /// with `seed`: `Simulation.npvs(of:)` of the scenario's model with the run's draws, bit for bit.
    /// `trends` may be shared with the workers of the other scenarios solving the same runs;
    /// `known(k)` is strategy k's NPV when another scenario's worker already has it for this run.
    /// `drawn`, when given, is this run's value of every input (`drawValues`), drawn once for all
    /// the scenarios of the run: each would draw the same values from the same stream.
    mutating func npvs(
        run: Int, seed: UInt64, trends: inout TrendCache, drawn: [Double]? = nil,
        known: (Int) -> Double? = { _ in nil }
    ) -> [Double] {
        var npvs: [Double] = []
        npvs.reserveCapacity(plan.strategies.count)
        for k in plan.strategies.indices {
            guard let npv = known(k) else { break }
            npvs.append(npv)
        }
        // Every NPV known: no draw needed (the next run that solves writes all its draws anew).
        if npvs.count == plan.strategies.count { return npvs }
        if let drawn {
            write(drawn)
        } else {
            draw(run: run, seed: seed)
        }
        deriveDrawnLines(trends: &trends)
        terms.read(model, plan: plan)
        stamp += 1
        for k in npvs.count..<plan.strategies.count {
            npvs.append(known(k) ?? npvCostAfterTax(of: plan.strategies[k]))
        }
        return npvs
    }

    /// Draws every input (`Simulation.draws`) and writes those the scenario does not keep into the model.
    mutating func draw(run: Int, seed: UInt64) {
        Self.drawValues(of: plan.inputs, run: run, seed: seed, into: &values)
        write(values)
    }

    /// Run `run`'s value of every input, in input order, into `values`.
    static func drawValues(of inputs: [UncertainInput], run: Int, seed: UInt64, into values: inout [Double]) {
        var random = RunRandom(seed: seed, run: run)
        for index in inputs.indices { values[index] = inputs[index].value(at: random.unit()) }
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
    mutating func deriveDrawnLines(trends: inout TrendCache) {
        let redo = plan.redo
        if redo.discount {
            for m in 0..<months { discount[m] = Calendar.discountFactor(annualRate: model.discountRate, month: m + 1) }
        }
        for w in requests.indices where redo.workloads[w] > .none {
            if redo.workloads[w] == .trend { trends.write(model.workloads[w].growth, into: &workloadTrends[w]) }
            let trend = workloadTrends[w]
            model.workloads[w].requests.writeLevels(over: trend, into: &levels)
            let levels = levels
            requests[w].withUnsafeMutableBufferPointer { requests in
                for m in 0..<requests.count { requests[m] = levels[m] * trend[m] }
            }
        }
        for o in priceFactors.indices where redo.options[o] > .none {
            deriveLines(of: o, trend: redo.options[o] == .trend, trends: &trends)
            readTerms(of: o)
        }
        if let facility = model.facility {
            if redo.electricity == .trend { trends.write(facility.electricityChange, into: &electricityFactors) }
            if redo.electricity > .none {
                facility.electricityPerKilowattHour.writeLevels(over: electricityFactors, into: &electricityLevels)
            }
            if redo.colocation { facility.colocationPerKilowattMonth.writeValues(into: &colocation) }
        }
        for r in staffCosts.indices where redo.staff[r] > .none {
            let role = model.staff[r]
            if redo.staff[r] == .trend { trends.write(role.costChange, into: &staffTrends[r]) }
            let trend = staffTrends[r]
            role.costPerYear.writeLevels(over: trend, into: &levels)
            role.count.writeValues(into: &counts)
            let levels = levels, counts = counts
            staffCosts[r].withUnsafeMutableBufferPointer { costs in
                for m in 0..<costs.count { costs[m] = counts[m] * (levels[m] * trend[m]) / 12 }
            }
        }
    }

    /// An API or rented option's price levels, and its trend first if `trend`.
    mutating func deriveLines(of o: Int, trend redoTrend: Bool, trends: inout TrendCache) {
        switch model.serving[o].kind {
        case .api(let pricing):
            if redoTrend { trends.write(pricing.priceChange, into: &priceFactors[o]) }
            let trend = priceFactors[o]
            pricing.priceInput.writeLevels(over: trend, into: &apiInput[o])
            pricing.priceOutput.writeLevels(over: trend, into: &apiOutput[o])
            pricing.priceCachedInput.writeLevels(over: trend, into: &apiCachedInput[o])
            pricing.priceCacheWrite.writeLevels(over: trend, into: &apiCacheWrite[o])
        case .rented(_, let pricing):
            if redoTrend { trends.write(pricing.priceChange, into: &priceFactors[o]) }
            pricing.gpuHour.writeLevels(over: priceFactors[o], into: &gpuHourLevels[o])
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
