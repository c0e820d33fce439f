import TCOCore
import TCOLoading

/// The version 2 money lines of the memo: one-time costs, financing, tax and energy, shown in a
/// second results table so that the main table reads the same for every model.
extension MemoContext {
    /// The basis every comparison uses (calculations.md): NPV of cost after tax, which equals the
    /// NPV of cost when there is no tax, so ranking on it is right for every model.
    static func basisNPV(_ s: StrategyResult) -> Double { s.npvCostAfterTax }

    /// Whether a scenario's results have a v2 line worth a table: one-time costs, loans, tax or
    /// self-hosted energy.
    /// (Energy alone is a sentence, `energyNote`: a v1 model gets no table of zeros.)
    static func hasFinanceLines(_ result: ScenarioResult, taxRate: Double, capitalized: Double) -> Bool {
        taxRate > 0 || capitalized > 0 || result.strategies.contains { s in
            s.monthly.oneTime.contains { $0 != 0 } || s.monthly.financing.contains { $0 != 0 }
        }
    }

    /// kWh per million tokens: three decimals below 1 (the usual size), one above.
    static func kwhText(_ x: Double) -> String { MoneyFormat.grouped(x, decimals: x < 1 ? 3 : 1) }

    /// The self-hosted strategies' energy in one sentence; empty when no strategy self-hosts.
    static func energyNote(_ result: ScenarioResult) -> String {
        let parts = result.strategies.compactMap { s -> String? in
            guard s.energyKilowattHours > 0 else { return nil }
            let perToken = s.kilowattHoursPerMillionTokensSelfHosted
                .map { ", \(kwhText($0)) kWh per Mtok served in-house" } ?? ""
            let mwh = MoneyFormat.grouped(s.energyKilowattHours / 1000, decimals: 0)
            return "**\(s.name)** \(mwh) MWh" + perToken
        }
        guard !parts.isEmpty else { return "" }
        return "Energy of the self-hosted fleets over the horizon (facility level, PUE included; rented GPUs' and "
            + "APIs' energy is in their price): " + parts.joined(separator: "; ") + "."
    }

    /// One row of the "one-time costs, financing, tax and energy" table of a strategy.
    static func financeRow(_ s: StrategyResult, currency: String, capitalized: Double) -> [String: Any] {
        func money(_ x: Double) -> String { MoneyFormat.short(x, currency: currency) }
        let m = s.monthly
        return [
            "strategy": s.name,
            "one_time": money(m.oneTime.reduce(0, +)),
            "one_time_capitalized": money(capitalized),
            "financing": money(m.financing.reduce(0, +)),
            "interest": money(m.interest.reduce(0, +)),
            "tax_shield": money(m.taxShield.reduce(0, +)),
            "npv_cost_after_tax": money(s.npvCostAfterTax),
            "npv_cost": money(s.npvCost),
            "energy_mwh": MoneyFormat.grouped(s.energyKilowattHours / 1000, decimals: 0),
            "kwh_per_mtok": s.kilowattHoursPerMillionTokensSelfHosted.map(kwhText) ?? "n/a",
        ]
    }

    /// The capitalized one-time costs of `strategy` inside the horizon (they sit in capex).
    static func capitalizedOneTime(_ strategy: String, in model: Model) -> Double {
        guard let s = model.strategy(named: strategy) else { return 0 }
        return s.oneTimeCosts.filter { $0.capitalizeMonths != nil && $0.month <= model.horizonMonths }
            .reduce(0) { $0 + $1.cost }
    }

    /// The sentence stating the basis of comparisons when a tax rate applies; empty otherwise.
    static func taxNote(_ model: Model) -> String {
        guard model.finance.taxRate > 0 else { return "" }
        return "Tax rate \(percent(model.finance.taxRate, decimals: 1)): every P&L expense lowers tax in its month, "
            + "so the NPV of cost in the first table, savings, payback, break-even and the lowest-cost "
            + "strategy are after tax (cash cost less the tax shield); NPV of cost before tax is in the second."
    }

    /// The sentence saying that nothing counts at the horizon when `terminal_value: none`; empty otherwise.
    static func terminalNote(_ model: Model) -> String {
        model.finance.terminalValue == .none
            ? "Terminal value is none: servers and capitalized costs still in service at the horizon count for "
                + "nothing, so P&L cost is below cash cost by the book value given up"
                + (model.finance.taxRate > 0 ? " (no write-off is modelled, so no tax is saved on it)." : ".")
            : ""
    }
}

extension MemoContext {
    /// A note for a workload's input tokens whose ±20 % step reaches a long-context threshold: the
    /// swing then includes a jump between price tiers (prices apply strictly above the threshold),
    /// not only the smooth effect of more or fewer tokens.
    static func thresholdNote(_ key: String, _ model: Model) -> String {
        let parts = key.split(separator: ".").map(String.init)
        guard parts.count == 3, parts[0] == "workloads", parts[2] == "input_tokens",
            let workload = model.workloads.first(where: { $0.name == parts[1] })
        else { return "" }
        let low = 0.8 * workload.inputTokens, high = 1.2 * workload.inputTokens
        let crossed = model.serving.compactMap { option -> Double? in
            guard case .api(let pricing) = option.kind, let above = pricing.longContext?.above else { return nil }
            let below = workload.inputTokens <= above
            return (below && high > above) || (!below && low <= above) ? above : nil
        }
        guard let threshold = crossed.min() else { return "" }
        return " (±20 % reaches the long-context price threshold of \(MoneyFormat.grouped(threshold)) tokens: "
            + "part of the swing is the price tier changing)"
    }
}
