import TCOCore

extension WorkbookWriter {
    /// Where each scenario's yearly rows are on Annual: scenario → strategy → rows.
    typealias AnnualRows = [[String: (cash: Int, pnl: Int, capex: Int, depreciation: Int)]]

    /// The time axis of Annual, in the Calc sheets' columns (year 1 in column E).
    private static let annualYearRow = 3, annualFromRow = 4, annualToRow = 5, annualMonthsRow = 6

    /// The `Annual` sheet: cash cost, P&L cost, capex and depreciation by year of the model and
    /// strategy (and the tax and the lines between cash and P&L where the model has them), with
    /// cumulative rows, for every scenario. Each cell adds up a Calc row over the
    /// months whose year (Calc's year row) is the column's year.
    mutating func writeAnnual(_ sheet: XLSXWorksheet, calcSheets: [CalcSheet]) -> AnnualRows {
        let model = loaded.base
        guard let base = calcSheets.first else { return [] }
        let years = (model.horizonMonths + 11) / 12
        let first = CalcLayout.firstMonthColumn
        let last = first + years - 1
        let f = CalcFormulas(months: years, catalog: catalog)
        sheet.write("Annual — cash and P&L cost by year (\(model.currency))", row: 0, column: 0, style: .title)
        sheet.write(
            "Years are 12-month periods from Start (the last may be shorter); each cell is a SUMIFS of a Calc row "
            + "on Calc's year row.",
            row: 1, column: 0, style: .subtitle)
        for (c, text) in ["Line", "Unit", "Total"].enumerated() {
            sheet.write(text, row: 2, column: c, style: .header)
        }
        for y in 1...years { sheet.write("Year \(y)", row: 2, column: first + y - 1, style: .numberHeader) }
        let baseYears = CellReference.sheet(base.name) + "!" + base.f.absoluteSpan(CalcSheet.yearRow)
        let axis: [(Int, String, String, CellStyle.NumberFormat, (Int) -> String, (Int) -> Double)] = [
            (
                Self.annualYearRow, "Year of the model", "year", .integer,
                { c in "\(f.ref(Self.annualYearRow, c - 1))+1" }, { Double($0) }
            ),
            (
                Self.annualFromRow, "From", "month", .date,
                { c in "EDATE(Start,(\(f.ref(Self.annualYearRow, c))-1)*Months_Per_Year)" },
                { InputCatalog.serial(model.start.adding(months: ($0 - 1) * 12)) }
            ),
            (
                Self.annualToRow, "To", "month", .date,
                { c in "EDATE(Start,MIN(\(f.ref(Self.annualYearRow, c))*Months_Per_Year,Horizon_Months)-1)" },
                { InputCatalog.serial(model.start.adding(months: min($0 * 12, model.horizonMonths) - 1)) }
            ),
            (
                Self.annualMonthsRow, "Months in the year", "months", .integer,
                { c in "COUNTIF(\(baseYears),\(f.ref(Self.annualYearRow, c)))" },
                { Double(min($0 * 12, model.horizonMonths) - ($0 - 1) * 12) }
            ),
        ]
        for (row, label, unit, format, formula, value) in axis {
            sheet.write(label, row: row, column: 0, style: .label)
            sheet.write(unit, row: row, column: 1)
            let values = (1...years).map(value)
            for y in 0..<years {
                sheet.write(
                    formula: "=" + formula(first + y), cached: values[y], row: row, column: first + y,
                    style: .calc(format))
            }
            manifest.timelineRows.append(.init(sheet: "Annual", row: row, label: label, months: values, total: nil))
        }

        // The lines that take cash cost to capex and P&L cost by year — inflows at book value, loans,
        // expensed one-time costs — for those some strategy has: with them a year reconciles.
        let bridge = CostLine.allCases.filter { line in
            [.residual, .terminalValue, .financing, .interest, .oneTime].contains(line)
                && results.contains { $0.strategies.contains { $0.monthly[line].contains { $0 != 0 } } }
        }
        var row = Self.annualMonthsRow + 2
        var layout: AnnualRows = []
        var scenarioRows: [Int] = []
        for (calc, result) in zip(calcSheets, results) {
            if row > Self.annualMonthsRow + 2 { scenarioRows.append(row - 1) }  // from the blank row above
            sheet.write("Scenario: \(calc.scenario.name)", row: row, column: 0, style: .title)
            row += 1
            let calcRef = CellReference.sheet(calc.name) + "!"
            let yearSpan = calcRef + calc.f.absoluteSpan(CalcSheet.yearRow)
            var block: [String: (cash: Int, pnl: Int, capex: Int, depreciation: Int)] = [:]
            var rowsByMeasure: [String: [Int]] = [:]
            let measures: [(String, KeyPath<CalcSheet.StrategyRows, Int>, (StrategyResult) -> [Double])] = [
                ("Cash cost", \.cost, { $0.monthly.cost }),
                ("P&L cost", \.pnl, { $0.monthly.pnlCost }),
                ("Capex", \.[.capex], { $0.monthly.capex }),
                ("Depreciation", \.[.depreciation], { $0.monthly.depreciation }),
            ] + (isTaxed ? [
                ("Tax shield", \.taxShield, { $0.monthly.taxShield }),
                ("After-tax cost", \.afterTax, { $0.monthly.afterTaxCost }),
            ] : []) + bridge.map { line in
                (line.label.prefix(1).uppercased() + line.label.dropFirst(), \.[line], { $0.monthly[line] })
            }
            var yearly: [String: [[Double]]] = [:]
            for (measure, keyPath, monthly) in measures {
                sheet.write(measure, row: row, column: 0, style: .label)
                row += 1
                for strategy in result.strategies {
                    guard let lines = calc.strategyRows[strategy.name] else { continue }
                    let source = calcRef + calc.f.span(lines[keyPath: keyPath])
                    let values = Self.byYear(monthly(strategy), years: years)
                    yearly[strategy.name, default: []].append(values)
                    writeAnnualRow(
                        sheet, row: row, label: "\(strategy.name): \(Self.lowercasedFirst(measure))", values: values,
                        total: true
                    ) { c in
                        "SUMIFS(\(source),\(yearSpan),\(f.ref(Self.annualYearRow, c)))"
                    }
                    rowsByMeasure[strategy.name, default: []].append(row)
                    row += 1
                }
            }
            // Cumulative rows of cash, P&L and (when taxed) after-tax cost: measures 0, 1 and 5.
            let cumulative = [(0, "Cumulative cash cost"), (1, "Cumulative P&L cost")]
                + (isTaxed ? [(5, "Cumulative after-tax cost")] : [])
            for (offset, measure) in cumulative {
                sheet.write(measure, row: row, column: 0, style: .label)
                row += 1
                for strategy in result.strategies {
                    guard let source = rowsByMeasure[strategy.name]?[offset],
                        let values = yearly[strategy.name]?[offset]
                    else { continue }
                    var running = 0.0
                    let r = row
                    writeAnnualRow(
                        sheet, row: row, label: "\(strategy.name): \(Self.lowercasedFirst(measure))",
                        values: values.map {
                            running += $0
                            return running
                        }, total: false
                    ) { c in
                        "\(f.ref(r, c - 1))+\(f.ref(source, c))"
                    }
                    row += 1
                }
            }
            for (name, rows) in rowsByMeasure where rows.count >= 4 {
                block[name] = (rows[0], rows[1], rows[2], rows[3])
            }
            layout.append(block)
            row += 1
        }
        let widths = [
            ColumnWidths.fit(model.strategies.map { $0.name + ": cumulative cash cost" }, minimum: 28, maximum: 60),
            8, 15, 2,
        ]
        for (c, width) in widths.enumerated() { sheet.setColumn(c, c, width: width) }
        let yearWidth = 15.0
        sheet.setColumn(first, last, width: yearWidth)
        sheet.freezePanes(row: Self.annualMonthsRow + 1, column: first)
        // A scenario per page, scaled to fit the years across an A4 landscape page.
        let width = widths.reduce(0, +) + Double(years) * yearWidth
        sheet.printSetup(
            .init(
                lastRow: row, lastColumn: last, repeatRows: 2...Self.annualMonthsRow, repeatColumns: 0...2,
                scale: min(100, Int(Self.a4LandscapeWidth / width * 100)), rowBreaksBefore: scenarioRows))
        annualLastRow = row
        return layout
    }

