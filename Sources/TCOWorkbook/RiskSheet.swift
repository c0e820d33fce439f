import TCOCore
import TCOLoading

/// The Risk sheet (uncertainty.md): how often each strategy is the cheapest over the ranges of the
/// model's `uncertainty` block — percentiles and shares per scenario and strategy, a histogram of the
/// recommended strategy's NPV savings, the tornado, and every run's draws and NPVs as values, so a
/// reviewer can copy one run's draws into Inputs and re-solve it.
struct RiskSheet {
    static let name = "Risk"
    /// Bins of the histogram: enough to show the shape, few enough to read the labels.
    static let bins = 20

    let model: Model
    let scenarioNames: [String]
    let risk: RiskAnalysis

    /// The strategy the histogram and tornado are about, and the one it is measured against (base scenario).
    var subject: (strategy: String, against: String)? {
        guard let tornado = risk.base?.tornado else { return nil }
        return (tornado.strategy, tornado.against)
    }

    func write(_ sheet: XLSXWorksheet, book: XLSXWorkbook) {
        let result = risk.result
        sheet.write("Risk: how sure is the recommendation?", row: 0, column: 0, style: .title)
        sheet.write(
            "\(result.runs) run\(result.runs == 1 ? "" : "s"), seed \(result.seed): each run draws every input of "
                + "the uncertainty block once and "
                + "solves every strategy of every scenario with the same draws. NPV of cost after tax. Values, not "
                + "formulas: the runs are listed below, so any one can be re-solved by typing its draws on Inputs.",
            row: 1, column: 0, style: .note)
        // The wrapped note needs its lines' height, or it runs over the title.
        sheet.setRowHeight(1, points: 45)
        // Values go stale when an input is edited; the fingerprint check says when.
        let stale = "Checks!" + CellReference.absolute(row: ChecksLayout.staleRow, column: ChecksLayout.failuresColumn)
        sheet.write(
            formula: "=IF(\(stale)>0,\"Inputs have changed since export: these runs are of the exported inputs; "
                + "run tco report again for runs of the new ones.\",\"\")",
            cachedText: "", row: 2, column: 0, style: .note)
        var row = 3
        row = writeStrategies(sheet, from: row) + 1
        row = writeInputs(sheet, from: row) + 1
        let histogram = writeHistogram(sheet, from: row)
        row = histogram.end + 1
        let tornado = writeTornado(sheet, from: row)
        row = tornado.end + 1
        writeRuns(sheet, from: row)
        addCharts(sheet, book: book, histogram: histogram, tornado: tornado)
        sheet.setColumn(0, 0, width: 36)
        sheet.setColumn(1, 12, width: 15)
        sheet.freezePanes(row: 3, column: 1)
        // Print the results and the charts beside them, not the thousands of rows of runs below.
        // The tables, fitted to the page width (with the charts beside them the text came out at
        // 4.5 pt; the memo prints the same charts).
        sheet.printSetup(.init(lastRow: tornado.end, lastColumn: Self.tablesLastColumn,
                               repeatRows: nil, repeatColumns: nil, scale: nil))
    }

    /// Where the two charts start (rows 3 and 22), right of the tables (columns 0 to 12).
    static let chartsFirstColumn = 14, tablesLastColumn = 12

