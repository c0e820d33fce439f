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
    /// The after-tax NPV column, written when a scenario sets a tax rate (after the v1 columns, so
    /// that every other column stays where the Checks sheet and readers of v1 workbooks expect it).
    static let afterTaxColumn = 14

    /// Whether any scenario sets a tax rate: then Summary shows NPV after tax and compares on it.
    var isTaxed: Bool { loaded.scenarios.contains { $0.model.finance.taxRate > 0 } }

    /// The column comparisons use: NPV after tax when taxed, else NPV (they are equal without tax).
    var basisColumn: Int { isTaxed ? Self.afterTaxColumn : 1 }

    /// The name of the comparison basis, for labels.
    var basisName: String { isTaxed ? "NPV of cost after tax" : "NPV of cost" }

    /// Width of a Summary number column: its header wraps over up to three lines.
    static func summaryColumnWidth(_ header: String) -> Double {
        ColumnWidths.fit(wrappedHeader: header, values: ["-00,000,000"], minimum: 12, maximum: 18)
    }

    /// Lines the tallest Summary header takes.
    var summaryHeaderLines: Int {
        summaryHeaderList.dropFirst().map { ColumnWidths.lines($0, width: Self.summaryColumnWidth($0)) }.max() ?? 1
    }

    /// Summary's column headers for this model.
    var summaryHeaderList: [String] {
        // Savings and payback are on the comparison basis: say so beside the before-tax NPV.
        // And the NPV beside them says it is before tax, as the after-tax NPV is a column of its own.
        let headers = isTaxed
            ? Self.summaryHeaders.map {
                $0 == "NPV savings vs baseline" || $0 == "Payback month" ? $0 + ", after tax"
                    : $0 == "NPV of cost" ? "NPV of cost before tax" : $0
            } : Self.summaryHeaders
        return headers + (isTaxed ? ["NPV of cost after tax"] : [])
    }

    /// Row of the master check on Summary (0-based), in the frozen rows at the top.
    static let masterCheckRow = 3

    mutating func writeSummary(
        _ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet]
    ) throws -> SummaryRows {
        let model = loaded.base
        sheet.write(model.title, row: 0, column: 0, style: .title)
        sheet.write(
            "Money in \(model.currency); NPV at the discount rate on Inputs; \(model.horizonMonths) months "
            + "from \(model.start). Every number is a formula over the Calc sheets, except the volume break-even "
            + "(lilac), which the solver finds by bisection; it is struck through when the inputs no longer match "
            + "the export.",
            row: 1, column: 0, style: .subtitle)
        try writeMasterCheck(sheet, book: book)
        var row = 5
        var layout: SummaryRows = []
        var baseBlock: (first: Int, last: Int)?
        for (s, (calc, result)) in zip(calcSheets, results).enumerated() {
            sheet.write("Scenario: \(calc.scenario.name)", row: row, column: 0, style: .label)
            row += 1
            for (c, text) in summaryHeaderList.enumerated() {
                sheet.write(text, row: row, column: c, style: c == 0 ? .header : .numberHeader)
            }
            sheet.setRowHeight(row, points: 15 * Double(summaryHeaderLines))
            row += 1
            let first = row
            var rows: [(String, Int)] = []
            let baselineRow = first + (result.strategies.firstIndex { $0.name == model.baseline } ?? 0)
            for strategy in result.strategies {
                guard let lines = calc.strategyRows[strategy.name] else { continue }
                rows.append((strategy.name, row))
                let total = calc.totalReference
                func label(_ what: String) -> String { "\(calc.scenario.name) \(strategy.name) \(what)" }
                func put(
                    _ column: Int, _ formula: String, _ value: Double?, _ format: CellStyle.NumberFormat,
                    label what: String
                ) {
                    sheet.write(
                        formula: "=" + formula, cached: value ?? 0, row: row, column: column, style: .calc(format))
                    manifest.cells.append(
                        .init(
                            sheet: "Summary", row: row, column: column, label: label(what), number: value, text: nil,
                            isSolverValue: false))
                }
                func putText(_ column: Int, _ formula: String, _ text: String, label what: String) {
                    sheet.write(
                        formula: "=" + formula, cachedText: text, row: row, column: column, style: .calc(.text))
                    manifest.cells.append(
                        .init(
                            sheet: "Summary", row: row, column: column, label: label(what), number: nil, text: text,
                            isSolverValue: false))
                }
                sheet.write(
                    strategy.name + (strategy.name == model.baseline ? " (baseline)" : ""), row: row, column: 0,
                    style: .label)
                put(1, total(lines.discounted), strategy.npvCost, .money, label: "NPV")
                put(2, total(lines.cost), strategy.totalCost, .money, label: "total cost")
                put(3, total(lines[.capex]), strategy.capex, .money, label: "capex")
                put(4, total(lines.pnl), strategy.totalPnLCost, .money, label: "P&L cost")
                put(5, total(lines[.terminalValue]), strategy.terminalValue, .money, label: "terminal value")
                let tokens = total(calc.discountedTokensRow), npv = CellReference.a1(row: row, column: 1)
                put(
                    6, "IF(\(tokens)=0,\"n/a\",Tokens_Per_Million*\(npv)/\(tokens))",
                    strategy.levelizedCostPerMillionTokens, .moneyCents, label: "cost per Mtok")
                put(7, total(lines.servers), Double(strategy.serversMax), .integer, label: "peak servers")
                if isTaxed {
                    put(
                        Self.afterTaxColumn, total(lines.discountedAfterTax), strategy.npvCostAfterTax, .money,
                        label: "NPV after tax")
                }
                let basis = CellReference.a1(row: row, column: basisColumn)
                guard let comparison = result.comparisons.first(where: { $0.strategy == strategy.name }) else {
                    sheet.write("— baseline —", row: row, column: 8, style: .calc(.text))
                    row += 1
                    continue
                }
                put(
                    8, "\(CellReference.a1(row: baselineRow, column: basisColumn, absoluteRow: true))-\(basis)",
                    comparison.npvSavings, .money, label: "NPV savings")
                if let payback = lines.payback {
                    if let month = comparison.paybackMonth {
                        put(9, total(payback), Double(month), .integer, label: "payback")
                    } else {
                        putText(9, total(payback), "never", label: "payback")
                    }
                }
                writeVolumeBreakEven(
                    sheet, comparison.breakEvenVolume, row: row, scenario: s, label: label("volume break-even"))
                if let k = lines.priceBreakEven, let side = lines.priceSide {
                    if let multiplier = comparison.breakEvenPrice.multiplier {
                        put(12, total(k), multiplier, .factor, label: "price break-even")
                    } else {
                        putText(12, total(k), "none", label: "price break-even")
                    }
                    putText(13, total(side), comparison.breakEvenPrice.side.rawValue, label: "price side")
                    sheet.comment(
                        "Live formula (Calc sheet, 'API price break-even'): NPV is a straight line in the API price "
                        + "factor, so the contract's bisection result is the grid point next to where the two "
                        + "strategies' NPV lines cross.",
                        row: row, column: 12)
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
            let names = "$A$\(block.first + 1):$A$\(block.last + 1)"
            let column = CellReference.column(basisColumn)
            let npv = "$\(column)$\(block.first + 1):$\(column)$\(block.last + 1)"
            let winner = base.strategies.min { $0.npvCostAfterTax < $1.npvCostAfterTax }
            let label = winner.map { $0.name + ($0.name == model.baseline ? " (baseline)" : "") } ?? ""
            let text = "Recommendation — lowest \(basisName) in the base scenario: \(label)"
            sheet.write(
                formula:
                    "=\"Recommendation — lowest \(basisName) in the base scenario: \""
                    + "&INDEX(\(names),MATCH(MIN(\(npv)),\(npv),0))",
                cachedText: text, row: 2, column: 0, style: .label)
            manifest.cells.append(
                .init(
                    sheet: "Summary", row: 2, column: 0, label: "recommendation", number: nil, text: text,
                    isSolverValue: false))
            addCharts(sheet, book: book, calcSheets: calcSheets, levelized: block, below: row + 1)
        }
        let strategyNames =
            loaded.base.strategies.map { $0.name + " (baseline)" } + [
                "Scenario: " + (loaded.scenarios.last?.name ?? "")
            ]
        sheet.setColumn(0, 0, width: ColumnWidths.fit(strategyNames, minimum: 22, maximum: 40))
        for (c, header) in summaryHeaderList.enumerated().dropFirst() {
            sheet.setColumn(c, c, width: Self.summaryColumnWidth(header))
        }
        sheet.freezePanes(row: Self.masterCheckRow + 1, column: 1)
        sheet.printSetup(
            .init(lastRow: row + 22, lastColumn: summaryHeaderList.count - 1, repeatRows: 0...Self.masterCheckRow))
        return layout
    }

    /// The master check: the number of failed checks (Checks sheet), shown "OK" on green or
    /// "n failed" on red, named `Master_Check`.
    private mutating func writeMasterCheck(_ sheet: XLSXWorksheet, book: XLSXWorkbook) throws {
        let row = Self.masterCheckRow
        sheet.write("Model checks", row: row, column: 0, style: .label)
        sheet.write(
            formula: "=" + ChecksLayout.totalReference, cached: 0, row: row, column: 1, style: .total(.failures))
        sheet.highlight(row: row, columns: 1...1, whenEqual: true, to: 0, style: .good)
        sheet.highlight(row: row, columns: 1...1, whenEqual: false, to: 0, style: .bad)
        sheet.link(to: "Checks!A1", text: "see the Checks sheet", row: row, column: 2)
        // Apart from the checks: an edited input leaves the workbook right but the solver's values
        // (volume break-even, Risk sheet) from the export.
        let stale = "Checks!" + CellReference.absolute(row: ChecksLayout.staleRow, column: ChecksLayout.failuresColumn)
        sheet.write(
            formula: "=IF(\(stale)=0,\"Solver values: current\",\"Solver values: stale in \"&\(stale)&\" scenario(s)"
                + " since inputs were edited; export again to refresh them\")",
            cachedText: "Solver values: current", row: row, column: 4, style: .remark)
        try book.defineName("Master_Check", refersTo: "=Summary!" + CellReference.absolute(row: row, column: 1))
        manifest.cells.append(
            .init(
                sheet: "Summary", row: row, column: 1, label: "Master_Check", number: 0, text: nil,
                isSolverValue: false))
        manifest.masterCheck = (row, 1)
    }

    /// The volume break-even: a solver value (the bisection re-solves the fleet at every step),
    /// struck through while the scenario's inputs differ from the export (Checks, fingerprint).
    private mutating func writeVolumeBreakEven(
        _ sheet: XLSXWorksheet, _ breakEven: BreakEven, row: Int, scenario s: Int, label: String
    ) {
        if let k = breakEven.multiplier {
            sheet.write(k, row: row, column: 10, style: .solver(.factor))
        } else {
            sheet.write("none", row: row, column: 10, style: .solver(.text))
        }
        sheet.comment(
            "Solver value: the contract's bisection (calculations.md, Break-even multipliers) re-solves both "
            + "strategies with every workload's requests multiplied by a factor, until the NPV ranking flips (to "
            + "1e-4); the fleet plan makes NPV a step function of volume, which no closed form follows. Struck "
            + "through when the inputs changed since the export (Checks: solver values current).",
            row: row, column: 10)
        sheet.write(breakEven.side.rawValue, row: row, column: 11, style: .solver(.text))
        let stale =
            "Checks!"
            + CellReference.absolute(row: ChecksLayout.staleRow, column: ChecksLayout.firstScenarioColumn + s) + "=1"
        for column in 10...11 { sheet.highlight(row: row, column: column, when: stale, style: .stale) }
        manifest.cells.append(
            .init(
                sheet: "Summary", row: row, column: 10, label: label, number: breakEven.multiplier,
                text: breakEven.multiplier == nil ? "none" : nil, isSolverValue: true))
    }

    mutating func writeCompare(_ sheet: XLSXWorksheet, summaryRows: SummaryRows) {
        sheet.write(
            "Compare — \(basisName) by strategy and scenario (\(loaded.base.currency))", row: 0, column: 0,
            style: .title)
        sheet.write(
            "Each cell refers to Summary; the last row names the strategy with the lowest \(basisName) in each "
            + "scenario.",
            row: 1, column: 0, style: .subtitle)
        sheet.write("Strategy", row: 3, column: 0, style: .header)
        for (s, block) in summaryRows.enumerated() {
            sheet.write(block.scenario, row: 3, column: 1 + s, style: .numberHeader)
        }
        let strategies = loaded.base.strategies.map(\.name)
        for (i, name) in strategies.enumerated() {
            let row = 4 + i
            sheet.write(name, row: row, column: 0, style: .label)
            for (s, block) in summaryRows.enumerated() {
                guard let source = block.rows.first(where: { $0.strategy == name }),
                    let value = results[s].strategy(named: name)?.npvCostAfterTax
                else { continue }
                sheet.write(
                    formula: "=Summary!" + CellReference.absolute(row: source.row, column: basisColumn), cached: value,
                    row: row,
                    column: 1 + s, style: .calc(.money))
                manifest.cells.append(
                    .init(
                        sheet: "Compare", row: row, column: 1 + s, label: "\(block.scenario) \(name) NPV",
                        number: value, text: nil, isSolverValue: false))
            }
        }
        let winnerRow = 4 + strategies.count
        sheet.write("Lowest \(basisName)", row: winnerRow, column: 0, style: .label)
        let namesRange = "$A$5:$A$\(4 + strategies.count)"
        for (s, result) in results.enumerated() {
            let column = CellReference.column(1 + s)
            let range = "\(column)$5:\(column)$\(4 + strategies.count)"
            let winner = result.strategies.min { $0.npvCostAfterTax < $1.npvCostAfterTax }?.name ?? ""
            sheet.write(
                formula: "=INDEX(\(namesRange),MATCH(MIN(\(range)),\(range),0))", cachedText: winner, row: winnerRow,
                column: 1 + s, style: .total(.text))
            manifest.cells.append(
                .init(
                    sheet: "Compare", row: winnerRow, column: 1 + s, label: "\(result.name) winner", number: nil,
                    text: winner, isSolverValue: false))
        }
        sheet.setColumn(0, 0, width: ColumnWidths.fit(strategies + ["Lowest \(basisName)"], minimum: 16, maximum: 40))
        sheet.setColumn(
            1, summaryRows.count,
            width: ColumnWidths.fit(summaryRows.map(\.scenario) + strategies, minimum: 16, maximum: 30))
        sheet.freezePanes(row: 4, column: 1)
        sheet.printSetup(
            .init(lastRow: winnerRow, lastColumn: summaryRows.count, repeatRows: 3...3, repeatColumns: 0...0))
    }
}
