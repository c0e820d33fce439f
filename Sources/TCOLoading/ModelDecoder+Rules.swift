import TCOCore

extension ModelDecoder {
    /// Checks that cross the sections: names that must exist, sensitive data, fallbacks, unused definitions.
    func checkRules(_ model: Model, facilityHasElectricity: Bool) {
        let optionNames = model.serving.map(\.name)
        let strategyNames = model.strategies.map(\.name)

        if model.strategy(named: model.baseline) == nil {
            error(.undefinedReference, location(of: "baseline"), "baseline", "baseline '\(model.baseline)' is not a strategy",
                  hint: didYouMean(model.baseline, strategyNames, what: "strategies"))
        }
        for option in model.serving {
            guard case .selfHosted(_, let hardwareName) = option.kind else { continue }
            let path = "serving.\(option.name).hardware"
            if model.hardware(named: hardwareName) == nil {
                error(.undefinedReference, location(of: path), path, "hardware '\(hardwareName)' is not defined under 'hardware'",
                      hint: didYouMean(hardwareName, model.hardware.map(\.name), what: "hardware"))
            }
            if !facilityHasElectricity {
                error(.missingElectricity, location(of: "facility") ?? location(of: path), "facility.electricity",
                      "self-hosted option '\(option.name)' needs the electricity price under 'facility'",
                      hint: "add 'facility: {electricity: 0.11 \(model.currency)/kWh}'")
            }
        }
        for strategy in model.strategies {
            checkStrategy(strategy, in: model, optionNames: optionNames)
        }
        for role in model.staff {
            guard case .strategies(let names) = role.payers else { continue }
            let path = "staff.\(role.name).strategies"
            for name in names where model.strategy(named: name) == nil {
                error(.undefinedReference, location(of: "\(path).\(name)") ?? location(of: path), path,
                      "staff role '\(role.name)' is paid by '\(name)', which is not a strategy",
                      hint: didYouMean(name, strategyNames, what: "strategies"))
            }
        }
        for loan in model.finance.loans where model.hardware(named: loan.hardware) == nil {
            let path = "finance.financing.\(loan.hardware)"
            error(.undefinedReference, location(of: path), path,
                  "'\(loan.hardware)' is not a hardware type: 'financing' finances servers by their hardware name",
                  hint: didYouMean(loan.hardware, model.hardware.map(\.name), what: "hardware types"))
        }
        warnUnused(model)
    }

    func didYouMean(_ name: String, _ candidates: [String], what: String) -> String {
        if let near = Suggestion.nearest(to: name, in: candidates) { return "did you mean '\(near)'?" }
        return candidates.isEmpty ? "no \(what) are defined" : "defined \(what): \(candidates.joined(separator: ", "))"
    }

