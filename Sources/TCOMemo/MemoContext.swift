import Foundation
import TCOCore
import TCOLoading

/// The values a memo template can show, built from a solved model (Templates/memo.md.mustache
/// lists them). Money is formatted for readers (`$1.70M`); every figure comes from the solver.
public enum MemoContext {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `2027-03` → `March 2027`.
    static func label(_ month: YearMonth) -> String { "\(monthNames[month.month - 1]) \(month.year)" }

    /// `2028-07` → `Jul 2028`.
    static func shortLabel(_ month: YearMonth) -> String { "\(monthNames[month.month - 1].prefix(3)) \(month.year)" }

    static func percent(_ x: Double, decimals: Int = 0) -> String { MoneyFormat.grouped(x * 100, decimals: decimals) + "%" }

    static func breakEvenCell(_ b: BreakEven) -> String {
        switch b.side {
        case .always: return "always wins"
        case .never: return "never wins"
        case .above, .below: return "\(b.side.rawValue) \(MoneyFormat.grouped(b.multiplier ?? 0, decimals: 3))×"
        }
    }

    /// The memo's context for `loaded`, solved into `results` (base first). Chart images are linked
    /// as the files `MemoCharts` names for `chartStem` (default: the model file's name without extension).
    public static func make(
        _ loaded: LoadedModel, results: [ScenarioResult], chartStem: String? = nil, risk: RiskAnalysis? = nil
    ) -> [String: Any] {
        let stem = chartStem ?? URL(fileURLWithPath: loaded.path).deletingPathExtension().lastPathComponent
        let model = loaded.base
        let cur = model.currency
        func money(_ x: Double) -> String { MoneyFormat.short(x, currency: cur) }
        guard let base = results.first else { return [:] }
        let winner = base.strategies.min { basisNPV($0) < basisNPV($1) } ?? base.strategies[0]
        let baseline = base.strategy(named: model.baseline) ?? base.strategies[0]
        // The strategy whose case the memo argues: the winner, or when the baseline wins, its nearest challenger.
        let challenger = winner.name != baseline.name ? winner
            : base.strategies.filter { $0.name != baseline.name }.min { basisNPV($0) < basisNPV($1) }
        let comparison = challenger.flatMap { c in base.comparisons.first { $0.strategy == c.name } }
        let winners = results.map { r in (r.name, r.strategies.min { basisNPV($0) < basisNPV($1) }?.name ?? "") }
        let losses = winners.filter { $0.1 != winner.name }
        let years = Double(model.horizonMonths) / 12
        // With a tax rate, comparisons are after tax (calculations.md), so the paragraph names that basis.
        let npvName = model.finance.taxRate > 0 ? "NPV of cost after tax" : "NPV of cost"
        let cashName = model.finance.taxRate > 0 ? "after-tax cost" : "cash cost"

        var paragraph: String
        if winner.name != baseline.name, let comparison {
            let saving = comparison.npvSavings
            paragraph = "Adopt **\(winner.name)**. Over \(MoneyFormat.grouped(years, decimals: years == years.rounded() ? 0 : 1)) years from \(label(model.start)) its \(npvName) is \(money(basisNPV(winner))), \(money(saving)) (\(percent(saving / basisNPV(baseline)))) less than **\(baseline.name)**, the baseline (\(money(basisNPV(baseline))))."
            if let month = comparison.paybackMonth {
                paragraph += month == 1
                    ? (winner.capex == 0 ? " It needs no upfront investment and is cheaper in cash from the first month." : " It is cheaper in cash from the first month.")
                    : " It pays back in month \(month) (\(label(model.start.adding(months: month - 1)))): from then on its cumulative \(cashName) stays below the baseline's."
            } else {
                paragraph += " Its cumulative \(cashName) does not fall below the baseline's within the horizon: the saving is in NPV terms only, counting the servers' terminal value."
            }
        } else {
            paragraph = "Keep **\(baseline.name)**. No alternative has a lower \(npvName) (\(money(basisNPV(baseline))))"
            if let challenger, let comparison {
                paragraph += "; the nearest, **\(challenger.name)**, costs \(money(-comparison.npvSavings)) more."
            } else {
                paragraph += "."
            }
        }
        if losses.isEmpty {
            paragraph += " It has the lowest \(npvName) in every scenario (\(results.map(\.name).joined(separator: ", ")))."
        } else {
            paragraph += " It does not win every scenario: " + losses.map { "in *\($0.0)* **\($0.1)** is cheaper" }.joined(separator: "; ") + "."
        }
        if let comparison, let challenger {
            paragraph += " Against **\(baseline.name)**, **\(challenger.name)** "
                + breakEvenSentence(comparison.breakEvenVolume, of: .volume) + "; it "
                + breakEvenSentence(comparison.breakEvenPrice, of: .apiPrice) + "."
        }

        let scenarios: [[String: Any]] = zip(loaded.scenarios, results).map { scenario, result in
            let scenarioWinner = result.strategies.min { basisNPV($0) < basisNPV($1) }?.name ?? ""
            let rows: [[String: Any]] = result.strategies.map { s in
                let c = result.comparisons.first { $0.strategy == s.name }
                return [
                    "strategy": s.name,
                    "is_baseline": s.name == model.baseline,
                    "is_winner": s.name == scenarioWinner,
                    "npv_cost": money(s.npvCost),
                    "npv_cost_after_tax": money(s.npvCostAfterTax),
                    // On the basis savings and the winner are judged on, so a row's NPV less the
                    // baseline's is its NPV savings.
                    "npv_compared": money(basisNPV(s)),
                    "total_cost": money(s.totalCost),
                    "capex": money(s.capex),
                    "pnl_cost": money(s.totalPnLCost),
                    "levelized_cost_per_mtok": s.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: cur, decimals: 2) } ?? "n/a",
                    "servers_max": s.peakCapacityText,
                    "npv_savings": c.map { money($0.npvSavings) } ?? "—",
                    "payback": c.map { $0.paybackMonth.map { "month \($0) (\(shortLabel(model.start.adding(months: $0 - 1))))" } ?? "never" } ?? "—",
                    "terminal_value": money(s.terminalValue),
                    "break_even_volume": c.map { breakEvenCell($0.breakEvenVolume) } ?? "—",
                    "break_even_price": c.map { breakEvenCell($0.breakEvenPrice) } ?? "—",
                ]
            }
            return [
                "name": scenario.name, "is_base": scenario.name == "base", "winner": scenarioWinner,
                "overrides": scenario.overrides.map {
                    ["path": $0.path, "value": MarkdownText.inline($0.text)] as [String: Any]
                },
                "has_overrides": !scenario.overrides.isEmpty, "rows": rows,
                "has_finance": hasFinanceLines(
                    result, taxRate: scenario.model.finance.taxRate,
                    capitalized: scenario.model.strategies.reduce(0) { $0 + capitalizedOneTime($1.name, in: scenario.model) }),
                "energy_note": energyNote(result), "has_energy_note": !energyNote(result).isEmpty,
                "finance_rows": result.strategies.map {
                    financeRow($0, currency: cur, capitalized: capitalizedOneTime($0.name, in: scenario.model))
                },
                "tax_note": taxNote(scenario.model), "has_tax_note": scenario.model.finance.taxRate > 0,
                "terminal_note": terminalNote(scenario.model),
                "winner_basis": scenario.model.finance.taxRate > 0 ? "NPV of cost after tax" : "NPV of cost",
                "has_terminal_note": scenario.model.finance.terminalValue == .none,
                "overrides_text": scenario.overrides.map { "`\($0.path)` = \(MarkdownText.inline($0.text))" }
                    .joined(separator: "; "),
            ]
        }

        let driverStrategy = challenger?.name ?? winner.name
        // Inputs that act identically (a role's headcount and its cost) are one driver, not two.
        var distinct: [SensitivityResult] = []
        for d in Solver.sensitivity(of: driverStrategy, in: model, written: loaded.writtenPaths) where d.swing > 0 {
            if let i = distinct.firstIndex(where: { abs($0.savingsLow - d.savingsLow) <= 1e-6 * max(1, abs(d.savingsLow)) && abs($0.savingsHigh - d.savingsHigh) <= 1e-6 * max(1, abs(d.savingsHigh)) }) {
                distinct[i].label += " (same effect: \(d.label))"
            } else {
                distinct.append(d)
            }
        }
        let drivers: [[String: Any]] = distinct.prefix(5).enumerated().map { i, d in
            ["rank": i + 1, "label": d.label + Self.thresholdNote(d.key, model), "key": d.key, "low": money(d.savingsLow), "high": money(d.savingsHigh), "swing": money(d.swing)]
        }

        // Routes, escalations and fallbacks are assumptions a reviewer challenges ("why 30 %?"), so
        // they are listed with or without a source; only the model's wiring is left out.
        let structural = ["kind", "hardware", "baseline", "currency", "start", "model"]
        let assumptions: [[String: Any]] = loaded.inputs.filter { input in
            let last = input.path.split(separator: ".").last.map(String.init) ?? ""
            return input.source != nil || !structural.contains(last)
        }.map {
            ["key": $0.path, "value": MarkdownText.inline($0.text),
             "source": $0.source.map(MarkdownText.inline) ?? "no source given"]
        }

        return [
            "title": MarkdownText.inline(model.title),
            "model_file": loaded.path,
            "date_label": label(model.start),
            "start": model.start.description,
            "horizon": "\(model.horizonMonths) months",
            "discount_rate": percent(model.discountRate, decimals: 1),
            "currency": cur,
            "baseline": model.baseline,
            "recommended": winner.name,
            "recommendation": recommendation(paragraph, winner: winner.name, risk: risk),
            "scenarios": scenarios,
            "drivers_strategy": driverStrategy,
            "drivers": drivers,
            "assumptions": assumptions,
            "risks": (unsourcedRisk(loaded.inputs) + risks(model: model, results: results, winner: winner.name, challenger: challenger?.name, comparison: comparison, losses: losses))
                .map { ["text": $0] as [String: Any] },
            "chart": chart(model: model, result: base),
            "chart_legend": base.strategies.map(\.name).joined(separator: ", "),
            "cumulative_chart_file": MemoCharts.linkTarget(MemoCharts.cumulativeCostName(stem: stem)),
            "cost_per_mtok_chart_file": MemoCharts.linkTarget(MemoCharts.costPerMillionTokensName(stem: stem)),
        ].merging(riskContext(loaded, risk: risk, winner: winner.name, stem: stem)) { _, risk in risk }
    }

    /// Figures whose source comment still says "TODO" (the starter's placeholders): the decision
    /// rests on them until each is sourced, so the memo says so first among the risks.
    static func unsourcedRisk(_ inputs: [LoadedModel.Input]) -> [String] {
        let todo = inputs.filter { $0.source?.uppercased().hasPrefix("TODO") == true }.map(\.path)
        guard !todo.isEmpty else { return [] }
        let named = todo.prefix(3).map { "`\($0)`" }.joined(separator: ", ") + (todo.count > 3 ? ", …" : "")
        let figures = "\(todo.count) figure\(todo.count == 1 ? "" : "s")", their = todo.count == 1 ? "Its" : "Their"
        return ["**\(figures) not yet sourced.** \(their) "
            + "source comment still says TODO (\(named)): the results rest on placeholders until each is "
            + "replaced by where the figure comes from."]
    }

    static func risks(model: Model, results: [ScenarioResult], winner: String, challenger: String?, comparison: Comparison?, losses: [(String, String)]) -> [String] {
        var risks: [String] = []
        if let comparison, let challenger {
            let v = comparison.breakEvenVolume
            if let k = v.multiplier, k > 0.75, k < 1.33 {
                // Which way volume must move, and what then happens, depends on who wins at the forecast.
                let direction = k < 1 ? "falls short of the forecast by \(percent(1 - k))"
                    : "exceeds the forecast by \(percent(k - 1))"
                let outcome = winsAtForecast(v) ? "stops being cheaper than" : "becomes cheaper than"
                risks.append("**Volume close to break-even.** If volume \(direction), **\(challenger)** \(outcome) "
                    + "**\(model.baseline)** (break-even at \(multiplierText(k)) the forecast).")
            }
            let p = comparison.breakEvenPrice
            // Price cuts hurt only a challenger that wins now and loses below the multiplier.
            if let k = p.multiplier, p.side == .above, k > 0.5, k <= 1 {
                risks.append("**API price cuts.** If API list prices fall to \(percent(k)) of today's (a \(percent(1 - k)) cut beyond the modelled price changes), **\(model.baseline)** becomes cheaper than **\(challenger)**. Frontier prices have fallen fast; ask for a price floor or a short commitment.")
            }
            // Payback is a risk of adopting the challenger, not of keeping the baseline.
            let adopting = challenger == winner
            if adopting, let month = comparison.paybackMonth, month > model.horizonMonths / 2 {
                risks.append("**Late payback.** **\(challenger)** pays back only in month \(month) of \(model.horizonMonths); an early change of course would lose money.")
            } else if adopting, comparison.paybackMonth == nil {
                risks.append("**No cash payback.** **\(challenger)**'s cumulative cash cost stays above the baseline's through the horizon.")
            }
        }
        for (scenario, other) in losses {
            risks.append("**Scenario *\(scenario)* flips the decision:** **\(other)** has the lowest NPV of cost there.")
        }
        for result in results.dropFirst() {
            guard let c = result.comparisons.first(where: { $0.strategy == winner }), let b = result.strategy(named: model.baseline),
                c.npvSavings > 0, c.npvSavings < 0.05 * basisNPV(b)
            else { continue }
            risks.append("**Close call in *\(result.name)*.** **\(winner)** saves only \(MoneyFormat.short(c.npvSavings, currency: model.currency)) (\(percent(c.npvSavings / basisNPV(b)))) there; the choice is a coin flip if that scenario comes true.")
        }
        if winner != model.baseline, let w = results.first?.strategy(named: winner), w.totalCost > 0,
            let chosen = model.strategy(named: winner), let kept = model.strategy(named: model.baseline)
        {
            // The team this strategy needs and the baseline does not, role by role: a role every
            // strategy pays (a FinOps analyst) does not make it riskier than the baseline.
            let solver = Solver(model: model)
            let baselineRoles = Set(solver.paidStaff(of: kept))
            let own = solver.paidStaff(of: chosen).filter { !baselineRoles.contains($0) }
                .reduce(0) { $0 + solver.totalStaffCost(ofRole: $1) }
            if own > 0.3 * w.totalCost {
                risks.append("**The in-house team is \(percent(own / w.totalCost)) of \(winner)'s cash cost.** "
                    + "Hiring or retaining it at the modelled cost matters more than GPU prices.")
            }
        }
        if let strategy = model.strategy(named: winner) {
            let rentedSensitive = model.workloads.filter { w in
                w.sensitive && strategy.effectiveRoute(for: w.name).activeShares.contains { share in
                    if case .rented = model.servingOption(named: share.option)?.kind { return true }
                    return false
                }
            }
            if !rentedSensitive.isEmpty {
                risks.append("**Sensitive data on rented GPUs.** \(rentedSensitive.map { "*\($0.name)*" }.joined(separator: ", ")) would run on a GPU provider's machines: confirm with legal that the provider meets the data-processing agreement.")
            }
        }
        // Only a strategy that serves in-house has an in-house model to make ready; the lead time
        // only for one with its own servers; one with one-time costs has them modelled.
        if let strategy = model.strategy(named: winner) {
            let kinds = model.workloads.flatMap { w in
                strategy.effectiveRoute(for: w.name).activeShares.compactMap {
                    model.servingOption(named: $0.option)?.kind
                }
            }
            let ownsServers = kinds.contains { if case .selfHosted = $0 { return true } else { return false } }
            let inHouse = ownsServers || kinds.contains { if case .rented = $0 { return true } else { return false } }
            let ready = "The in-house model is assumed production-ready from the first month"
                + (ownsServers ? " (after the hardware lead time)" : "")
            if inHouse, strategy.oneTimeCosts.isEmpty {
                risks.append("**Modelled, not promised.** \(ready), with no one-time costs for fine-tuning, "
                    + "evaluation or migration; add them as capex or staff if they apply.")
            } else if inHouse {
                risks.append("**Modelled, not promised.** \(ready); its one-time costs are the ones in the model, "
                    + "and overruns on them are not modelled.")
            }
        }
        if results.first?.strategy(named: winner)?.capex ?? 0 > 0 {
            risks.append("**Capital at risk.** **\(winner)** buys servers up front; demand that does not materialize leaves idle hardware worth only its residual value.")
        }
        // Only the caveat (or nothing): say why there is nothing more.
        if risks.allSatisfy({ $0.hasPrefix("**Modelled, not promised.**") }) { risks.insert("No tested scenario changes the decision, and volume and API prices would have to move far from the forecast to flip it.", at: 0) }
        return risks
    }

    /// A Mermaid `xychart-beta` of cumulative cash cost per strategy at each year end (millions).
    static func chart(model: Model, result: ScenarioResult) -> String {
        let months = model.horizonMonths
        let yearEnds = stride(from: 12, to: months + 12, by: 12).map { min($0, months) }
        let labels = yearEnds.map { "\"\(model.start.adding(months: $0 - 1).year)\"" }
        var lines = ["xychart-beta", "    title \"Cumulative cash cost, \(model.currency) millions (base scenario)\"",
                     "    x-axis [\(labels.joined(separator: ", "))]", "    y-axis \"\(model.currency) M\""]
        for strategy in result.strategies {
            var running = 0.0
            let cumulative = strategy.monthly.cost.map { running += $0; return running }
            let points = yearEnds.map { String(format: "%.2f", cumulative[$0 - 1] / 1e6) }
            lines.append("    line [\(points.joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func replacingFirstOccurrence(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
