extension PlanWorker {
    /// `Solver.timeline(…).npvCostAfterTax` of one strategy in this run: the cost lines of
    /// `Solver.addCosts` added in its order (in-house options in serving order, API flows, staff,
    /// one-time costs), then the same monthly sum. Volume and API price factors are 1 in a run, and
    /// the solver's products by them are left out: `x × 1 = x` exactly.
    ///
    /// `copied` parts (`StrategyParts`) are taken from `source`, the base scenario's lines of this
    /// run, instead of being worked out: their lines, and the fleet plans when a part that reads
    /// them is worked out here. With `keptLines` set (the base scenario's worker), the lines and
    /// fleet plans are kept there for the other scenarios.
    mutating func npvCostAfterTax(
        of strategy: StrategyPlan, copying copied: StrategyParts = [], from source: KeptLines? = nil
    ) -> Double {
        let buffers = buffers, k = strategy.index
        let copied = source == nil ? [] : copied
        // A copied line is read where the base scenario's worker keeps it; the others start at zero.
        for (line, index) in strategy.lineSlots where !copied.contains(StrategyParts.writing(line)) {
            buffers.line(at: index).update(repeating: 0)
        }
        // By index: the plan's structures are read in place, not copied per strategy and run.
        for slot in strategy.legs.indices {
            switch strategy.legs[slot].kind {
            case .rented(let rented):
                guard !copied.contains(.rented) else { continue }
                writeDemand(of: strategy.legs[slot])
                addRentedCosts(of: strategy.legs[slot].option, rented)
            case .selfHosted(let hardware, let loan):
                // Nothing of this fleet is worked out here when every part reading it is copied.
                guard !copied.isSuperset(of: StrategyParts.fleetReaders) else { continue }
                if let source, copied.contains(.fleetPlans) {
                    _ = buffers.average.update(fromContentsOf: source.average(k, slot: slot))
                    _ = buffers.entering.update(fromContentsOf: source.entering(k, slot: slot))
                    _ = buffers.inService(slot).update(fromContentsOf: source.inService(k, slot: slot))
                } else {
                    writeDemand(of: strategy.legs[slot])
                    let gpus = terms.hardware[hardware]
                    planFleet(gpus: gpus.gpus, leadTime: gpus.leadTimeMonths, life: gpus.lifeMonths, slot: slot)
                }
                addFleetCosts(hardware: hardware, loan: loan, slot: slot, skipping: copied)
                if let keptLines, keptParts[k].contains(.fleetPlans) {
                    _ = keptLines.average(k, slot: slot).update(fromContentsOf: buffers.average)
                    _ = keptLines.entering(k, slot: slot).update(fromContentsOf: buffers.entering)
                    _ = keptLines.inService(k, slot: slot).update(fromContentsOf: buffers.inService(slot))
                }
            }
        }
        if !copied.contains(.api) {
            for w in strategy.workloads.indices {
                addAPICosts(of: w, strategy.workloads[w], strategy: strategy.index)
            }
        }
        // Role by role into the zeroed line: each month adds its roles' costs to +0 in role order,
        // as the solver's sum does, in loops over months that the compiler vectorises.
        if !copied.contains(.staff) {
            let staff = buffers.staff
            for r in strategy.paidStaff {
                let cost = buffers.staffCost(r)
                for m in 0..<months { staff[m] += cost[m] }
            }
        }
        for (i, item) in strategy.oneTime.enumerated() {
            addOneTimeCost(item, cost: terms.oneTimeCosts[terms.oneTimeStart[strategy.index] + i], skipping: copied)
        }
        if let keptLines {
            for (line, index) in strategy.lineSlots where keptParts[k].contains(StrategyParts.writing(line)) {
                _ = keptLines.line(k, at: index).update(fromContentsOf: buffers.line(at: index))
            }
        }
        // `MonthlyLines.npvCostAfterTax(…, over: strategy.lines)` on this worker's lines: the same
        // kernels in the same order, so the same bits.
        let cash = buffers.cash, pnl = buffers.pnl
        cash.update(repeating: 0)
        pnl.update(repeating: 0)
        for (line, index) in strategy.lineSlots {
            var values = buffers.line(at: index)
            if let source, copied.contains(StrategyParts.writing(line)) { values = source.line(k, at: index) }
            MonthlyLines.accumulate(UnsafeBufferPointer(values), of: line, cash: cash, pnl: pnl)
        }
        return MonthlyLines.npvAfterTax(cash: cash, pnl: pnl, taxRate: terms.taxRate,
                                        discount: UnsafeBufferPointer(buffers.discount))
    }