    private func checkStrategy(_ strategy: Strategy, in model: Model, optionNames: [String]) {
        let path = "strategies.\(strategy.name)"
        var routesOK = checkRoute(strategy.route, "\(path).route", model, optionNames)
        if let escalation = strategy.escalation { checkEscalation(escalation, "\(path).escalation", model, optionNames) }
        var fallbackOK = true
        if let fallback = strategy.fallback {
            fallbackOK = checkAPIReference(fallback, "\(path).fallback", model, optionNames, role: "fallback")
        }
        for routing in strategy.workloadOverrides {
            let wpath = "\(path).workloads.\(routing.workload)"
            if !model.workloads.contains(where: { $0.name == routing.workload }) {
                error(.undefinedReference, location(of: wpath), wpath, "workload '\(routing.workload)' is not defined under 'workloads'",
                      hint: didYouMean(routing.workload, model.workloads.map(\.name), what: "workloads"))
            }
            if let route = routing.route { routesOK = checkRoute(route, "\(wpath).route", model, optionNames) && routesOK }
            if case .some(.some(let escalation)) = routing.escalation { checkEscalation(escalation, "\(wpath).escalation", model, optionNames) }
        }
        guard routesOK else { return }

        // Sensitive data may reach only in-house or private API options (model-format.md, "Strategies").
        for workload in model.workloads where workload.sensitive {
            let own = strategy.workloadOverrides.first { $0.workload == workload.name }
            let routePath = own?.route != nil ? "\(path).workloads.\(workload.name).route" : "\(path).route"
            let route = strategy.effectiveRoute(for: workload.name).activeShares
            for entry in route {
                if let option = model.servingOption(named: entry.option), !option.allowsSensitiveData {
                    error(.sensitiveData, location(of: "\(routePath).\(entry.option)") ?? location(of: routePath), routePath,
                          "sensitive workload '\(workload.name)' is routed to '\(entry.option)', an API not marked private",
                          hint: "route it to a self_hosted, rented or 'private: true' api option, or give the workload its own route under '\(path).workloads.\(workload.name)'")
                }
            }
            let options = route.compactMap { model.servingOption(named: $0.option) }
            if options.contains(where: \.isInHouse), let escalation = strategy.effectiveEscalation(for: workload.name),
                let target = model.servingOption(named: escalation.to), !target.allowsSensitiveData
            {
                let escPath = own?.escalation != nil ? "\(path).workloads.\(workload.name).escalation" : "\(path).escalation"
                error(.sensitiveData, location(of: "\(escPath).to") ?? location(of: escPath), "\(escPath).to",
                      "sensitive workload '\(workload.name)' escalates to '\(escalation.to)', an API not marked private",
                      hint: "escalate it to a 'private: true' api option, or set 'escalation: none' under '\(path).workloads.\(workload.name)'")
            }
            if fallbackOK, options.contains(where: \.isSelfHosted), let fallback = strategy.fallback,
                let target = model.servingOption(named: fallback), !target.allowsSensitiveData
            {
                error(.sensitiveData, location(of: "\(path).fallback"), "\(path).fallback",
                      "sensitive workload '\(workload.name)' would fall back to '\(fallback)', an API not marked private",
                      hint: "use a 'private: true' api option as this strategy's fallback")
            }
        }

        // A self-hosted option with demand before its first server is in service needs a fallback.
        if strategy.fallback == nil {
            for option in model.serving {
                guard case .selfHosted(_, let hardwareName) = option.kind, let hardware = model.hardware(named: hardwareName),
                    hardware.leadTimeMonths > 0
                else { continue }
                // Months 1 … lead time have no server in service: demand in any of them needs a fallback.
                let hasDemand = model.workloads.contains { workload in
                    let share = strategy.effectiveRoute(for: workload.name).activeShares.first { $0.option == option.name }?.share ?? 0
                    let requested = workload.requests.steps.contains {
                        $0.month <= hardware.leadTimeMonths && $0.value > 0
                    }
                    return share > 0 && requested && workload.inputTokens + workload.outputTokens > 0
                }
                if hasDemand {
                    error(.missingFallback, location(of: path), path,
                          "strategy '\(strategy.name)' sends requests to '\(option.name)', whose servers arrive only after a \(hardware.leadTimeMonths)-month lead time, and has no fallback",
                          hint: "add 'fallback: <an api option>' to serve those months, e.g. 'fallback: \(model.serving.first(where: \.isAPI)?.name ?? "frontier")'")
                }
            }
        }
    }

    /// The exact rule, once the model is consistent: a strategy without a fallback must have a
    /// server in service in every month its self-hosted options have demand (the static check in
    /// `checkStrategy` catches the lead-time months with the other problems of a file).
    func checkFallbacks(_ model: Model) {
        let solver = Solver(model: model)
        warnSteepGrowth(model, requests: solver.requestsByWorkload)
        for strategy in model.strategies where strategy.fallback == nil {
            guard let (option, month) = solver.firstMonthNeedingFallback(of: strategy) else { continue }
            let path = "strategies.\(strategy.name)"
            error(.missingFallback, location(of: path), path,
                  "strategy '\(strategy.name)' sends requests to '\(option)' in "
                      + "\(model.start.adding(months: month - 1)) (month \(month)), when none of its servers is in "
                      + "service, and has no fallback",
                  hint: "add 'fallback: <an api option>' to serve those months, e.g. 'fallback: "
                      + "\(model.serving.first(where: \.isAPI)?.name ?? "frontier")'")
        }
    }

    private func checkRoute(_ route: Route, _ path: String, _ model: Model, _ optionNames: [String]) -> Bool {
        var ok = true
        for entry in route.shares where model.servingOption(named: entry.option) == nil {
            ok = false
            let place = keyLocations["\(path).\(entry.option)"] ?? location(of: "\(path).\(entry.option)")
            error(.undefinedReference, place ?? location(of: path), "\(path).\(entry.option)",
                  "serving option '\(entry.option)' is not defined under 'serving'",
                  hint: didYouMean(entry.option, optionNames, what: "serving options"))
        }
        return ok
    }

