import ArgumentParser
import Foundation
import TCOCore
import TCOLoading
import TCOMemo
import TCOWorkbook

/// `tco compare MODEL_A MODEL_B [--output DIR]`: what changed in the inputs and how the results moved.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a decision: changed inputs and how every strategy's results moved.",
        discussion: "With --output, also writes DIR/<A>-vs-<B>.xlsx (Inputs A, Inputs B, Compare) and DIR/<A>-vs-<B>.md (from Templates/compare.md.mustache).")

    @Argument(help: "The current model (A).")
    var modelA: String

    @Argument(help: "The proposal (B).")
    var modelB: String

    @Option(help: "Folder for the comparison workbook and memo.")
    var output: String?

    @Option(help: "Compare memo template (Mustache); default: the built-in Templates/compare.md.mustache.")
    var template: String?

    func run() throws {
        let a = try Terminal.load(modelA), b = try Terminal.load(modelB)
        let resultsA = a.solvedScenarios()
        let resultsB = b.solvedScenarios()
        let comparison = ModelComparison(a, resultsA, b, resultsB)
        print(CompareTable.render(comparison, a: a, b: b))
        guard let output else { return }
        let stem = [modelA, modelB].map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }.joined(separator: "-vs-")
        print()
        try Terminal.writeOutputs(
            to: output, stem: stem,
            memo: { try MemoTemplate.compare(at: template).render(CompareContext.make(comparison, a: a, b: b)) },
            workbook: { try CompareWorkbookWriter.write(comparison, a: a, b: b, to: $0) })
    }
}

/// Terminal tables of `tco compare`.
enum CompareTable {
    static func render(_ c: ModelComparison, a: LoadedModel, b: LoadedModel) -> String {
        let cur = a.base.currency
        var blocks: [String] = ["A: \(a.path) — \(a.base.title)\nB: \(b.path) — \(b.base.title)"]
        if c.inputChanges.isEmpty {
            blocks.append("Inputs: no changes.")
        } else {
            blocks.append("Inputs that changed (\(c.inputChanges.count))\n" + SolveTable.table(
                header: ["key path", "A", "B"],
                rows: c.inputChanges.map { [$0.path, $0.old ?? "(absent)", $0.new ?? "(absent)"] }))
        }
        for winner in c.winners {
            let rows = c.results.filter { $0.scenario == winner.scenario }.map { r -> [String] in
                [r.strategy,
                 MoneyFormat.full(r.old.npvCost, currency: cur), MoneyFormat.full(r.new.npvCost, currency: cur), MoneyFormat.full(r.npvDelta, currency: cur),
                 r.old.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: cur, decimals: 3) } ?? "—",
                 r.new.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: cur, decimals: 3) } ?? "—",
                 payback(r.old, r.oldPayback, baseline: a.base.baseline), payback(r.new, r.newPayback, baseline: b.base.baseline)]
            }
            blocks.append("Scenario \(winner.scenario) — lowest NPV of cost: A \(winner.old), B \(winner.new)\(winner.old == winner.new ? "" : "  ← the decision changes")\n"
                + SolveTable.table(header: ["strategy", "NPV A", "NPV B", "Δ NPV", "cost/Mtok A", "cost/Mtok B", "payback A", "payback B"], rows: rows))
        }
        return blocks.joined(separator: "\n\n")
    }

    static func payback(_ s: StrategyResult, _ month: Int?, baseline: String) -> String {
        s.name == baseline ? "baseline" : month.map { "month \($0)" } ?? "never"
    }
}