    /// `Solver.gpuDemand` of one leg into `average` and `peak`.
    mutating func writeDemand(of leg: StrategyPlan.InHouseLeg) {
        let serving = gpuServing[leg.option], buffers = buffers
        let average = buffers.average, peak = buffers.peak
        average.update(repeating: 0)
        peak.update(repeating: 0)
        for w in leg.shares.indices where leg.shares[w] > 0 {
            let workload = terms.workloads[w], share = leg.shares[w], requests = buffers.requests(w)
            let secondsPerRequest = workload.tokens.input / serving.prefillThroughput
                + workload.tokens.output / serving.decodeThroughput
            let peakLoad = (1 - workload.batch) * workload.peakToAverage + workload.batch
            for m in 0..<months {
                let busy = requests[m] * share * secondsPerRequest / Calendar.secondsPerMonth
                average[m] += busy
                peak[m] += busy * peakLoad
            }
        }
        for m in 0..<months { peak[m] /= serving.maxUtilization }
    }

    /// `Solver.addRentedCosts`: commitments, then on-demand GPUs beyond them.
    func addRentedCosts(of option: Int, _ rented: StrategyPlan.Rented) {
        let maxUtilization = gpuServing[option].maxUtilization, buffers = buffers
        let average = buffers.average, peak = buffers.peak, line = buffers.rented
        let gpuHour = buffers.gpuHourLevels(option), trend = buffers.priceFactor(option)
        for m in 0..<months {
            for cost in rented.commitmentCosts[m] { line[m] += cost }
            let committed = rented.committed[m]
            let peakGPUs = Calendar.tolerantCeiling(peak[m])
            let onDemand: Double
            switch rented.scaling {
            case .peak:
                onDemand = Double(Swift.max(0, peakGPUs - committed))
            case .hourly:
                onDemand = Swift.max(0, average[m] / maxUtilization - Double(committed))
            }
            line[m] += onDemand * gpuHour[m] * Calendar.hoursPerMonth * trend[m]
        }
    }

    /// `Solver.addAPICosts` for one workload: each flow's requests by month times its cost per request.
    mutating func addAPICosts(of w: Int, _ flows: StrategyPlan.WorkloadFlows, strategy s: Int) {
        let buffers = buffers, months = months
        let served = buffers.servedInHouse, sent = buffers.sentToFallback
        served.update(repeating: flows.rentedShare)
        sent.update(repeating: 0)
        for entry in flows.selfHosted {
            guard let leg = entry.leg else {
                for m in 0..<months { sent[m] += entry.share }
                continue
            }
            let servers = buffers.inService(leg)
            for m in 0..<months {
                if servers[m] > 0 { served[m] += entry.share } else { sent[m] += entry.share }
            }
        }
        let rate = terms.escalation[s * terms.workloads.count + w]
        let batch = terms.workloads[w].batch
        let requests = buffers.requests(w), api = buffers.api
        for flow in flows.flows {
            let costs = costsPerRequest(of: w, on: flow.option)
            let escalates = flow.escalated && rate > 0
            let batchFactor = 1 - batch * apiTerms[flow.option].batchDiscount
            let trend = buffers.priceFactor(flow.option)
            for m in 0..<months {
                var share = flow.direct
                if escalates { share += rate * served[m] }
                if flow.fallback { share += sent[m] }
                guard share > 0 else { continue }
                api[m] += requests[m] * share * costs[m] * trend[m] * batchFactor
            }
        }
    }

    /// Workload `w`'s cost per request on API option `o` in this run (`Solver.costPerRequest`),
    /// worked out on the run's first call: it is the same for every strategy.
    mutating func costsPerRequest(of w: Int, on o: Int) -> UnsafeMutableBufferPointer<Double> {
        let pair = w * apiCount + apiSlots[o], costs = buffers.costPerRequest(pair)
        guard costStamps[pair] != stamp else { return costs }
        costStamps[pair] = stamp
        // A factor of 1, as the solver's at the forecast: `x × 1 = x`, the same bits.
        let tokens = terms.workloads[w].tokens
        if let long = tokens.longContext(apiTerms[o].longContext) {
            costs.update(repeating: tokens.cost(at: long, factor: 1))
            return costs
        }
        let input = buffers.apiInput(o), output = buffers.apiOutput(o)
        let cached = buffers.apiCachedInput(o), write = buffers.apiCacheWrite(o)
        for m in 0..<months {
            costs[m] = tokens.cost(input: input[m], output: output[m], cached: cached[m], write: write[m], factor: 1)
        }
        return costs
    }

    /// `Solver.addOneTimeCosts` for one item costing `cost` in this run, into the lines of the parts
    /// not `copied`.
    func addOneTimeCost(_ item: StrategyPlan.OneTime, cost: Double, skipping copied: StrategyParts) {
        let j = item.month, hardwareLines = !copied.contains(.hardwareLines)
        guard let life = item.capitalizeMonths, life >= 1 else {
            if hardwareLines { buffers.oneTime[j - 1] += cost }
            return
        }
        if hardwareLines {
            buffers.capex[j - 1] += cost
            for m in j...Swift.min(months, j + life - 1) { buffers.depreciation[m - 1] += cost / Double(life) }
        }
        if j + life - 1 > months, terms.countsTerminalValue, !copied.contains(.terminalValue) {
            buffers.terminalValue[months - 1] += cost * (1 - Double(months - j + 1) / Double(life))
        }
    }
}
