extension Model {
    /// The parts of the model that comparing `strategy` with `baseline` reads: the two strategies,
    /// the serving options they name (routes, escalations, fallback, per-workload settings, in
    /// model order), the hardware of those, the facility when one of them is self-hosted, and
    /// every workload, staff role, finance and calendar setting. Options, hardware and strategies
    /// the two do not name add nothing to their costs, so two scenarios whose inputs are equal
    /// have the same break-evens, and the searches run once (decisions.md, "Break-even searches
    /// without re-solving"). `nil` when either strategy is missing.
    func comparisonInputs(_ strategy: String, against baseline: String) -> Model? {
        guard let compared = self.strategy(named: strategy), let base = self.strategy(named: baseline) else {
            return nil
        }
        var named = Set<String>()
        for each in [base, compared] {
            named.formUnion(each.route.shares.map(\.option))
            if let escalation = each.escalation { named.insert(escalation.to) }
            if let fallback = each.fallback { named.insert(fallback) }
            for own in each.workloadOverrides {
                named.formUnion(own.route?.shares.map(\.option) ?? [])
                if case .some(.some(let escalation)) = own.escalation { named.insert(escalation.to) }
            }
        }
        var inputs = self
        inputs.title = ""
        inputs.serving = serving.filter { named.contains($0.name) }
        let servers = Set(inputs.serving.compactMap { option -> String? in
            if case .selfHosted(_, let hardware) = option.kind { return hardware }
            return nil
        })
        inputs.hardware = hardware.filter { servers.contains($0.name) }
        if servers.isEmpty { inputs.facility = nil }
        inputs.strategies = [base, compared]
        return inputs
    }
}
