import TCOCore
import TCOLoading

/// The terminal tables of `tco simulate`: per scenario, strategies, comparisons and the tornado.
enum SimulateTable {
    static func render(model: Model, result: SimulationResult, plan: UncertaintyPlan) -> String {
        let cur = model.currency
        func money(_ x: Double) -> String { MoneyFormat.full(x, currency: cur) }
        func percent(_ p: Double) -> String { MoneyFormat.grouped(p * 100, decimals: 1) + "%" }
        let basis = model.finance.taxRate > 0 ? "NPV of cost after tax" : "NPV of cost"
        func plural(_ n: Int, _ word: String) -> String {
            "\(MoneyFormat.grouped(Double(n))) \(word)\(n == 1 ? "" : "s")"
        }
        var blocks = ["\(model.title) — \(plural(result.runs, "run")), seed \(result.seed), "
            + "\(plural(result.inputs.count, "uncertain input")); \(basis)"]
        for scenario in result.scenarios {
            var block = ["Scenario \(scenario.name)"]
            block.append(SolveTable.table(
                header: ["strategy", "mean", "P5", "P50", "P95", "P(cheapest)", "expected regret"],
                rows: scenario.strategies.map { s in
                    [s.name + (s.name == model.baseline ? " (baseline)" : ""), money(s.npvCost.mean), money(s.npvCost.p5),
                     money(s.npvCost.p50), money(s.npvCost.p95), percent(s.pLowest), money(s.expectedRegret)]
                }))
            if !scenario.comparisons.isEmpty {
                block.append("")
                block.append(SolveTable.table(
                    header: ["against \(model.baseline)", "savings mean", "P5", "P50", "P95", "P(no dearer)"],
                    rows: scenario.comparisons.map { c in
                        [c.strategy, money(c.npvSavings.mean), money(c.npvSavings.p5), money(c.npvSavings.p50),
                         money(c.npvSavings.p95), percent(c.pNoDearer)]
                    }))
            }
            if let tornado = scenario.tornado, !tornado.inputs.isEmpty {
                block.append("")
                block.append("What decides it: \(tornado.against)'s NPV minus \(tornado.strategy)'s, "
                    + "each input at its 5th and 95th percentile")
                let ranges = Dictionary(zip(plan.inputs.map(\.path), plan.texts), uniquingKeysWith: { a, _ in a })
                block.append(SolveTable.table(
                    header: ["input", "range", "at P5", "at P95", "swing"],
                    rows: tornado.inputs.map { row in
                        [row.path, ranges[row.path] ?? "", money(row.savingsLow), money(row.savingsHigh), money(row.swing)]
                    }))
            }
            blocks.append(block.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }
}
