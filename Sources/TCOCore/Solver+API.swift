extension Solver {
    /// API costs: routed shares, escalated re-runs of in-house requests, and fallback traffic
    /// (calculations.md, "API options").
    func addAPICosts(
        of strategy: Strategy, routes: [[(option: String, share: Double)]], hasServers: [String: [Bool]],
        volumeFactor: Double, apiPriceFactor: Double, into lines: inout MonthlyLines, details: inout StrategyDetails?
    ) {
        for (w, workload) in model.workloads.enumerated() {
            let route = routes[w]
            let escalation = strategy.effectiveEscalation(for: workload.name)
            let (rentedShare, selfHosted, flows) = apiRouting(of: strategy, workload: workload, route: route)
            // In-house share actually served in-house (escalates) and share sent to the fallback, by month.
            var servedInHouse = [Double](repeating: rentedShare, count: months)
            var sentToFallback = [Double](repeating: 0, count: months)
            for entry in selfHosted {
                let inService = hasServers[entry.option] ?? []
                for m in 0..<months {
                    if m < inService.count, inService[m] {
                        servedInHouse[m] += entry.share
                    } else {
                        sentToFallback[m] += entry.share
                    }
                }
            }
            for flow in flows {
                guard case .api(let pricing) = model.servingOption(named: flow.option)?.kind,
                    let costPerRequest = costPerRequest(of: w, on: flow.option, pricing: pricing,
                                                        apiPriceFactor: apiPriceFactor)
                else { continue }
                let trend = priceFactors[flow.option] ?? []
                // The batch share pays the option's batch price (version 1: no batch, a factor of exactly 1).
                let batchFactor = 1 - workload.batch * pricing.batchDiscount
                let record = details.map { _ in
                    StrategyDetails.APIFlow(workload: workload.name, option: flow.option,
                                            requests: [Double](repeating: 0, count: months),
                                            cost: [Double](repeating: 0, count: months))
                }
                let requests = requests[w], rate = flow.escalated ? escalation?.rate : nil
                guard var record else {
                    // No details: the loop writes the line through one pointer (no uniqueness check a
                    // month; break-even searches run it for every step).
                    let served = servedInHouse, sent = sentToFallback
                    lines.api.withUnsafeMutableBufferPointer { api in
                        for m in 0..<api.count {
                            var share = flow.direct
                            if let rate { share += rate * served[m] }
                            if flow.fallback { share += sent[m] }
                            guard share > 0 else { continue }
                            api[m] += requests[m] * volumeFactor * share * costPerRequest[m] * trend[m] * batchFactor
                        }
                    }
                    continue
                }
                for m in 0..<months {
                    var share = flow.direct
                    if let rate { share += rate * servedInHouse[m] }
                    if flow.fallback { share += sentToFallback[m] }
                    guard share > 0 else { continue }
                    let cost = requests[m] * volumeFactor * share * costPerRequest[m] * trend[m] * batchFactor
                    lines.api[m] += cost
                    record.requests[m] = requests[m] * volumeFactor * share
                    record.cost[m] = cost
                }
                details?.apiFlows.append(record)
            }
        }
    }

    /// Requests per month to each API from one workload: direct share, escalation and fallback.
    typealias APIFlow = (option: String, direct: Double, escalated: Bool, fallback: Bool)

    /// How `strategy` sends `workload`'s requests (`route`, its active shares) to the APIs: the share
    /// on rented options, the self-hosted entries, and the flows in the order they are first named.
    /// `escalatingAtZeroRate` marks the escalation target even when the rate is 0 (the Monte Carlo
    /// plan, which checks the drawn rate in each run; a flow with no share adds nothing).
    func apiRouting(
        of strategy: Strategy, workload: Workload, route: [(option: String, share: Double)],
        escalatingAtZeroRate: Bool = false
    ) -> (rentedShare: Double, selfHosted: [(option: String, share: Double)], flows: [APIFlow]) {
        let escalation = strategy.effectiveEscalation(for: workload.name)
        let rentedShare = route.reduce(0.0) { sum, entry in
            if case .rented = model.servingOption(named: entry.option)?.kind { return sum + entry.share }
            return sum
        }
        let selfHosted = route.filter { model.servingOption(named: $0.option)?.isSelfHosted == true }
        var flows: [APIFlow] = []
        func flowIndex(_ name: String) -> Int {
            if let i = flows.firstIndex(where: { $0.option == name }) { return i }
            flows.append((name, 0, false, false))
            return flows.count - 1
        }
        for entry in route where model.servingOption(named: entry.option)?.isAPI == true {
            flows[flowIndex(entry.option)].direct += entry.share
        }
        let inHouseShare = rentedShare + selfHosted.reduce(0.0) { $0 + $1.share }
        if let escalation, escalation.rate > 0 || escalatingAtZeroRate, inHouseShare > 0 {
            flows[flowIndex(escalation.to)].escalated = true
        }
        if let fallback = strategy.fallback, !selfHosted.isEmpty {
            flows[flowIndex(fallback)].fallback = true
        }
        return (rentedShare, selfHosted, flows)
    }

    /// Cost of one request of `workload` on an API option by month, before the option's price trend:
    /// `(In × ((1 − c − cw) × p_in + c × p_cached + cw × p_write) + Out × p_out) / 10^6`, with the
    /// option's long-context prices when the workload's input is longer than their threshold.
    /// At a price factor of 1 it is the one worked out when the solver was made (`costsPerRequest`).
    func costPerRequest(
        of w: Int, on option: String, pricing: APIPricing, apiPriceFactor: Double
    ) -> [Double]? {
        if apiPriceFactor == 1 { return costsPerRequest[option]?[w] }
        guard let prices = apiPrices[option] else { return nil }
        return Self.costPerRequest(of: model.workloads[w], pricing: pricing, prices: prices, months: months,
                                   apiPriceFactor: apiPriceFactor)
    }

    /// `costPerRequest` from an option's terms and price levels.
    static func costPerRequest(
        of workload: Workload, pricing: APIPricing, prices: APIPriceLevels, months: Int, apiPriceFactor: Double
    ) -> [Double] {
        let tokens = RequestTokens(workload)
        if let long = tokens.longContext(pricing.longContext) {
            return [Double](repeating: tokens.cost(at: long, factor: apiPriceFactor), count: months)
        }
        return (0..<months).map { m in
            tokens.cost(input: prices.input[m], output: prices.output[m], cached: prices.cachedInput[m],
                        write: prices.cacheWrite[m], factor: apiPriceFactor)
        }
    }
}
