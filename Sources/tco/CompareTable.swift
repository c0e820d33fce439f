import TCOCore
import TCOLoading

/// Terminal tables of `tco compare`: changed inputs, then per scenario each strategy's results in A and B.
enum CompareTable {
    static func render(_ c: ModelComparison, a: LoadedModel, b: LoadedModel) -> String {
        let cur = a.base.currency
        func money(_ x: Double) -> String { MoneyFormat.full(x, currency: cur) }
        func perMtok(_ x: Double?) -> String { x.map { MoneyFormat.full($0, currency: cur, decimals: 3) } ?? "—" }
        var blocks: [String] = ["A: \(a.path) — \(a.base.title)\nB: \(b.path) — \(b.base.title)"]
        if let note = c.periodNote { blocks.append("Note: " + note) }
        if c.inputChanges.isEmpty {
            blocks.append("Inputs: no changes.")
        } else {
            blocks.append("Inputs that changed (\(c.inputChanges.count))\n" + SolveTable.table(
                header: ["key path", "A", "B"],
                rows: c.inputChanges.map { [$0.path, $0.old ?? "(absent)", $0.new ?? "(absent)"] }))
        }
        if !c.unpairedOld.isEmpty || !c.unpairedNew.isEmpty {
            blocks.append(unpairedNote(c))
        }
        let npv = c.afterTax ? "NPV after tax" : "NPV"
        let header = [
            "strategy", "\(npv) A", "\(npv) B", "Δ \(npv)", "cost/Mtok A", "cost/Mtok B",
            "capex A", "capex B", "servers A", "servers B", "payback A", "payback B",
        ]
        for winner in c.winners {
            let rows = c.results.filter { $0.scenario == winner.scenario }.map { r -> [String] in
                [r.label,
                 money(r.oldNPV), money(r.newNPV), money(r.npvDelta),
                 perMtok(r.old.levelizedCostPerMillionTokens), perMtok(r.new.levelizedCostPerMillionTokens),
                 money(r.old.capex), money(r.new.capex),
                 r.old.peakCapacityText, r.new.peakCapacityText,
                 payback(r.old, r.oldPayback, baseline: a.base.baseline),
                 payback(r.new, r.newPayback, baseline: b.base.baseline)]
            }
            let title = "Scenario \(winner.scenario) — lowest \(c.npvBasis): A \(winner.old), B \(winner.new)"
                + (winner.decisionChanges ? "  ← the decision changes" : "")
            blocks.append(title + "\n" + SolveTable.table(header: header, rows: rows))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// Strategies left out because the other version has no strategy of that name.
    static func unpairedNote(_ c: ModelComparison) -> String {
        var lines = ["Not compared (no strategy of the same name in the other version; pair with --match OLD=NEW):"]
        if !c.unpairedOld.isEmpty { lines.append("  only in A: " + c.unpairedOld.joined(separator: ", ")) }
        if !c.unpairedNew.isEmpty { lines.append("  only in B: " + c.unpairedNew.joined(separator: ", ")) }
        return lines.joined(separator: "\n")
    }

    static func payback(_ s: StrategyResult, _ month: Int?, baseline: String) -> String {
        s.name == baseline ? "baseline" : month.map { "month \($0)" } ?? "never"
    }
}
