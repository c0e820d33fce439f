extension Solver {
    /// Adds every cost line of `strategy` (calculations.md, "Routing" to "One-time costs") into
    /// `lines`. Returns the tokens that ran on self-hosted servers (the denominator of kWh per
    /// million tokens).
    @discardableResult
    func addCosts(
        of strategy: Strategy, volumeFactor: Double, apiPriceFactor: Double, into lines: inout MonthlyLines,
        details: inout StrategyDetails?
    ) -> Double {
        let workloads = model.workloads
        let routes = workloads.map { strategy.effectiveRoute(for: $0.name).activeShares }
        // Whether each self-hosted option has a server in service, by month: its requests go to
        // the fallback in months when it has none.
        var hasServers: [String: [Bool]] = [:]
        var selfHostedTokens = 0.0

        for option in model.serving where option.isInHouse {
            let shares = routes.map { route in route.first { $0.option == option.name }?.share ?? 0 }
            guard shares.contains(where: { $0 > 0 }), let serving = option.gpuServing else { continue }
            let demand = gpuDemand(shares: shares, serving: serving, volumeFactor: volumeFactor)
            var detail: StrategyDetails.InHouse?
            if details != nil {
                detail = StrategyDetails.InHouse(option: option.name, isRented: !option.isSelfHosted, months: months)
                detail?.averageBusyGPUs = demand.averageBusyGPUs
                detail?.peakGPUs = demand.peakGPUs
            }
            switch option.kind {
            case .rented(let serving, let pricing):
                addRentedCosts(option.name, serving: serving, pricing: pricing, demand: demand, into: &lines,
                               detail: &detail)
            case .selfHosted(_, let hardwareName):
                guard let hardware = model.hardware(named: hardwareName) else { continue }
                let inService = addFleetCosts(hardware: hardware, demand: demand, into: &lines, detail: &detail)
                hasServers[option.name] = inService.map { $0 > 0 }
                selfHostedTokens += tokensServed(shares: shares, inService: inService, volumeFactor: volumeFactor)
            case .api:
                continue
            }
            if let detail { details?.inHouse.append(detail) }
        }

        addAPICosts(of: strategy, routes: routes, hasServers: hasServers,
                    volumeFactor: volumeFactor, apiPriceFactor: apiPriceFactor, into: &lines, details: &details)

        // From the routes already at hand: a break-even search solves here many times.
        let paid = paidStaff(of: strategy, routes: routes)
        if !paid.isEmpty {
            for m in 0..<months { lines.staff[m] = paid.reduce(0.0) { $0 + staffCosts[$1][m] } }
        }
        addOneTimeCosts(of: strategy, into: &lines)
        return selfHostedTokens
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
            // Batch requests run off-peak: they count at the average rate, not the peak.
            let peakLoad = (1 - workload.batch) * workload.peakToAverage + workload.batch
            for m in 0..<months {
                let busy = requests[w][m] * volumeFactor * shares[w] * secondsPerRequest / Calendar.secondsPerMonth
                average[m] += busy
                peak[m] += busy * peakLoad
            }
        }
        for m in 0..<months { peak[m] /= serving.maxUtilization }
        return GPUDemand(averageBusyGPUs: average, peakGPUs: peak)
    }

    /// Rented GPUs: commitments in every month of their term, plus on-demand GPUs beyond them,
    /// for the peak all month or for the GPU-hours used (calculations.md, "GPU demand").
    func addRentedCosts(
        _ option: String, serving: GPUServing, pricing: RentedPricing, demand: GPUDemand,
        into lines: inout MonthlyLines, detail: inout StrategyDetails.InHouse?
    ) {
        let trend = priceFactors[option] ?? []
        let gpuHour = gpuHourLevels[option] ?? []
        for m in 0..<months {
            var committed = 0
            for commitment in pricing.commitments where commitment.covers(month: m + 1) {
                committed += commitment.gpus
                lines.rented[m] += Double(commitment.gpus) * commitment.gpuHour * Calendar.hoursPerMonth
            }
            let peakGPUs = Calendar.tolerantCeiling(demand.peakGPUs[m])
            let onDemand: Double
            switch pricing.scaling {
            case .peak:
                onDemand = Double(Swift.max(0, peakGPUs - committed))
            case .hourly:
                onDemand = Swift.max(0, demand.averageBusyGPUs[m] / serving.maxUtilization - Double(committed))
            }
            let cost = onDemand * gpuHour[m] * Calendar.hoursPerMonth * trend[m]
            lines.rented[m] += cost
            lines.rentedGPUs[m] += Swift.max(peakGPUs, committed)
            if detail != nil {
                detail?.unitsNeeded[m] = peakGPUs
                detail?.rentedCost[m] = cost
            }
        }
    }

    /// Input plus output tokens of the requests routed to one self-hosted option in the months it
    /// has a server in service (escalated requests once; fallback months excluded).
    func tokensServed(shares: [Double], inService: [Int], volumeFactor: Double) -> Double {
        var total = 0.0
        for (w, workload) in model.workloads.enumerated() where shares[w] > 0 {
            let perRequest = workload.inputTokens + workload.outputTokens
            for m in 0..<months where inService[m] > 0 {
                total += requests[w][m] * volumeFactor * shares[w] * perRequest
            }
        }
        return total
    }

    /// One-time costs (calculations.md, "One-time costs"): expensed in their month, or capex there,
    /// depreciated straight-line over `capitalize` months and worth their book value at the horizon.
    func addOneTimeCosts(of strategy: Strategy, into lines: inout MonthlyLines) {
        for item in strategy.oneTimeCosts where item.month >= 1 && item.month <= months {
            let j = item.month
            guard let life = item.capitalizeMonths, life >= 1 else {
                lines.oneTime[j - 1] += item.cost
                continue
            }
            lines.capex[j - 1] += item.cost
            for m in j...Swift.min(months, j + life - 1) { lines.depreciation[m - 1] += item.cost / Double(life) }
            if j + life - 1 > months, model.finance.terminalValue == .book {
                lines.terminalValue[months - 1] += item.cost * (1 - Double(months - j + 1) / Double(life))
            }
        }
    }
}

extension Solver {
    /// The staff roles `strategy` pays, by index in role order: those paid by every strategy, by
    /// name, or by strategies that run something in-house when it does (calculations.md, "Staff").
    public func paidStaff(of strategy: Strategy) -> [Int] {
        paidStaff(of: strategy, routes: model.workloads.map { strategy.effectiveRoute(for: $0.name).activeShares })
    }

    /// `paidStaff(of:)` given the strategy's active routes by workload.
    func paidStaff(of strategy: Strategy, routes: [[(option: String, share: Double)]]) -> [Int] {
        let usesInHouse = routes.contains { route in
            route.contains { model.servingOption(named: $0.option)?.isInHouse == true }
        }
        return model.staff.indices.filter { model.staff[$0].payers.include(strategy.name, usesInHouse: usesInHouse) }
    }

    /// Role `r`'s cost over the horizon (Σ count × cost per year / 12, with its trend), in the currency.
    public func totalStaffCost(ofRole r: Int) -> Double {
        staffCosts.indices.contains(r) ? staffCosts[r].reduce(0, +) : 0
    }
}