    private mutating func writeAnnualRow(
        _ sheet: XLSXWorksheet, row: Int, label: String, values: [Double], total: Bool,
        formula: (Int) -> String
    ) {
        let first = CalcLayout.firstMonthColumn
        sheet.write(label, row: row, column: 0)
        sheet.write(loaded.base.currency, row: row, column: 1)
        for (y, value) in values.enumerated() {
            sheet.write(
                formula: "=" + formula(first + y), cached: value, row: row, column: first + y, style: .calc(.money))
        }
        let sum = values.reduce(0, +)
        if total {
            let span =
                CellReference.a1(row: row, column: first, absoluteColumn: true) + ":"
                + CellReference.a1(row: row, column: first + values.count - 1, absoluteColumn: true)
            sheet.write(
                formula: "=SUM(\(span))", cached: sum, row: row, column: CalcLayout.totalColumn, style: .total(.money))
        }
        manifest.timelineRows.append(
            .init(sheet: "Annual", row: row, label: label, months: values, total: total ? sum : nil))
    }

    /// Monthly values added up by year of the model (12 months each, the last maybe fewer).
    static func byYear(_ monthly: [Double], years: Int) -> [Double] {
        (0..<years).map { y in monthly[(y * 12)..<min((y + 1) * 12, monthly.count)].reduce(0, +) }
    }

    /// `Cash cost` → `cash cost`, but `P&L cost` stays (an acronym).
    static func lowercasedFirst(_ text: String) -> String {
        let word = text.prefix { $0 != " " }.filter(\.isLetter)
        guard let first = text.first, word.count < 2 || !word.allSatisfy(\.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
