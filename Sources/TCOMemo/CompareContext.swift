import TCOCore
import TCOLoading

/// The values a compare memo template can show (Templates/compare.md.mustache lists them).
public enum CompareContext {
    /// The compare memo's context for `c`, the comparison of `a` with `b`.
    public static func make(_ c: ModelComparison, a: LoadedModel, b: LoadedModel) -> [String: Any] {
        let cur = a.base.currency
        func money(_ x: Double) -> String { MoneyFormat.short(x, currency: cur) }
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + money(x) }
        func perMtok(_ x: Double?) -> String { x.map { MoneyFormat.full($0, currency: cur, decimals: 2) } ?? "n/a" }
        func payback(_ name: String, _ month: Int?, baseline: String) -> String {
            name == baseline ? "baseline" : month.map { "month \($0)" } ?? "never"
        }
        let scenarios: [[String: Any]] = c.winners.map { w in
            let rows: [[String: Any]] = c.results.filter { $0.scenario == w.scenario }.map { r in
                [
                    "strategy": r.label,
                    "npv_a": money(r.oldNPV), "npv_b": money(r.newNPV), "npv_delta": signed(r.npvDelta),
                    "levelized_a": perMtok(r.old.levelizedCostPerMillionTokens),
                    "levelized_b": perMtok(r.new.levelizedCostPerMillionTokens),
                    "capex_a": money(r.old.capex), "capex_b": money(r.new.capex),
                    "servers_a": r.old.peakCapacityText, "servers_b": r.new.peakCapacityText,
                    "payback_a": payback(r.strategy, r.oldPayback, baseline: a.base.baseline),
                    "payback_b": payback(r.newStrategy, r.newPayback, baseline: b.base.baseline),
                ]
            }
            return [
                "name": w.scenario, "winner_a": w.old, "winner_b": w.new, "decision_changes": w.decisionChanges,
                "rows": rows,
            ]
        }
        let flips = c.winners.filter(\.decisionChanges)
        let inputs = "\(c.inputChanges.count) input\(c.inputChanges.count == 1 ? "" : "s") changed."
        let summary: String
        if c.inputChanges.isEmpty {
            summary = "The two files have the same inputs; every result is unchanged."
        } else if flips.isEmpty {
            summary = inputs + " The decision does not change in any scenario present in both."
        } else {
            summary = inputs + " The decision changes in "
                + flips.map { "*\($0.scenario)* (\($0.old) → \($0.new))" }.joined(separator: ", ") + "."
        }
        let matched = Set(c.results.filter { $0.strategy != $0.newStrategy }.map(\.label))
        let titleA = MarkdownText.inline(a.base.title), titleB = MarkdownText.inline(b.base.title)
        return [
            "title_a": titleA, "title_b": titleB, "file_a": a.path, "file_b": b.path, "currency": cur,
            // "X → X" says nothing when both versions keep the title.
            "title": titleA == titleB ? "\(titleA), two versions" : "\(titleA) → \(titleB)",
            "summary": summary,
            "has_changes": !c.inputChanges.isEmpty,
            "changes": c.inputChanges.map {
                ["path": $0.path, "old": $0.old.map(MarkdownText.inline) ?? "(absent)",
                 "new": $0.new.map(MarkdownText.inline) ?? "(absent)"] as [String: Any]
            },
            "scenarios": scenarios,
            "has_period_note": c.periodNote != nil, "period_note": c.periodNote ?? "",
            "npv_basis": c.npvBasis, "npv_column": c.afterTax ? "NPV after tax" : "NPV",
            "has_matches": !matched.isEmpty,
            "matches": matched.sorted().joined(separator: ", "),
            "has_unpaired": !c.unpairedOld.isEmpty || !c.unpairedNew.isEmpty,
            "unpaired_a": c.unpairedOld.isEmpty ? "none" : c.unpairedOld.joined(separator: ", "),
            "unpaired_b": c.unpairedNew.isEmpty ? "none" : c.unpairedNew.joined(separator: ", "),
        ]
    }
}