    /// Per scenario and strategy: NPV percentiles, P(cheapest), regret, and savings against the baseline.
    private func writeStrategies(_ sheet: XLSXWorksheet, from first: Int) -> Int {
        let headers = [
            "Scenario", "Strategy", model.finance.taxRate > 0 ? "Mean NPV of cost after tax" : "Mean NPV of cost",
            "P5", "P50", "P95", "P(cheapest)", "Expected regret",
            "Mean NPV savings", "Savings P5", "Savings P50", "Savings P95", "P(no dearer than baseline)",
        ]
        for (column, text) in headers.enumerated() { sheet.write(text, row: first, column: column, style: .header) }
        var row = first + 1
        for scenario in risk.result.scenarios {
            for strategy in scenario.strategies {
                sheet.write(scenario.name, row: row, column: 0, style: .label)
                sheet.write(strategy.name, row: row, column: 1, style: .label)
                let spread = strategy.npvCost
                for (offset, value) in [spread.mean, spread.p5, spread.p50, spread.p95].enumerated() {
                    sheet.write(value, row: row, column: 2 + offset, style: .solver(.money))
                }
                sheet.write(strategy.pLowest, row: row, column: 6, style: .solver(.percent))
                sheet.write(strategy.expectedRegret, row: row, column: 7, style: .solver(.money))
                if let comparison = scenario.comparisons.first(where: { $0.strategy == strategy.name }) {
                    let savings = comparison.npvSavings
                    for (offset, value) in [savings.mean, savings.p5, savings.p50, savings.p95].enumerated() {
                        sheet.write(value, row: row, column: 8 + offset, style: .solver(.money))
                    }
                    sheet.write(comparison.pNoDearer, row: row, column: 12, style: .solver(.percent))
                } else {
                    sheet.write("baseline", row: row, column: 8, style: .note)
                }
                row += 1
            }
        }
        return row
    }

    /// The uncertain inputs and their ranges as written.
    private func writeInputs(_ sheet: XLSXWorksheet, from first: Int) -> Int {
        sheet.write("Uncertain input", row: first, column: 0, style: .header)
        sheet.write("Range (a 90 % interval unless triangular or uniform)", row: first, column: 1, style: .header)
        for (index, path) in risk.result.inputs.enumerated() {
            sheet.write(path, row: first + 1 + index, column: 0, style: .label)
            sheet.write(index < risk.texts.count ? risk.texts[index] : "", row: first + 1 + index, column: 1)
        }
        return first + 1 + risk.result.inputs.count
    }

    /// A table of bins: where the histogram chart takes its categories and counts from.
    struct Block { var firstRow: Int, lastRow: Int, end: Int }

    /// The base scenario's NPV savings of the subject against the other strategy, in equal bins.
    private func writeHistogram(_ sheet: XLSXWorksheet, from first: Int) -> Block {
        guard let subject, let s = model.strategies.firstIndex(where: { $0.name == subject.strategy }),
            let a = model.strategies.firstIndex(where: { $0.name == subject.against }),
            let npvs = risk.runs.npvs.first
        else { return Block(firstRow: first, lastRow: first - 1, end: first) }
        sheet.write(
            "NPV savings of \(subject.strategy) against \(subject.against), base scenario: runs per bin",
            row: first, column: 0, style: .subtitle)
        for (column, text) in ["Bin (from – to)", "From", "To", "Runs", "Share"].enumerated() {
            sheet.write(text, row: first + 1, column: column, style: .header)
        }
        let histogram = Histogram(npvs.map { $0[a] - $0[s] }, bins: Self.bins, tail: 0.01)
        for (index, bin) in histogram.bins.enumerated() {
            let row = first + 2 + index
            let label = MoneyFormat.short(bin.from, currency: model.currency) + " – "
                + MoneyFormat.short(bin.to, currency: model.currency)
            sheet.write(label, row: row, column: 0, style: .label)
            sheet.write(bin.from, row: row, column: 1, style: .solver(.money))
            sheet.write(bin.to, row: row, column: 2, style: .solver(.money))
            sheet.write(Double(bin.count), row: row, column: 3, style: .solver(.integer))
            sheet.write(Double(bin.count) / Double(max(npvs.count, 1)), row: row, column: 4, style: .solver(.percent))
        }
        let last = first + 1 + histogram.bins.count
        return Block(firstRow: first + 2, lastRow: last, end: last + 1)
    }

