import TCOCore

/// Checks of the financed and self-hosted fleets: loans paid back, servers covering the need.
extension WorkbookWriter {
    /// From the first month servers can be delivered (after the lead time), the servers in service
    /// cover the servers needed at peak in every month: orders look ahead by the lead time, so a
    /// shortfall means a broken fleet row (or an input edit the corkscrew cannot follow).
    func fleetChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        loaded.base.strategies.flatMap { strategy -> [Check] in
            let options = calcSheets.flatMap { $0.strategyRows[strategy.name]?.fleets.map(\.option) ?? [] }
            return InputCatalog.union([options]).compactMap { option in
                let passes = calcSheets.enumerated().map { s, calc -> String? in
                    guard let fleet = calc.strategyRows[strategy.name]?.fleets.first(where: { $0.option == option }),
                        case .selfHosted(_, let hardware) = calc.scenario.model.servingOption(named: option)?.kind,
                        let lead = inputCell("hardware.\(hardware).lead_time", s)
                    else { return nil }
                    let span = calc.monthsReference
                    return "SUMPRODUCT((\(span(CalcSheet.monthRow))>\(lead))"
                        + "*(\(span(fleet.needed))>\(span(fleet.inService))))=0"
                }
                guard passes.contains(where: { $0 != nil }) else { return nil }
                return Check(
                    label: "\(strategy.name) · \(option): servers in service cover the servers needed",
                    rule: "Every month after the lead time: servers in service ≥ servers needed at peak",
                    passes: passes)
            }
        }
    }

    /// Over the horizon every loan is paid back with its interest: Σ payments + settlement =
    /// Σ drawn + Σ interest, fleet by fleet. Checks the loan rows against each other (the annuity
    /// formula, the balance left and the interest are three separate formulas).
    func loanChecks(_ calcSheets: [CalcSheet]) -> [Check] {
        loaded.base.strategies.compactMap { strategy in
            let passes = calcSheets.map { calc -> String? in
                guard let loans = calc.strategyRows[strategy.name]?.loans, !loans.isEmpty else { return nil }
                let t = calc.totalReference
                let repaid = loans.map { "\(t($0.payments))+\(t($0.settlement))" }.joined(separator: "+")
                let owed = loans.map { "\(t($0.drawn))+\(t($0.interest))" }.joined(separator: "+")
                return Self.tie(repaid, owed)
            }
            guard passes.contains(where: { $0 != nil }) else { return nil }
            return Check(
                label: "\(strategy.name): loans repaid = loans drawn + interest",
                rule: "Over the horizon: Σ payments + settlement = Σ drawn + Σ interest (every loan is paid back)",
                passes: passes)
        }
    }
}
