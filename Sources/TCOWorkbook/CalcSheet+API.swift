import TCOCore

extension CalcSheet {
    /// API requests and costs of `strategy`, one pair of rows per workload and API option it can
    /// reach (calculations.md, Routing and API options). Escalated and fallback requests go to the
    /// row whose option the target cell on Inputs names, so changing a target among the options a
    /// workload has rows for moves them; the Checks sheet flags a target without a row.
    mutating func addAPI(
        _ strategy: Strategy, details: StrategyDetails, requestRows: [String: Int], inHouse: InHouseRows
    ) -> [Int] {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        var apiRows: [Int] = []
        for workload in model.workloads {
            let w = workload.name
            let route = strategy.effectiveRoute(for: w).activeShares
            let rented = route.filter {
                model.servingOption(named: $0.option).map { !$0.isSelfHosted && $0.isInHouse } ?? false
            }
            let selfHosted = route.filter { model.servingOption(named: $0.option)?.isSelfHosted == true }
            var targets: [String] = []
            func target(_ o: String) { if !targets.contains(o) { targets.append(o) } }
            for entry in route where model.servingOption(named: entry.option)?.isAPI == true { target(entry.option) }
            let escalation = strategy.effectiveEscalation(for: w)
            if let escalation, !(rented.isEmpty && selfHosted.isEmpty) { target(escalation.to) }
            if let fallback = strategy.fallback, !selfHosted.isEmpty { target(fallback) }
            // Requests served in-house (they may escalate), and those sent to the fallback while an
            // option has no server in service.
            let served: (Int) -> String = { c in
                (rented.map { f.shareName(strategy, w, $0.option) }
                    + selfHosted.map {
                        "\(f.shareName(strategy, w, $0.option))*\(f.ref(inHouse.capacity[$0.option] ?? 0, c))"
                    })
                    .joined(separator: "+")
            }
            let waiting: (Int) -> String = { c in
                selfHosted.map {
                    "\(f.shareName(strategy, w, $0.option))*(1-\(f.ref(inHouse.capacity[$0.option] ?? 0, c)))"
                }
                .joined(separator: "+")
            }
            let rate = rented.isEmpty && selfHosted.isEmpty ? nil : f.escalationRateName(strategy, w)
            let escalationTarget = f.escalationTargetName(strategy, w)
            let fallbackTarget =
                strategy.fallback == nil || selfHosted.isEmpty ? nil : f.input("strategies.\(s).fallback")
            for a in targets {
                guard case .api(let pricing) = model.servingOption(named: a)?.kind else { continue }
                let flow = details.apiFlows.first { $0.workload == w && $0.option == a }
                let zeros = [Double](repeating: 0, count: months)
                let direct = route.contains { $0.option == a } ? f.shareName(strategy, w, a) : nil
                let isA = CalcFormulas.text(a)
                let requests = add(
                    Row(
                        label: "\(s) · \(w) → \(a): requests", unit: "requests", format: .integer,
                        formula: { c in
                            var terms: [String] = []
                            if let direct { terms.append(direct) }
                            if let rate, let escalationTarget {
                                terms.append("(\(escalationTarget)=\(isA))*\(rate)*(\(served(c)))")
                            }
                            if let fallbackTarget { terms.append("(\(fallbackTarget)=\(isA))*(\(waiting(c)))") }
                            return
                                "\(f.ref(requestRows[w] ?? 0, c))*"
                                + "(\(terms.isEmpty ? "0" : terms.joined(separator: "+")))"
                        },
                        values: flow?.requests ?? zeros, total: .sum))
                apiOptions["\(s)|\(w)", default: []].insert(a)
                let wk = "workloads.\(w)"
                let ak = "serving.\(a)"
                let cached = f.input("\(wk).cached_input"), changeKey = "\(ak).price_change"
                let write = f.input("\(wk).cache_write"), inputTokens = f.input("\(wk).input_tokens")
                let monthly = pricing.priceChange.first.isMonthly, scheduled = self.scheduled
                let names = ["price_input", "price_cached_input", "price_cache_write", "price_output"]
                // With a schedule among the prices or their change, each price is its month's value with
                // its trend (long-context prices × the trend); otherwise v1's one change factor at the end.
                let trended = scheduled.involves(names.map { "\(ak).\($0)" } + [changeKey])
                // A long-context price applies when the workload's input tokens are above the option's
                // threshold (calculations.md, API options); the choice is live on Inputs.
                func price(_ name: String, _ c: Int) -> String {
                    let key = "\(ak).\(name)"
                    let normal = trended ? scheduled.level(key, trend: changeKey, monthly: monthly, c) : f.input(key)
                    guard pricing.longContext != nil else { return normal }
                    let long = f.input("\(ak).long_context.\(name)")
                        + (trended ? "*" + scheduled.trend(changeKey, monthly: monthly, c) : "")
                    return "IF(\(inputTokens)>\(f.input("\(ak).long_context.above")),\(long),\(normal))"
                }
                func perRequest(_ c: Int) -> String {
                    "(\(inputTokens)*((1-\(cached)-\(write))*\(price("price_input", c))"
                        + "+\(cached)*\(price("price_cached_input", c))+\(write)*\(price("price_cache_write", c)))"
                        + "+\(f.input("\(wk).output_tokens"))*\(price("price_output", c)))"
                        + "*(1-\(f.input("\(wk).batch"))*\(f.input("\(ak).batch_discount")))"
                }
                apiRows.append(
                    add(
                        Row(
                            label: "\(s) · \(w) → \(a): API cost", unit: model.currency, format: .money,
                            formula: { c in
                                "\(f.ref(requests, c))*\(perRequest(c))/Tokens_Per_Million"
                                    + (trended ? "" : "*" + scheduled.trend(changeKey, monthly: monthly, c))
                            },
                            values: flow?.cost ?? zeros, total: .sum)))
            }
        }
        return apiRows
    }
}