    /// The base scenario's tornado: savings with each input at its 5th and 95th percentile.
    private func writeTornado(_ sheet: XLSXWorksheet, from first: Int) -> Block {
        guard let tornado = risk.base?.tornado, !tornado.inputs.isEmpty else {
            return Block(firstRow: first, lastRow: first - 1, end: first)
        }
        sheet.write(
            "What decides it: NPV savings of \(tornado.strategy) against \(tornado.against) with one input at its "
                + "5th or 95th percentile, the others at the model's values (base scenario)",
            row: first, column: 0, style: .subtitle)
        for (column, text) in ["Input", "Savings at P5", "Savings at P95", "Swing"].enumerated() {
            sheet.write(text, row: first + 1, column: column, style: .header)
        }
        for (index, input) in tornado.inputs.enumerated() {
            let row = first + 2 + index
            sheet.write(input.path, row: row, column: 0, style: .label)
            sheet.write(input.savingsLow, row: row, column: 1, style: .solver(.money))
            sheet.write(input.savingsHigh, row: row, column: 2, style: .solver(.money))
            sheet.write(input.swing, row: row, column: 3, style: .solver(.money))
        }
        let last = first + 1 + tornado.inputs.count
        return Block(firstRow: first + 2, lastRow: last, end: last + 1)
    }

    /// Every run: its draws (in the unit the model stores) and each scenario's NPV per strategy.
    private func writeRuns(_ sheet: XLSXWorksheet, from first: Int) {
        sheet.write(
            "Every run: the draws (rates and shares as fractions, volumes per month) and the NPV of cost of each "
                + "strategy. A scenario that sets an input itself keeps its own value instead of the draw.",
            row: first, column: 0, style: .subtitle)
        var headers = ["Run"] + risk.result.inputs
        for scenario in risk.result.scenarios {
            headers += scenario.strategies.map { "\(scenario.name): \($0.name)" }
        }
        for (column, text) in headers.enumerated() { sheet.write(text, row: first + 1, column: column, style: .header) }
        for (run, draws) in risk.runs.draws.enumerated() {
            let row = first + 2 + run
            sheet.write(Double(run + 1), row: row, column: 0, style: .solver(.integer))
            for (index, value) in draws.enumerated() {
                sheet.write(value, row: row, column: 1 + index, style: .solver(.scientific))
            }
            var column = 1 + draws.count
            for scenario in risk.runs.npvs {
                for value in scenario[run] {
                    sheet.write(value, row: row, column: column, style: .solver(.money))
                    column += 1
                }
            }
        }
    }

    private func addCharts(_ sheet: XLSXWorksheet, book: XLSXWorkbook, histogram: Block, tornado: Block) {
        let prefix = CellReference.sheet(Self.name) + "!"
        func span(_ block: Block, _ column: Int) -> String {
            prefix + CellReference.absolute(row: block.firstRow, column: column) + ":"
                + CellReference.absolute(row: block.lastRow, column: column)
        }
        let axis = WorkbookWriter.moneyAxisFormat(currency: model.currency, largest: 1e6)
        if histogram.lastRow >= histogram.firstRow, let subject, let chart = book.addChart(.column) {
            chart.setTitle("NPV savings of \(subject.strategy) against \(subject.against) (base scenario)")
            chart.addSeries(name: "Runs", categories: span(histogram, 0), values: span(histogram, 3))
            chart.setValueAxis(name: "Runs", numberFormat: "#,##0")
            chart.setCategoryAxis(name: "NPV savings (\(model.currency))")
            chart.hideLegend()
            sheet.insertChart(chart, row: 3, column: Self.chartsFirstColumn, scale: (1.6, 1.2))
        }
        if tornado.lastRow >= tornado.firstRow, let chart = book.addChart(.bar) {
            chart.setTitle("What decides it (base scenario)")
            chart.addSeries(name: "Input at P5", categories: span(tornado, 0), values: span(tornado, 1))
            chart.addSeries(name: "Input at P95", categories: span(tornado, 0), values: span(tornado, 2))
            chart.setValueAxis(name: "NPV savings (\(model.currency))", numberFormat: axis)
            chart.legendAtBottom()
            sheet.insertChart(chart, row: 22, column: Self.chartsFirstColumn, scale: (1.6, 1.2))
        }
    }
}
