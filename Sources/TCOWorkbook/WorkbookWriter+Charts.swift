import TCOCore

extension WorkbookWriter {
    /// The Summary charts of the base scenario: cumulative cash cost by strategy over the calendar
    /// months, and the levelized cost per million tokens by strategy.
    func addCharts(
        _ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet], levelized block: (first: Int, last: Int),
        below row: Int
    ) {
        guard let calc = calcSheets.first, let base = results.first else { return }
        let currency = loaded.base.currency
        let calcRef = CellReference.sheet(calc.name) + "!"
        if let chart = book.addChart(.timeLine) {
            chart.setTitle("Cumulative cash cost by strategy (base scenario)")
            let dates = calcRef + calc.f.absoluteSpan(CalcSheet.dateRow)
            for strategy in loaded.base.strategies {
                guard let rows = calc.strategyRows[strategy.name] else { continue }
                chart.addSeries(
                    name: strategy.name, categories: dates, values: calcRef + calc.f.absoluteSpan(rows.cumulative))
            }
            let largest =
                base.strategies.flatMap { s in
                    var running = 0.0
                    return s.monthly.cost.map {
                        running += $0
                        return abs(running)
                    }
                }.max() ?? 0
            chart.setValueAxis(
                name: currency, numberFormat: Self.moneyAxisFormat(currency: currency, largest: largest))
            // One label a year. Ticks fall every 365.25 days from the axis minimum; starting it 0.75
            // day after the first month keeps every tick within 1.5 days after an anniversary of the
            // start, whatever the leap years, so each label names the right month and year.
            let start = loaded.base.start
            chart.setDateAxis(
                name: "Month", first: InputCatalog.serial(start) + 0.75,
                last: InputCatalog.serial(start.adding(months: calc.months - 1)), step: 365.25,
                numberFormat: "mmm yyyy")
            chart.legendAtBottom()
            sheet.insertChart(chart, row: row, column: 0, scale: (1.6, 1.3))
        }
        if let chart = book.addChart(.column) {
            chart.setTitle("Levelized cost per million tokens (base scenario)")
            chart.addSeries(
                name: "\(currency) per Mtok",
                categories: "Summary!" + CellReference.absolute(row: block.first, column: 0) + ":"
                    + CellReference.absolute(row: block.last, column: 0),
                values: "Summary!" + CellReference.absolute(row: block.first, column: 6) + ":"
                    + CellReference.absolute(row: block.last, column: 6))
            chart.setValueAxis(
                name: "\(currency) per million tokens",
                numberFormat: Self.quote(MoneyFormat.symbolPrefix(currency)) + "0.00")
            chart.setCategoryAxis(name: "Strategy")
            chart.hideLegend()
            sheet.insertChart(chart, row: row, column: 7, scale: (1.2, 1.3))
        }
    }

    /// A money axis in thousands (`$#,##0k`) or millions (`$#,##0.0M`) by the largest value shown.
    static func moneyAxisFormat(currency: String, largest: Double) -> String {
        let symbol = quote(MoneyFormat.symbolPrefix(currency))
        return largest >= 1e6 ? symbol + "#,##0.0,,\"M\"" : symbol + "#,##0,\"k\""
    }

    /// A currency symbol as a literal of a number format (`"CHF "`, `"$"`).
    static func quote(_ text: String) -> String { "\"" + text + "\"" }
}
