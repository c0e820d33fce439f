import TCOCore

extension WorkbookWriter {
    /// The route cells a workload follows under a strategy in scenario `s`: its own route's if it
    /// has one there, else the strategy's; every option the Inputs sheet has a share for.
    private func routeCells(_ strategy: Strategy, _ workload: String, _ s: Int) -> [(option: String, cell: String)] {
        let own = strategy.workloadOverrides.first { $0.workload == workload }?.route != nil
        let prefix =
            own ? "strategies.\(strategy.name).workloads.\(workload).route." : "strategies.\(strategy.name).route."
        return catalog.routeOptions(prefix).compactMap { option in inputCell(prefix + option, s).map { (option, $0) } }
    }

    /// Each strategy's effective route of each workload adds up to 100 %, and only the options the
    /// Calc sheet routes to (those with a share at export) carry a share.
    func routeChecks() -> [Check] {
        var checks: [Check] = []
        for strategy in loaded.base.strategies {
            for workload in loaded.base.workloads {
                let passes = loaded.scenarios.enumerated().map { s, scenario -> String? in
                    guard let own = scenario.model.strategy(named: strategy.name) else { return nil }
                    let active = Set(own.effectiveRoute(for: workload.name).activeShares.map(\.option))
                    let cells = routeCells(own, workload.name, s)
                    guard !cells.isEmpty else { return nil }
                    let unrouted = cells.filter { !active.contains($0.option) }.map(\.cell)
                    let total = "ABS(SUM(\(cells.map(\.cell).joined(separator: ",")))-1)<=Check_Tolerance"
                    return unrouted.isEmpty ? total : "AND(\(total),SUM(\(unrouted.joined(separator: ",")))=0)"
                }
                checks.append(
                    Check(
                        label: "\(strategy.name) · \(workload.name): route shares add to 100 %",
                        rule: "Σ shares of the workload's route = 100 %; options the Calc sheet does not route to "
                            + "stay at 0 %",
                        passes: passes))
            }
        }
        return checks
    }

    /// A sensitive workload reaches only in-house options and private APIs, through its route,
    /// its escalation (of in-house requests) and the fallback (model-format.md, Sensitive data).
    func sensitiveDataChecks() -> [Check] {
        let base = loaded.base
        let apis = base.serving.filter(\.isAPI).map(\.name)
        var checks: [Check] = []
        for workload in base.workloads
        where loaded.scenarios.contains(where: { s in
            s.model.workloads.contains { $0.name == workload.name && $0.sensitive }
        }) {
            let w = workload.name
            for strategy in base.strategies {
                let passes = loaded.scenarios.enumerated().map { s, scenario -> String? in
                    guard let own = scenario.model.strategy(named: strategy.name),
                        let sensitive = inputCell("workloads.\(w).sensitive", s)
                    else { return nil }
                    func publicShare(_ target: String) -> String {
                        "("
                            + apis.compactMap { a in
                                inputCell("serving.\(a).private", s).map {
                                    "(\(target)=\(CalcFormulas.text(a)))*(1-\($0))"
                                }
                            }.joined(separator: "+") + ")"
                    }
                    var terms: [String] = []
                    var inHouse: [String] = []
                    var selfHosted: [String] = []
                    for (option, cell) in routeCells(own, w, s) {
                        guard let kind = scenario.model.servingOption(named: option) else { continue }
                        if kind.isAPI {
                            if let privacy = inputCell("serving.\(option).private", s) {
                                terms.append("\(cell)*(1-\(privacy))")
                            }
                        } else {
                            inHouse.append(cell)
                            if kind.isSelfHosted { selfHosted.append(cell) }
                        }
                    }
                    if !inHouse.isEmpty, let key = CalcFormulas.escalationKey(own, w),
                        let rate = inputCell(key + ".rate", s),
                        let target = inputCell(key + ".to", s)
                    {
                        terms.append("\(rate)*(\(inHouse.joined(separator: "+")))*\(publicShare(target))")
                    }
                    if !selfHosted.isEmpty, own.fallback != nil,
                        let fallback = inputCell("strategies.\(strategy.name).fallback", s)
                    {
                        terms.append("(\(selfHosted.joined(separator: "+")))*\(publicShare(fallback))")
                    }
                    return terms.isEmpty ? nil : "\(sensitive)*(\(terms.joined(separator: "+")))<=Check_Tolerance"
                }
                // Nothing to check when no share, escalation or fallback of this strategy can send the
                // workload to an API in any scenario: an empty row would look like a check.
                guard passes.contains(where: { $0 != nil }) else { continue }
                checks.append(
                    Check(
                        label: "\(strategy.name) · \(w): sensitive data reaches no public API",
                        rule: "Sensitive × share a non-private API can receive (route, escalation, fallback) = 0",
                        passes: passes))
            }
        }
        return checks
    }