    private func checkEscalation(_ escalation: Escalation, _ path: String, _ model: Model, _ optionNames: [String]) {
        _ = checkAPIReference(escalation.to, "\(path).to", model, optionNames, role: "escalation target")
    }

    private func checkAPIReference(_ name: String, _ path: String, _ model: Model, _ optionNames: [String], role: String) -> Bool {
        guard let option = model.servingOption(named: name) else {
            error(.undefinedReference, location(of: path), path, "serving option '\(name)' is not defined under 'serving'",
                  hint: didYouMean(name, optionNames, what: "serving options"))
            return false
        }
        if !option.isAPI {
            error(.notAnAPI, location(of: path), path, "the \(role) '\(name)' is a \(option.kindName) option; it must be an api option",
                  hint: "name an api option, e.g. '\(model.serving.first(where: \.isAPI)?.name ?? "frontier")'")
            return false
        }
        return true
    }

    private func warnUnused(_ model: Model) {
        var used = Set<String>()
        for strategy in model.strategies {
            for workload in model.workloads {
                for entry in strategy.effectiveRoute(for: workload.name).shares { used.insert(entry.option) }
                if let escalation = strategy.effectiveEscalation(for: workload.name) { used.insert(escalation.to) }
            }
            for routing in strategy.workloadOverrides {
                for entry in routing.route?.shares ?? [] { used.insert(entry.option) }
            }
            if let fallback = strategy.fallback { used.insert(fallback) }
        }
        for option in model.serving where !used.contains(option.name) {
            let path = "serving.\(option.name)"
            warning(.unusedDefinition, location(of: path), path, "serving option '\(option.name)' is not used by any strategy",
                    hint: "route a share to it in a strategy, or remove it")
        }
        let usedHardware = Set(model.serving.compactMap { option -> String? in
            if case .selfHosted(_, let name) = option.kind { return name }
            return nil
        })
        for hardware in model.hardware where !usedHardware.contains(hardware.name) {
            let path = "hardware.\(hardware.name)"
            warning(.unusedDefinition, location(of: path), path, "hardware '\(hardware.name)' is not used by any self_hosted option",
                    hint: "point a self_hosted option's 'hardware' at it, or remove it")
        }
    }

    /// A workload whose growth averages more than 200 % a year over the horizon (tripling every
    /// year): valid, but most often a monthly rate written where a yearly one was meant (30 %/month
    /// is 2,230 %/year), and every cost then follows it. Growth only: a `requests` schedule's
    /// planned ramp (a pilot, then a launch) is not flagged. A warning: a plan may mean it.
    func warnSteepGrowth(_ model: Model, requests: [[Double]]) {
        let months = model.horizonMonths
        for (w, workload) in model.workloads.enumerated() where w < requests.count && months > 1 {
            let trend = workload.growth.trend(months: months)
            guard let growth = trend.last, growth > 0, let first = requests[w].first, let last = requests[w].last
            else { continue }
            let yearly = Double.pow(growth, 12 / Double(months - 1))
            guard yearly > 3 else { continue }
            let path = "workloads.\(workload.name).growth"
            let average = MoneyFormat.grouped(((yearly - 1) * 100).rounded())
            let from = MoneyFormat.grouped(first.rounded()), to = MoneyFormat.grouped(last.rounded())
            var hint = "check the growth rates; if this is the plan, the warning can be left"
            if let monthly = workload.growth.steps.map(\.value).first(where: { $0.isMonthly && $0.value > 0 }) {
                let rate = Self.trim(monthly.value * 100)
                let yearly = MoneyFormat.grouped(((Double.pow(1 + monthly.value, 12) - 1) * 100).rounded())
                hint = "growth compounds: '\(rate)%/month' is \(yearly)%/year; "
                    + "if a yearly rate was meant, write '\(rate)%/year'"
            }
            warning(.steepGrowth, location(of: path) ?? location(of: "workloads.\(workload.name)"), path,
                    "growth averages \(average)%/year over the horizon (requests from \(from) to \(to) a month)",
                    hint: hint)
        }
    }
}
