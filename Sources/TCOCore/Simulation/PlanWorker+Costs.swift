extension PlanWorker {
    /// `Solver.timeline(…).npvCostAfterTax` of one strategy in this run: the cost lines of
    /// `Solver.addCosts` added in its order (in-house options in serving order, API flows, staff,
    /// one-time costs), then the same monthly sum. Volume and API price factors are 1 in a run, and
    /// the solver's products by them are left out: `x × 1 = x` exactly.
    mutating func npvCostAfterTax(of strategy: StrategyPlan) -> Double {
        for line in strategy.lines { lines.zero(line) }
        // By index: the plan's structures are read in place, not copied per strategy and run.
        for slot in strategy.legs.indices {
            writeDemand(of: strategy.legs[slot])
            switch strategy.legs[slot].kind {
            case .rented(let rented):
                addRentedCosts(of: strategy.legs[slot].option, rented)
            case .selfHosted(let hardware, let loan):
                addFleetCosts(hardware: hardware, loan: loan, slot: slot)
            }
        }
        for w in strategy.workloads.indices {
            addAPICosts(of: w, strategy.workloads[w], strategy: strategy.index)
        }
        if !strategy.paidStaff.isEmpty {
            // Local references: the line is written through one pointer, no uniqueness check a month.
            let paid = strategy.paidStaff, staffCosts = staffCosts
            lines.staff.withUnsafeMutableBufferPointer { staff in
                for m in 0..<staff.count {
                    var sum = 0.0
                    for r in paid { sum += staffCosts[r][m] }
                    staff[m] = sum
                }
            }
        }
        for (i, item) in strategy.oneTime.enumerated() {
            addOneTimeCost(item, cost: terms.oneTimeCosts[terms.oneTimeStart[strategy.index] + i])
        }
        return lines.npvCostAfterTax(taxRate: terms.taxRate, discount: discount, over: strategy.lines)
    }

    /// `Solver.gpuDemand` of one leg into `average` and `peak`.
    mutating func writeDemand(of leg: StrategyPlan.InHouseLeg) {
        let serving = gpuServing[leg.option], workloads = terms.workloads, requests = requests
        // Both buffers taken out into locals and written through pointers (as the fleet's lines).
        var average: [Double] = [], peak: [Double] = []
        swap(&average, &self.average)
        swap(&peak, &self.peak)
        average.withUnsafeMutableBufferPointer { average in
            peak.withUnsafeMutableBufferPointer { peak in
                average.update(repeating: 0)
                peak.update(repeating: 0)
                for w in leg.shares.indices where leg.shares[w] > 0 {
                    let workload = workloads[w], share = leg.shares[w], requests = requests[w]
                    let secondsPerRequest = workload.tokens.input / serving.prefillThroughput
                        + workload.tokens.output / serving.decodeThroughput
                    let peakLoad = (1 - workload.batch) * workload.peakToAverage + workload.batch
                    for m in 0..<average.count {
                        let busy = requests[m] * share * secondsPerRequest / Calendar.secondsPerMonth
                        average[m] += busy
                        peak[m] += busy * peakLoad
                    }
                }
                for m in 0..<peak.count { peak[m] /= serving.maxUtilization }
            }
        }
        swap(&average, &self.average)
        swap(&peak, &self.peak)
    }

    /// `Solver.addRentedCosts`: commitments, then on-demand GPUs beyond them.
    mutating func addRentedCosts(of option: Int, _ rented: StrategyPlan.Rented) {
        let maxUtilization = gpuServing[option].maxUtilization, average = average, peak = peak
        let gpuHour = gpuHourLevels[option], trend = priceFactors[option]
        var line: [Double] = []
        swap(&line, &lines.rented)
        line.withUnsafeMutableBufferPointer { line in
            for m in 0..<line.count {
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
        swap(&line, &lines.rented)
    }

    /// `Solver.addAPICosts` for one workload: each flow's requests by month times its cost per request.
    mutating func addAPICosts(of w: Int, _ flows: StrategyPlan.WorkloadFlows, strategy s: Int) {
        var served: [Double] = [], sent: [Double] = []
        swap(&served, &servedInHouse)
        swap(&sent, &sentToFallback)
        let inService = inService
        served.withUnsafeMutableBufferPointer { served in
            sent.withUnsafeMutableBufferPointer { sent in
                served.update(repeating: flows.rentedShare)
                sent.update(repeating: 0)
                for entry in flows.selfHosted {
                    guard let leg = entry.leg else {
                        for m in 0..<sent.count { sent[m] += entry.share }
                        continue
                    }
                    let servers = inService[leg]
                    for m in 0..<sent.count {
                        if servers[m] > 0 { served[m] += entry.share } else { sent[m] += entry.share }
                    }
                }
            }
        }
        swap(&served, &servedInHouse)
        swap(&sent, &sentToFallback)
        let rate = terms.escalation[s * terms.workloads.count + w]
        let batch = terms.workloads[w].batch
        for flow in flows.flows {
            let offset = costPerRequestOffset(of: w, on: flow.option)
            let escalates = flow.escalated && rate > 0
            let batchFactor = 1 - batch * apiTerms[flow.option].batchDiscount
            // Local references, so the loop writes the line through one pointer, with no
            // uniqueness check per month.
            let requests = requests[w], trend = priceFactors[flow.option]
            let served = servedInHouse, sent = sentToFallback, costs = costsPerRequest
            lines.api.withUnsafeMutableBufferPointer { api in
                for m in 0..<api.count {
                    var share = flow.direct
                    if escalates { share += rate * served[m] }
                    if flow.fallback { share += sent[m] }
                    guard share > 0 else { continue }
                    api[m] += requests[m] * share * costs[offset + m] * trend[m] * batchFactor
                }
            }
        }
    }

    /// Where `costsPerRequest` holds workload `w`'s cost per request on API option `o` in this
    /// run (`Solver.costPerRequest`), worked out on the run's first call: it is the same for
    /// every strategy.
    mutating func costPerRequestOffset(of w: Int, on o: Int) -> Int {
        let pair = w * apiCount + apiSlots[o], offset = pair * months
        guard costStamps[pair] != stamp else { return offset }
        costStamps[pair] = stamp
        // A factor of 1, as the solver's at the forecast: `x × 1 = x`, the same bits.
        let tokens = terms.workloads[w].tokens
        if let long = tokens.longContext(apiTerms[o].longContext) {
            let value = tokens.cost(at: long, factor: 1)
            for m in 0..<months { costsPerRequest[offset + m] = value }
            return offset
        }
        let input = apiInput[o], output = apiOutput[o], cached = apiCachedInput[o], write = apiCacheWrite[o]
        let months = months
        costsPerRequest.withUnsafeMutableBufferPointer { costs in
            for m in 0..<months {
                costs[offset + m] = tokens.cost(
                    input: input[m], output: output[m], cached: cached[m], write: write[m], factor: 1)
            }
        }
        return offset
    }

    /// `Solver.addOneTimeCosts` for one item costing `cost` in this run.
    mutating func addOneTimeCost(_ item: StrategyPlan.OneTime, cost: Double) {
        let j = item.month
        guard let life = item.capitalizeMonths, life >= 1 else {
            lines.oneTime[j - 1] += cost
            return
        }
        lines.capex[j - 1] += cost
        for m in j...Swift.min(months, j + life - 1) { lines.depreciation[m - 1] += cost / Double(life) }
        if j + life - 1 > months, terms.countsTerminalValue {
            lines.terminalValue[months - 1] += cost * (1 - Double(months - j + 1) / Double(life))
        }
    }
}
