import TCOCore
import TCOLoading

/// The values a compare memo template can show (Templates/compare.md.mustache lists them).
public enum CompareContext {
    public static func make(_ c: ModelComparison, a: LoadedModel, b: LoadedModel) -> [String: Any] {
        let cur = a.base.currency
        func money(_ x: Double) -> String { MoneyFormat.short(x, currency: cur) }
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + money(x) }
        let scenarios: [[String: Any]] = c.winners.map { w in
            let rows: [[String: Any]] = c.results.filter { $0.scenario == w.scenario }.map { r in
                [
                    "strategy": r.strategy,
                    "npv_a": money(r.old.npvCost), "npv_b": money(r.new.npvCost), "npv_delta": signed(r.npvDelta),
                    "levelized_a": r.old.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: cur, decimals: 2) } ?? "n/a",
                    "levelized_b": r.new.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: cur, decimals: 2) } ?? "n/a",
                    "payback_a": r.strategy == a.base.baseline ? "baseline" : r.oldPayback.map { "month \($0)" } ?? "never",
                    "payback_b": r.strategy == b.base.baseline ? "baseline" : r.newPayback.map { "month \($0)" } ?? "never",
                ]
            }
            return ["name": w.scenario, "winner_a": w.old, "winner_b": w.new, "decision_changes": w.old != w.new, "rows": rows]
        }
        let flips = c.winners.filter { $0.old != $0.new }
        let summary: String
        if c.inputChanges.isEmpty {
            summary = "The two files have the same inputs; every result is unchanged."
        } else if flips.isEmpty {
            summary = "\(c.inputChanges.count) input\(c.inputChanges.count == 1 ? "" : "s") changed. The decision does not change in any scenario present in both."
        } else {
            summary = "\(c.inputChanges.count) input\(c.inputChanges.count == 1 ? "" : "s") changed. The decision changes in " + flips.map { "*\($0.scenario)* (\($0.old) → \($0.new))" }.joined(separator: ", ") + "."
        }
        return [
            "title_a": a.base.title, "title_b": b.base.title, "file_a": a.path, "file_b": b.path, "currency": cur,
            "summary": summary,
            "has_changes": !c.inputChanges.isEmpty,
            "changes": c.inputChanges.map { ["path": $0.path, "old": $0.old ?? "(absent)", "new": $0.new ?? "(absent)"] as [String: Any] },
            "scenarios": scenarios,
        ]
    }
}
