import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook
import TCOTestSupport

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
        let (folder, file, manifest) = try WorkbookTests.export(path)
        defer { try? FileManager.default.removeItem(at: folder) }
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
    /// (it restarts the trend), a level with a single value under a scheduled rate, a scenario that
    /// replaces a schedule with another and one that replaces a schedule with a single value.
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
            "    serving.rented-h200.commitments: []":
                "    serving.rented-h200.commitments: []\n    facility.electricity: 0.1 USD/kWh",
        ]
        for (original, changed) in changes {
            #expect(text.contains(original), "\(original)")
            text = text.replacingOccurrences(of: original, with: changed)
        }
        let model = folder.appendingPathComponent("variants.yaml")
        try text.write(to: model, atomically: true, encoding: .utf8)
        _ = try Self.expectSolverValues(model.path)
    }

    /// Typing over a step and adding one on the Schedules sheet must move every number as the same
    /// schedule in the model file does, and tell that the solver values are stale.
    @Test("values typed on the Schedules sheet move the results like the same schedule in the model")
    func schedulesAreLive() throws {
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.exampleV2, encoding: .utf8)
        let original = "requests: {2027-01: 300k/month, 2028-01: 600k/month}"
        #expect(text.contains(original))
        let changedModel = folder.appendingPathComponent("changed.yaml")
        try text.replacingOccurrences(
            of: original, with: "requests: {2027-01: 300k/month, 2028-01: 800k/month, 2029-06: 500k/month}"
        ).write(to: changedModel, atomically: true, encoding: .utf8)
        // Month 13 is 2028-01 (typed over), month 30 is 2029-06 (a new step).
        let sheets = try Self.expectEdit(
            of: Self.exampleV2, like: changedModel.path, in: folder,
            schedules: ["workloads.contract-review.requests": [13: 800_000, 30: 500_000]])
        let stale = sheets["Checks"]?.cell(ChecksLayout.staleRow, ChecksLayout.firstScenarioColumn)
        #expect(stale == "1", "the fingerprint sees the edit: \(stale ?? "nothing")")
    }

    /// A price the file leaves out copies the input price's schedule: on the Schedules sheet its
    /// months are formulas on that schedule, so typing over an input price step moves it too.
    @Test("a default copying a schedule follows it when a step is typed over")
    func followedSchedule() throws {
        let folder = try WorkbookTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // example-v2 without frontier's cache-write price: it copies {2027-01: 3, 2027-07: 2.5}, and
        // contract-review writes 5 % of its input to the cache.
        let base = try String(contentsOfFile: Self.exampleV2, encoding: .utf8)
            .replacingOccurrences(of: "    price_cache_write: 3.75 USD/Mtok\n", with: "")
        let model = folder.appendingPathComponent("follows.yaml")
        try base.write(to: model, atomically: true, encoding: .utf8)
        let original = "price_input: {2027-01: 3 USD/Mtok, 2027-07: 2.5 USD/Mtok}"
        #expect(base.contains(original))
        let changedModel = folder.appendingPathComponent("changed.yaml")
        try base.replacingOccurrences(of: original, with: "price_input: {2027-01: 3 USD/Mtok, 2027-07: 2 USD/Mtok}")
            .write(to: changedModel, atomically: true, encoding: .utf8)
        // Month 7 is 2027-07.
        _ = try Self.expectEdit(of: model.path, like: changedModel.path, in: folder,
                                schedules: ["serving.frontier.price_input": [7: 2]])
    }

    /// Writes `model`'s workbook with `schedules` typed over on the Schedules sheet, recalculates it
    /// and expects every cell to equal the solver's values for `changed` (the same edit in the file);
    /// returns the recalculated sheets.
    static func expectEdit(
        of model: String, like changed: String, in folder: URL, schedules: [String: [Int: Double]]
    ) throws -> [String: [[String]]] {
        let (changedLoaded, changedResults) = try WorkbookTests.solve(changed)
        let expected = try WorkbookWriter.write(
            changedLoaded, results: changedResults, to: folder.appendingPathComponent("expected.xlsx").path)
        let (loaded, results) = try WorkbookTests.solve(model)
        let file = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: file.path, changingInputs: [:],
                                     changingSchedules: schedules)
        let sheets = try LibreOffice.sheets(of: file, names: expected.sheets)
        let problems = WorkbookTests.differences(sheets, expected).filter { !WorkbookTests.dependsOnExport($0) }
        #expect(problems.isEmpty, "\(problems.count) differences: \(problems.prefix(8).joined(separator: "\n"))")
        // Integrity checks still pass: the edit only makes the solver's values stale.
        #expect(sheets["Summary"]?.cell(expected.masterCheck.row, expected.masterCheck.column) == "0")
        return sheets
    }

    @Test("Schedules: the written values are the only constants; no formula holds a number but 0 and 1")
    func formulas() throws {
        let (folder, file, manifest) = try WorkbookTests.export(Self.exampleV2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets, formulas: true)
        let rows = try #require(sheets[ScheduleCatalog.sheetName])
        let loaded = try WorkbookTests.solve(Self.exampleV2).0
        let catalog = ScheduleCatalog(loaded, inputs: InputCatalog(loaded))
        let written = Set(catalog.blocks.map(\.writtenRow))
        var problems: [String] = []
        for name in manifest.sheets where name == ScheduleCatalog.sheetName || name.hasPrefix("Calc ") {
            for (r, row) in (sheets[name] ?? []).enumerated() {
                for (c, cell) in row.enumerated() where cell.hasPrefix("=") {
                    let literals = WorkbookTests.numberLiterals(cell).filter { $0 != "0" && $0 != "1" }
                    if !literals.isEmpty { problems.append("\(name)!R\(r + 1)C\(c + 1): \(cell.prefix(120))") }
                }
            }
        }
        // Right of the labels, below the time axis: written values are numbers, every other cell a formula.
        for (r, row) in rows.enumerated() where r > ScheduleCatalog.dateRow {
            for (c, cell) in row.enumerated().prefix(catalog.lastColumn + 1)
            where c >= CalcLayout.firstMonthColumn && !cell.isEmpty && cell.hasPrefix("=") == written.contains(r) {
                problems.append("Schedules!R\(r + 1)C\(c + 1): \(cell)")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(8).joined(separator: "\n"))")
    }

    @Test("a model without schedules has no Schedules sheet")
    func noSheetWithoutSchedules() throws {
        let (loaded, _) = try WorkbookTests.solve(WorkbookTests.supportCopilot)
        #expect(ScheduleCatalog(loaded, inputs: InputCatalog(loaded)).isEmpty)
    }
}
