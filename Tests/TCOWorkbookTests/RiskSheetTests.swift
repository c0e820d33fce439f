import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook
import TCOTestSupport

/// The Risk sheet: written only with a simulation, opened by LibreOffice, its shares the
/// simulation's, and every run's draws enough to re-solve that run to the NPVs beside them.
@Suite("workbook: Risk sheet")
struct RiskSheetTests {
    static let runs = 120

    @Test("LibreOffice opens the Risk sheet; shares are the simulation's; a run re-solves from its draws")
    func riskSheet() async throws {
        let (loaded, results) = try WorkbookTests.solve(WorkbookTests.supportCopilot)
        let plan = try #require(loaded.uncertainty)
        let risk = try #require(await RiskAnalysis.simulate(loaded, maximumRuns: Self.runs, concurrency: 2))
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, risk: risk, to: file.path)
        #expect(manifest.sheets.last == "Risk")
        let sheets = try LibreOffice.sheets(of: file, names: ["Risk", "Summary"])
        let rows = try #require(sheets["Risk"])
        let text = rows.flatMap { $0 }
        #expect(!text.contains { $0.hasPrefix("Err:") || $0.hasPrefix("#") }, "error values on the Risk sheet")
        // Per strategy of the base scenario: P(cheapest) as the simulation found it.
        for strategy in try #require(risk.base).strategies {
            let row = try #require(rows.first { $0.count > 6 && $0[0] == "base" && $0[1] == strategy.name })
            // LibreOffice writes a percent cell as shown ("17.5%") or as its value.
            let shown = row[6].hasSuffix("%") ? Double(row[6].dropLast()).map { $0 / 100 } : Double(row[6])
            #expect(abs((shown ?? -1) - strategy.pLowest) < 0.0005 + 1e-12, "\(strategy.name): \(row[6])")
        }
        // The runs table: a header row starting "Run", then one row per run.
        let header = try #require(rows.firstIndex { $0.first == "Run" })
        let runRows = rows[(header + 1)...].filter { Double($0.first ?? "") != nil }
        #expect(runRows.count == Self.runs)
        #expect(Array(rows[header][1...plan.inputs.count]) == plan.inputs.map(\.path))
        // Re-solve run 7 of the base scenario from the draws on the sheet.
        let run = runRows[runRows.startIndex + 6]
        var model = loaded.base
        for (index, input) in plan.inputs.enumerated() { input.apply(&model, try #require(Double(run[1 + index]))) }
        model.enforceLinkedBounds()
        let npvs = Simulation.npvs(of: model)
        for (index, npv) in npvs.enumerated() {
            let shown = try #require(Double(run[1 + plan.inputs.count + index]))
            #expect(abs(shown - npv) <= 1e-6 * max(1, abs(npv)), "strategy \(index): \(shown) vs \(npv)")
        }
        // The histogram counts every run.
        let bins = rows.filter { $0.count > 4 && $0[0].contains(" – ") && Double($0[3]) != nil }
        #expect(bins.count == RiskSheet.bins)
        #expect(bins.compactMap { Double($0[3]) }.reduce(0, +) == Double(Self.runs))
        // Its values are the exported inputs': silent while they stand, a warning once one is edited.
        #expect(rows[2].first ?? "" == "")
        let edited = folder.appendingPathComponent("edited.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: edited.path,
                                     changingInputs: ["Electricity_Price": 0.2], risk: risk)
        let stale = try #require(try LibreOffice.sheets(of: edited, names: ["Risk"])["Risk"])
        #expect(stale[2].first?.hasPrefix("Inputs have changed since export") == true, "\(stale[2])")
    }

    @Test("without a simulation there is no Risk sheet")
    func noRiskSheet() throws {
        let (loaded, results) = try WorkbookTests.solve(WorkbookTests.supportCopilot)
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("b.xlsx").path
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file)
        #expect(!manifest.sheets.contains("Risk"))
    }

    @Test("histogram bins cover every value once", arguments: [[1.0, 2, 3, 4, 5], [7.0, 7, 7], [], [-3.0, 10]])
    func histogram(_ values: [Double]) {
        let histogram = Histogram(values, bins: 4)
        #expect(histogram.bins.map(\.count).reduce(0, +) == values.count)
        if let first = histogram.bins.first, let last = histogram.bins.last {
            #expect(first.from == values.min() && last.to == values.max())
        }
    }

    @Test("a long tail is folded into the end bins: bins are equal between the 1st and 99th percentile")
    func histogramTail() {
        // 0, 1, …, 99 and one run at 10,000: ranks 1 and 99 of 101 sorted values (nearest) are 1 and
        // 99, so 4 bins of (99 − 1) / 4 = 24.5 from 1; the first bin takes 0 as well (from 0 to 25.5)
        // and the last takes 10,000 (from 1 + 3 × 24.5 = 74.5 to 10,000).
        let values = (0..<100).map(Double.init) + [10_000]
        let histogram = Histogram(values, bins: 4, tail: 0.01)
        #expect(histogram.bins.map(\.count) == [26, 24, 25, 26])
        #expect(histogram.bins.first?.from == 0 && histogram.bins.first?.to == 25.5)
        #expect(histogram.bins.last?.from == 74.5 && histogram.bins.last?.to == 10_000)
    }
}
