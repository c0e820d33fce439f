import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook

/// Schedules in the workbook: the `Schedules` sheet's rows and the Calc formulas that step through
/// them must recalculate, in LibreOffice, to the solver's numbers in every scenario.
@Suite("Workbook schedules recalculated by LibreOffice", .serialized)
struct WorkbookScheduleTests {
    /// The contract's `example-v2.yaml`, copied byte for byte.
    static let exampleV2 = WorkbookTests.repository
        .appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml").path

    /// Writes `path`'s workbook, recalculates it, expects every manifest row and cell to show the
    /// solver's value and Master_Check to be OK, and returns the manifest.
    static func expectSolverValues(_ path: String) throws -> WorkbookManifest {
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (loaded, results) = try WorkbookTests.solve(path)
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets)
        let problems = WorkbookTests.differences(sheets, manifest)
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(8).joined(separator: "\n"))")
        let master = sheets["Summary"]?.cell(manifest.masterCheck.row, manifest.masterCheck.column)
        #expect(master == "0", "Master_Check shows \(master ?? "nothing")")
        return manifest
    }

    @Test("example-v2: every Calc and Schedules row equals the solver in every scenario; Master_Check is OK")
    func exampleV2() throws {
        let manifest = try Self.expectSolverValues(Self.exampleV2)
        #expect(manifest.sheets.prefix(3) == ["Summary", "Inputs", "Schedules"])
        #expect(manifest.sheets.filter { $0.hasPrefix("Calc ") }.count == 5)
        #expect(manifest.timelineRows.contains { $0.sheet == "Schedules" })
    }

    /// Schedules example-v2 does not have: a staff pay-rise schedule, a colocation schedule, a
    /// monthly growth schedule mixed with a yearly step, a step that repeats the value before it
    /// (it restarts the trend), a level with a single value under a scheduled rate, and a scenario
    /// that replaces a schedule with another.
    @Test("more schedules: rates per month, repeated values, constant levels under scheduled rates, scenarios")
    func variants() throws {
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Without the uncertainty block: a range cannot be drawn on a value written as a schedule.
        let full = try String(contentsOfFile: Self.exampleV2, encoding: .utf8)
        var text = String(try #require(full.components(separatedBy: "\nuncertainty:").first))
        let changes = [
            "requests: {2027-01: 300k/month, 2028-01: 600k/month}":
                "requests: {2027-01: 300k/month, 2027-10: 300k/month, 2028-01: 600k/month}",
            "growth: {2027-01: 60%/year, 2029-01: 20%/year}":
                "growth: {2026-06: 90%/year, 2027-01: 3%/month, 2028-07: 20%/year}",
            "    growth: 25%/year": "    growth: {2027-01: 25%/year, 2028-01: 1%/month}",
            "cost: 240k USD/year, cost_change: 4%/year": "cost: 240k USD/year, cost_change: {2027-01: 4%/year, "
                + "2029-01: 8%/year}",
            "colocation: 200 USD/kW/month": "colocation: {2027-01: 200 USD/kW/month, 2028-06: 260 USD/kW/month}",
            "    price_change: -8%/year": "    price_change: {2027-01: -8%/year, 2030-01: 0%/year}",
            "price-collapse:\n    serving.frontier.price_change: -50%/year":
                "price-collapse:\n    serving.frontier.price_change: {2027-01: -50%/year, 2028-01: -10%/year}\n"
                + "    workloads.contract-review.requests: {2027-01: 200k/month, 2027-07: 900k/month}",
        ]
        for (original, changed) in changes {
            #expect(text.contains(original), "\(original)")
            text = text.replacingOccurrences(of: original, with: changed)
        }
        let model = folder.appendingPathComponent("variants.yaml")
        try text.write(to: model, atomically: true, encoding: .utf8)
        _ = try Self.expectSolverValues(model.path)
    }

    @Test("a model without schedules has no Schedules sheet")
    func noSheetWithoutSchedules() throws {
        let (loaded, _) = try WorkbookTests.solve(WorkbookTests.supportCopilot)
        #expect(ScheduleCatalog(loaded, inputs: InputCatalog(loaded)).isEmpty)
    }
}
