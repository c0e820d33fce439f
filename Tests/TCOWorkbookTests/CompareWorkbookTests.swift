import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook
import TCOTestSupport

/// The comparison workbook of `tco compare --output`, read back through LibreOffice.
@Suite("Comparison workbook")
struct CompareWorkbookTests {
    @Test("Compare shows capex, peak servers and payback of both versions; matched strategies under both names")
    func reviewerColumns() throws {
        let (a, ra) = try WorkbookTests.solve(WorkbookTests.specExample)
        let renamed = "Tests/TCOMemoTests/Fixtures/models/spec-example-renamed.yaml"
        let (b, rb) = try WorkbookTests.solve(WorkbookTests.repository.appendingPathComponent(renamed).path)
        let matches = [ModelComparison.StrategyMatch(old: "hybrid", new: "own-gpus")]
        let comparison = ModelComparison(a, ra, b, rb, matches: matches)
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("compare.xlsx")
        try CompareWorkbookWriter.write(comparison, a: a, b: b, to: book.path)

        let sheet = try #require(try LibreOffice.sheets(of: book, names: ["Compare"])["Compare"])
        #expect(Array(sheet[2].prefix(14)) == [
            "Scenario", "Strategy", "NPV A", "NPV B", "Δ NPV (B − A)", "Cost/Mtok A", "Cost/Mtok B", "Δ cost/Mtok",
            "Capex A", "Capex B", "Peak servers A", "Peak servers B", "Payback A", "Payback B",
        ])
        for (i, r) in comparison.results.enumerated() {
            let row = 3 + i
            #expect(sheet.cell(row, 1) == r.label)
            #expect(WorkbookTests.close(sheet.cell(row, 4), r.npvDelta))
            #expect(WorkbookTests.close(sheet.cell(row, 8), r.old.capex))
            #expect(WorkbookTests.close(sheet.cell(row, 9), r.new.capex))
            #expect(sheet.cell(row, 10) == String(r.old.serversMax))
            #expect(sheet.cell(row, 11) == String(r.new.serversMax))
        }
        let hybrid = try #require(comparison.results.firstIndex { $0.scenario == "base" && $0.strategy == "hybrid" })
        #expect(sheet.cell(3 + hybrid, 1) == "hybrid → own-gpus")
        #expect(sheet.cell(3 + hybrid, 12) == "18")
        let buy = try #require(comparison.results.firstIndex { $0.scenario == "base" && $0.strategy == "buy" })
        #expect(sheet.cell(3 + buy, 12) == "baseline")
    }
}
