import TCOCore

/// The readable terminal tables of `tco solve`: strategies × key results, per scenario.
enum SolveTable {
    static func render(model: Model, results: [ScenarioResult]) -> String {
        var blocks: [String] = ["\(model.title) — \(model.horizonMonths) months from \(model.start), discount rate \(MoneyFormat.grouped(model.discountRate * 100, decimals: 1))%, baseline \(model.baseline)"]
        // With a tax rate, comparisons are on cost after tax, so its NPV is shown beside the NPV of cost.
        let taxed = model.finance.taxRate > 0
        if taxed {
            blocks[0] += ", tax rate \(MoneyFormat.grouped(model.finance.taxRate * 100, decimals: 1))% "
                + "(savings, payback and break-even after tax)"
        }
        for result in results {
            var header = ["strategy", "NPV of cost", "total cost", "capex", "P&L cost", "cost/Mtok", "servers", "NPV savings", "payback", "break-even volume", "break-even API price"]
            if taxed { header.insert("NPV after tax", at: 2) }
            var rows: [[String]] = []
            for strategy in result.strategies {
                let comparison = result.comparisons.first { $0.strategy == strategy.name }
                var row: [String] = [
                    strategy.name + (strategy.name == model.baseline ? " (baseline)" : ""),
                    MoneyFormat.full(strategy.npvCost, currency: model.currency),
                    MoneyFormat.full(strategy.totalCost, currency: model.currency),
                    MoneyFormat.full(strategy.capex, currency: model.currency),
                    MoneyFormat.full(strategy.totalPnLCost, currency: model.currency),
                    strategy.levelizedCostPerMillionTokens.map { MoneyFormat.full($0, currency: model.currency, decimals: 3) } ?? "—",
                    strategy.peakCapacityText,
                    comparison.map { MoneyFormat.full($0.npvSavings, currency: model.currency) } ?? "",
                    comparison.map { $0.paybackMonth.map { "month \($0)" } ?? "never" } ?? "",
                    comparison.map { describe($0.breakEvenVolume) } ?? "",
                    comparison.map { describe($0.breakEvenPrice) } ?? "",
                ]
                if taxed { row.insert(MoneyFormat.full(strategy.npvCostAfterTax, currency: model.currency), at: 2) }
                rows.append(row)
            }
            blocks.append("Scenario \(result.name)\n" + table(header: header, rows: rows))
        }
        return blocks.joined(separator: "\n\n")
    }

    static func describe(_ breakEven: BreakEven) -> String {
        switch breakEven.side {
        case .always: return "always wins"
        case .never: return "never wins"
        case .above: return "wins above \(MoneyFormat.grouped(breakEven.multiplier ?? 0, decimals: 3))×"
        case .below: return "wins below \(MoneyFormat.grouped(breakEven.multiplier ?? 0, decimals: 3))×"
        }
    }

    /// A plain-text table: first column left-aligned, numbers right-aligned.
    static func table(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
