import TCOCore
import TCOLoading

extension WorkbookWriter {
    /// Where each scenario's rows are on Summary: scenario → strategy → row; NPV is column B.
    typealias SummaryRows = [(scenario: String, rows: [(strategy: String, row: Int)])]

    static let summaryHeaders = [
        "Strategy", "NPV of cost", "Total cash cost", "Capex", "P&L cost", "Terminal value", "Cost per Mtok",
        "Peak servers", "NPV savings vs baseline", "Payback month", "Break-even volume ×", "Volume side",
        "Break-even API price ×", "Price side",
    ]

    mutating func writeSummary(_ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet]) -> SummaryRows {
        let model = loaded.base
        sheet.write(model.title, row: 0, column: 0, style: .title)
        sheet.write("Money in \(model.currency); NPV at the discount rate on Inputs; \(model.horizonMonths) months from \(model.start). Every number is a formula over the Calc sheets, except break-even multipliers (lilac), which the solver finds by bisection.", row: 1, column: 0, style: .subtitle)
        var row = 4
        var layout: SummaryRows = []
        var baseBlock: (first: Int, last: Int)?
        for (calc, result) in zip(calcSheets, results) {
            let calcRef = CellReference.sheet(calc.name) + "!"
            sheet.write("Scenario: \(calc.scenario.name)", row: row, column: 0, style: .label)
            row += 1
            for (c, text) in Self.summaryHeaders.enumerated() { sheet.write(text, row: row, column: c, style: .header) }
            row += 1
            let first = row
            var rows: [(String, Int)] = []
            let baselineRow = first + (result.strategies.firstIndex { $0.name == model.baseline } ?? 0)
            for strategy in result.strategies {
                guard let lines = calc.strategyRows[strategy.name] else { continue }
                rows.append((strategy.name, row))
                func total(_ r: Int) -> String { calcRef + CellReference.absolute(row: r, column: CalcLayout.totalColumn) }
                func put(_ column: Int, _ formula: String, _ value: Double?, _ format: CellStyle.NumberFormat, label: String) {
                    sheet.write(formula: "=" + formula, cached: value ?? 0, row: row, column: column, style: .calc(format))
                    manifest.cells.append(.init(sheet: "Summary", row: row, column: column, label: "\(calc.scenario.name) \(strategy.name) \(label)", number: value, text: nil, isSolverValue: false))
                }
                sheet.write(strategy.name + (strategy.name == model.baseline ? " (baseline)" : ""), row: row, column: 0, style: .label)
                put(1, total(lines.discounted), strategy.npvCost, .money, label: "NPV")
                put(2, total(lines.cost), strategy.totalCost, .money, label: "total cost")
                put(3, total(lines.capex), strategy.capex, .money, label: "capex")
                put(4, [lines.api, lines.rented, lines.maintenance, lines.power, lines.colocation, lines.staff, lines.depreciation].map(total).joined(separator: "+"),
                    strategy.totalPnLCost, .money, label: "P&L cost")
                put(5, total(lines.terminalValue), strategy.terminalValue, .money, label: "terminal value")
                put(6, "IF(\(total(calc.discountedTokensRow))=0,\"n/a\",Tokens_Per_Million*\(CellReference.a1(row: row, column: 1))/\(total(calc.discountedTokensRow)))",
                    strategy.levelizedCostPerMillionTokens, .moneyCents, label: "cost per Mtok")
                put(7, total(lines.servers), Double(strategy.serversMax), .integer, label: "peak servers")
                if let comparison = result.comparisons.first(where: { $0.strategy == strategy.name }) {
                    put(8, "\(CellReference.a1(row: baselineRow, column: 1, absoluteRow: true))-\(CellReference.a1(row: row, column: 1))", comparison.npvSavings, .money, label: "NPV savings")
                    if let payback = lines.payback {
                        if let month = comparison.paybackMonth {
                            put(9, total(payback), Double(month), .integer, label: "payback")
                        } else {
                            sheet.write(formula: "=" + total(payback), cachedText: "never", row: row, column: 9, style: .calc(.text))
                            manifest.cells.append(.init(sheet: "Summary", row: row, column: 9, label: "\(calc.scenario.name) \(strategy.name) payback", number: nil, text: "never", isSolverValue: false))
                        }
                    }
                    for (offset, breakEven) in [(10, comparison.breakEvenVolume), (12, comparison.breakEvenPrice)] {
                        if let k = breakEven.multiplier {
                            sheet.write(k, row: row, column: offset, style: .solver(.factor))
                            sheet.comment("Solver value: the contract's bisection (calculations.md, Break-even multipliers) re-solves both strategies with every \(offset == 10 ? "workload's requests" : "API price") multiplied by a factor, until the NPV ranking flips (to 1e-4). Excel cannot express this search as a formula.", row: row, column: offset)
                        } else {
                            sheet.write("none", row: row, column: offset, style: .solver(.text))
                        }
                        sheet.write(breakEven.side.rawValue, row: row, column: offset + 1, style: .solver(.text))
                        manifest.cells.append(.init(sheet: "Summary", row: row, column: offset, label: "\(calc.scenario.name) \(strategy.name) break-even", number: breakEven.multiplier, text: breakEven.multiplier == nil ? "none" : nil, isSolverValue: true))
                    }
                } else {
                    sheet.write("— baseline —", row: row, column: 8, style: .note)
                }
                row += 1
            }
            let last = row - 1
            if calc.scenario.name == "base" { baseBlock = (first, last) }
            layout.append((calc.scenario.name, rows))
            row += 1
        }
        // The decision in one line, live: the strategy with the lowest NPV of cost in the base scenario.
        if let block = baseBlock, let base = results.first {
            let names = "$A$\(block.first + 1):$A$\(block.last + 1)", npv = "$B$\(block.first + 1):$B$\(block.last + 1)"
            let winner = base.strategies.min { $0.npvCost < $1.npvCost }
            let label = winner.map { $0.name + ($0.name == model.baseline ? " (baseline)" : "") } ?? ""
            let text = "Recommendation — lowest NPV of cost in the base scenario: \(label)"
            sheet.write(formula: "=\"Recommendation — lowest NPV of cost in the base scenario: \"&INDEX(\(names),MATCH(MIN(\(npv)),\(npv),0))",
                        cachedText: text, row: 2, column: 0, style: .label)
            manifest.cells.append(.init(sheet: "Summary", row: 2, column: 0, label: "recommendation", number: nil, text: text, isSolverValue: false))
            addCharts(sheet, book: book, calcSheets: calcSheets, levelized: block, below: row + 1)
        }
        sheet.setColumn(0, 0, width: 26)
        sheet.setColumn(1, 13, width: 16)
        for wide in [8, 10, 12] { sheet.setColumn(wide, wide, width: 23) }
        sheet.freezePanes(row: 4, column: 1)
        sheet.printArea(lastRow: row + 40, lastColumn: 13)
        return layout
    }

    private func addCharts(_ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet], levelized block: (first: Int, last: Int), below row: Int) {
        guard let calc = calcSheets.first else { return }
        let calcRef = CellReference.sheet(calc.name) + "!"
        let first = CalcLayout.firstMonthColumn, last = first + calc.months - 1
        if let chart = book.addChart(.line) {
            chart.setTitle("Cumulative cash cost by strategy (base scenario)")
            for (name, rows) in calc.strategyRows.sorted(by: { $0.value.cumulative < $1.value.cumulative }) {
                chart.addSeries(
                    name: name,
                    categories: calcRef + CellReference.absolute(row: CalcSheet.monthRow, column: first) + ":" + CellReference.absolute(row: CalcSheet.monthRow, column: last),
                    values: calcRef + CellReference.absolute(row: rows.cumulative, column: first) + ":" + CellReference.absolute(row: rows.cumulative, column: last))
            }
            chart.setAxisNames(x: "Month", y: loaded.base.currency)
            chart.legendAtBottom()
            sheet.insertChart(chart, row: row, column: 0)
        }
        if let chart = book.addChart(.column) {
            chart.setTitle("Levelized cost per million tokens (base scenario)")
            chart.addSeries(
                name: "\(loaded.base.currency) per Mtok",
                categories: "Summary!" + CellReference.absolute(row: block.first, column: 0) + ":" + CellReference.absolute(row: block.last, column: 0),
                values: "Summary!" + CellReference.absolute(row: block.first, column: 6) + ":" + CellReference.absolute(row: block.last, column: 6))
            chart.setAxisNames(x: "Strategy", y: "\(loaded.base.currency)/Mtok")
            sheet.insertChart(chart, row: row, column: 7)
        }
    }

    mutating func writeCompare(_ sheet: XLSXWorksheet, summaryRows: SummaryRows) {
        sheet.write("Compare — NPV of cost by strategy and scenario (\(loaded.base.currency))", row: 0, column: 0, style: .title)
        sheet.write("Each cell refers to Summary; the last row names the strategy with the lowest NPV of cost in each scenario.", row: 1, column: 0, style: .subtitle)
        sheet.write("Strategy", row: 3, column: 0, style: .header)
        for (s, block) in summaryRows.enumerated() { sheet.write(block.scenario, row: 3, column: 1 + s, style: .header) }
        let strategies = loaded.base.strategies.map(\.name)
        for (i, name) in strategies.enumerated() {
            let row = 4 + i
            sheet.write(name, row: row, column: 0, style: .label)
            for (s, block) in summaryRows.enumerated() {
                guard let source = block.rows.first(where: { $0.strategy == name }),
                    let value = results[s].strategy(named: name)?.npvCost
                else { continue }
                sheet.write(formula: "=Summary!" + CellReference.absolute(row: source.row, column: 1), cached: value, row: row, column: 1 + s, style: .calc(.money))
                manifest.cells.append(.init(sheet: "Compare", row: row, column: 1 + s, label: "\(block.scenario) \(name) NPV", number: value, text: nil, isSolverValue: false))
            }
        }
        let winnerRow = 4 + strategies.count
        sheet.write("Lowest NPV of cost", row: winnerRow, column: 0, style: .label)
        let namesRange = "$A$5:$A$\(4 + strategies.count)"
        for (s, result) in results.enumerated() {
            let column = CellReference.column(1 + s)
            let range = "\(column)$5:\(column)$\(4 + strategies.count)"
            let winner = result.strategies.min { $0.npvCost < $1.npvCost }?.name ?? ""
            sheet.write(formula: "=INDEX(\(namesRange),MATCH(MIN(\(range)),\(range),0))", cachedText: winner, row: winnerRow, column: 1 + s, style: .total(.text))
            manifest.cells.append(.init(sheet: "Compare", row: winnerRow, column: 1 + s, label: "\(result.name) winner", number: nil, text: winner, isSolverValue: false))
        }
        sheet.setColumn(0, 0, width: 24)
        sheet.setColumn(1, summaryRows.count, width: 18)
        sheet.freezePanes(row: 4, column: 1)
        sheet.printArea(lastRow: winnerRow, lastColumn: summaryRows.count)
    }
}