    /// An escalation or fallback target names an API option that the Calc sheet has request rows
    /// for, for every workload that sends requests there; other targets would drop the requests.
    func targetChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        var checks: [Check] = []
        for strategy in loaded.base.strategies {
            let s = strategy.name
            var targets = [
                ("strategies.\(s).escalation", "\(s): escalation goes to a modelled API option")
            ]
            targets += loaded.base.workloads.map {
                (
                    "strategies.\(s).workloads.\($0.name).escalation",
                    "\(s) · \($0.name): escalation goes to a modelled API option"
                )
            }
            for (key, label) in targets where inputRows[key + ".to"] != nil {
                checks.append(
                    Check(
                        label: label,
                        rule:
                            "The target is an API option with request rows in Calc for every workload escalating "
                            + "there",
                        passes: targetConditions(calcSheets, strategy: s, cell: key + ".to") { own, w in
                            CalcFormulas.escalationKey(own, w) == key
                                && self.sendsInHouse(own, w, selfHostedOnly: false)
                        }))
            }
            if inputRows["strategies.\(s).fallback"] != nil {
                checks.append(
                    Check(
                        label: "\(s): fallback is a modelled API option",
                        rule:
                            "The fallback is an API option with request rows in Calc for every workload routed to a "
                            + "self-hosted option",
                        passes: targetConditions(calcSheets, strategy: s, cell: "strategies.\(s).fallback") { own, w in
                            own.fallback != nil && self.sendsInHouse(own, w, selfHostedOnly: true)
                        }))
            }
        }
        return checks
    }

    private func sendsInHouse(_ strategy: Strategy, _ workload: String, selfHostedOnly: Bool) -> Bool {
        strategy.effectiveRoute(for: workload).activeShares.contains { entry in
            guard let option = loaded.base.servingOption(named: entry.option) else { return false }
            return selfHostedOnly ? option.isSelfHosted : option.isInHouse
        }
    }

    /// Per scenario: the target cell names one of the API options every workload using it has rows for.
    private func targetConditions(
        _ calcSheets: [CalcSheet], strategy: String, cell key: String,
        uses: (Strategy, String) -> Bool
    ) -> [String?] {
        calcSheets.enumerated().map { s, calc -> String? in
            guard let own = calc.scenario.model.strategy(named: strategy), let cell = inputCell(key, s) else {
                return nil
            }
            let users = calc.scenario.model.workloads.map(\.name).filter { uses(own, $0) }
            guard !users.isEmpty else { return nil }
            let rowsByWorkload = users.map { calc.apiOptions["\(strategy)|\($0)"] ?? [] }
            let modelled = rowsByWorkload.dropFirst().reduce(rowsByWorkload[0]) { $0.intersection($1) }
            let options = loaded.base.serving.filter { $0.isAPI && modelled.contains($0.name) }.map(\.name)
            guard !options.isEmpty else { return "FALSE()" }
            return "OR(" + options.map { "\(cell)=\(CalcFormulas.text($0))" }.joined(separator: ",") + ")"
        }
    }
}
