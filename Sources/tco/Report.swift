import ArgumentParser
import Foundation
import TCOCore
import TCOLoading
import TCOMemo
import TCOWorkbook

/// `tco report MODEL [--output DIR]`: the workbook (and memo) for a review meeting.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the decision workbook (DIR/<stem>.xlsx) and review memo (DIR/<stem>.md) for a model.",
        discussion: """
            The memo's charts are written beside it as DIR/<stem>-cumulative-cost.svg and \
            DIR/<stem>-cost-per-mtok.svg, and with an uncertainty block DIR/<stem>-risk-tornado.svg \
            (the workbook then has a Risk sheet). Nothing is written when the model has errors; every file is \
            written to a temporary name, and all are renamed into place only when every one was written.
            """)

    @Argument(help: "Model file (YAML).")
    var model: String

    @Option(help: "Folder for the outputs.")
    var output = "reports"

    @Option(help: "Memo template (Mustache); default: the built-in Templates/memo.md.mustache.")
    var template: String?

    func run() async throws {
        let loaded = try Terminal.load(model)
        let results = loaded.solvedScenarios()
        let stem = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        // Checked before the simulation, which can take a while, so a wrong --output fails at once.
        try Terminal.checkOutputFolder(
            output, names: ["\(stem).xlsx", "\(stem).md", MemoCharts.riskTornadoName(stem: stem)], protecting: [loaded])
        let risk = await Self.simulate(loaded)
        let charts = MemoCharts.files(loaded, results: results, stem: stem)
            + MemoCharts.riskFiles(loaded, risk: risk, stem: stem)
        try Terminal.writeOutputs(
            to: output, stem: stem, failurePrefix: "\(model): ",
            memo: {
                try MemoTemplate.memo(at: template).render(
                    MemoContext.make(loaded, results: results, chartStem: stem, risk: risk))
            },
            workbook: { _ = try WorkbookWriter.write(loaded, results: results, risk: risk, to: $0) },
            extras: charts.map { ($0.name, $0.svg) }, protecting: [loaded])
    }

    /// The Monte Carlo simulation of the model's `uncertainty` block (none without one), with a
    /// progress bar on a terminal.
    static func simulate(_ loaded: LoadedModel) async -> RiskAnalysis? {
        guard loaded.uncertainty != nil else { return nil }
        let bar = ProgressBar(total: RiskAnalysis.totalRuns(loaded), label: "simulating")
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        let risk = await RiskAnalysis.simulate(loaded, progress: progress)
        bar?.finish()
        return risk
    }
}
