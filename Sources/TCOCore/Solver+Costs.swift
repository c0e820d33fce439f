extension Solver {
    /// Adds every cost line of `strategy` (calculations.md, "Routing" to "Staff") into `lines`.
    func addCosts(
        of strategy: Strategy, volumeFactor: Double, apiPriceFactor: Double, into lines: inout MonthlyLines,
        details: inout StrategyDetails?
    ) {
        let workloads = model.workloads
        let routes = workloads.map { strategy.effectiveRoute(for: $0.name).activeShares }
        // Whether each self-hosted option has a server in service, by month: its requests go to
        // the fallback in months when it has none.
        var hasServers: [String: [Bool]] = [:]

        for option in model.serving where option.isInHouse {
            let shares = routes.map { route in route.first { $0.option == option.name }?.share ?? 0 }
            guard shares.contains(where: { $0 > 0 }) else { continue }
            let serving: GPUServing
            switch option.kind {
            case .selfHosted(let s, _), .rented(let s, _, _): serving = s
            case .api: continue
            }
            let demand = gpuDemand(shares: shares, serving: serving, volumeFactor: volumeFactor)
            var detail: StrategyDetails.InHouse?
            if details != nil {
                detail = StrategyDetails.InHouse(option: option.name, isRented: !option.isSelfHosted, months: months)
                detail?.averageBusyGPUs = demand.averageBusyGPUs
                detail?.peakGPUs = demand.peakGPUs
            }
            switch option.kind {
            case .rented(_, let gpuHour, _):
                let factors = priceFactors[option.name] ?? []
                for m in 0..<months {
                    let gpus = Calendar.tolerantCeiling(demand.peakGPUs[m])
                    let cost = Double(gpus) * gpuHour * Calendar.hoursPerMonth * factors[m]
                    lines.rented[m] += cost
                    if detail != nil {
                        detail?.unitsNeeded[m] = gpus
                        detail?.rentedCost[m] = cost
                    }
                }
            case .selfHosted(_, let hardwareName):
                guard let hardware = model.hardware(named: hardwareName) else { continue }
                let inService = addFleetCosts(hardware: hardware, demand: demand, into: &lines, detail: &detail)
                hasServers[option.name] = inService.map { $0 > 0 }
            case .api:
                continue
            }
            if let detail { details?.inHouse.append(detail) }
        }

        addAPICosts(of: strategy, routes: routes, hasServers: hasServers,
                    volumeFactor: volumeFactor, apiPriceFactor: apiPriceFactor, into: &lines, details: &details)

        let usesInHouse = routes.contains { route in
            route.contains { model.servingOption(named: $0.option)?.isInHouse == true }
        }
        if usesInHouse {
            let staffPerMonth = model.staff.reduce(0.0) { $0 + $1.count * $1.costPerYear / 12 }
            for m in 0..<months { lines.staff[m] = staffPerMonth }
        }
    }

    /// GPU demand of one in-house option, by month (calculations.md, "GPU demand").
    struct GPUDemand {
        /// Average busy GPUs `A`.
        var averageBusyGPUs: [Double]
        /// GPUs needed at peak `N`.
        var peakGPUs: [Double]
    }

    func gpuDemand(shares: [Double], serving: GPUServing, volumeFactor: Double) -> GPUDemand {
        var average = [Double](repeating: 0, count: months)
        var peak = [Double](repeating: 0, count: months)
        for (w, workload) in model.workloads.enumerated() where shares[w] > 0 {
            let secondsPerRequest = workload.inputTokens / serving.prefillThroughput
                + workload.outputTokens / serving.decodeThroughput
            for m in 0..<months {
                let busy = requests[w][m] * volumeFactor * shares[w] * secondsPerRequest / Calendar.secondsPerMonth
                average[m] += busy
                peak[m] += busy * workload.peakToAverage
            }
        }
        for m in 0..<months { peak[m] /= serving.maxUtilization }
        return GPUDemand(averageBusyGPUs: average, peakGPUs: peak)
    }

    /// API costs: routed shares, escalated re-runs of in-house requests, and fallback traffic.
    func addAPICosts(
        of strategy: Strategy, routes: [[(option: String, share: Double)]], hasServers: [String: [Bool]],
        volumeFactor: Double, apiPriceFactor: Double, into lines: inout MonthlyLines, details: inout StrategyDetails?
    ) {
        for (w, workload) in model.workloads.enumerated() {
            let route = routes[w]
            let escalation = strategy.effectiveEscalation(for: workload.name)
            let rentedShare = route.reduce(0.0) { sum, entry in
                if case .rented = model.servingOption(named: entry.option)?.kind { return sum + entry.share }
                return sum
            }
            let selfHosted = route.filter { model.servingOption(named: $0.option)?.isSelfHosted == true }
            // Requests per month to each API: direct share, escalation and fallback.
            var flows: [(option: String, direct: Double, escalated: Bool, fallback: Bool)] = []
            func flowIndex(_ name: String) -> Int {
                if let i = flows.firstIndex(where: { $0.option == name }) { return i }
                flows.append((name, 0, false, false))
                return flows.count - 1
            }
            for entry in route where model.servingOption(named: entry.option)?.isAPI == true {
                flows[flowIndex(entry.option)].direct += entry.share
            }
            let inHouseShare = rentedShare + selfHosted.reduce(0.0) { $0 + $1.share }
            if let escalation, escalation.rate > 0, inHouseShare > 0 {
                flows[flowIndex(escalation.to)].escalated = true
            }
            if let fallback = strategy.fallback, !selfHosted.isEmpty {
                flows[flowIndex(fallback)].fallback = true
            }
            // In-house share actually served in-house (escalates) and share sent to the fallback, by month.
            var servedInHouse = [Double](repeating: rentedShare, count: months)
            var sentToFallback = [Double](repeating: 0, count: months)
            for entry in selfHosted {
                let inService = hasServers[entry.option] ?? []
                for m in 0..<months {
                    if m < inService.count, inService[m] { servedInHouse[m] += entry.share } else { sentToFallback[m] += entry.share }
                }
            }
            for flow in flows {
                guard case .api(let pricing) = model.servingOption(named: flow.option)?.kind else { continue }
                let c = workload.cachedInput
                let costPerRequest = (workload.inputTokens * ((1 - c) * pricing.priceInput + c * pricing.priceCachedInput)
                    + workload.outputTokens * pricing.priceOutput) / 1e6 * apiPriceFactor
                let factors = priceFactors[flow.option] ?? []
                var record = details.map { _ in
                    StrategyDetails.APIFlow(workload: workload.name, option: flow.option,
                                            requests: [Double](repeating: 0, count: months), cost: [Double](repeating: 0, count: months))
                }
                for m in 0..<months {
                    var share = flow.direct
                    if flow.escalated, let escalation { share += escalation.rate * servedInHouse[m] }
                    if flow.fallback { share += sentToFallback[m] }
                    guard share > 0 else { continue }
                    let cost = requests[w][m] * volumeFactor * share * costPerRequest * factors[m]
                    lines.api[m] += cost
                    if record != nil {
                        record?.requests[m] = requests[w][m] * volumeFactor * share
                        record?.cost[m] = cost
                    }
                }
                if let record { details?.apiFlows.append(record) }
            }
        }
    }
}
