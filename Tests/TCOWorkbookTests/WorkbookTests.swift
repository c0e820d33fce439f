import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook

/// The exported workbook, recalculated by LibreOffice with recalculation forced on load, must
/// show the solver's numbers in every Calc row and every Summary and Compare cell.
@Suite("Workbook recalculated by LibreOffice", .serialized)
struct WorkbookTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specExample = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml").path
    static let models: [String] = {
        let folder = repository.appendingPathComponent("Models")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.map { folder.appendingPathComponent($0).path } + [specExample]
    }()

    static func solve(_ path: String) throws -> (LoadedModel, [ScenarioResult]) {
        let loaded = try ModelLoader().load(path).result.get()
        return (loaded, loaded.solvedScenarios())
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tco-wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func close(_ text: String, _ expected: Double) -> Bool {
        // LibreOffice writes percent-formatted cells with their sign even in raw mode ("12.5%").
        let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        guard let value else { return false }
        return abs(value - expected) <= 1e-9 * max(abs(expected), 1)
    }

    /// Every difference between the recalculated sheets and the manifest, as readable lines.
    static func differences(_ sheets: [String: [[String]]], _ manifest: WorkbookManifest) -> [String] {
        var problems: [String] = []
        for (name, rows) in sheets {
            for (r, row) in rows.enumerated() {
                for (c, cell) in row.enumerated() where ["Err:", "#NAME?", "#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!"].contains(where: { cell.contains($0) }) {
                    problems.append("\(name)!R\(r + 1)C\(c + 1): \(cell)")
                }
            }
        }
        for line in manifest.timelineRows {
            guard let rows = sheets[line.sheet] else { problems.append("no sheet \(line.sheet)"); continue }
            for (m, expected) in line.months.enumerated() where !close(rows.cell(line.row, manifest.firstMonthColumn + m), expected) {
                problems.append("\(line.sheet) '\(line.label)' month \(m + 1): \(rows.cell(line.row, manifest.firstMonthColumn + m)) ≠ solver \(expected)")
                break
            }
            if let total = line.total, !close(rows.cell(line.row, manifest.totalColumn), total) {
                problems.append("\(line.sheet) '\(line.label)' total: \(rows.cell(line.row, manifest.totalColumn)) ≠ solver \(total)")
            }
        }
        for cell in manifest.cells {
            let shown = sheets[cell.sheet]?.cell(cell.row, cell.column) ?? ""
            if let number = cell.number {
                if !close(shown, number) { problems.append("\(cell.sheet) \(cell.label): \(shown) ≠ solver \(number)") }
            } else if let text = cell.text, shown != text {
                problems.append("\(cell.sheet) \(cell.label): '\(shown)' ≠ '\(text)'")
            }
        }
        return problems
    }

    @Test("every Calc row and every Summary and Compare cell recalculates to the solver's value", arguments: models)
    func recalculatesToSolver(_ path: String) throws {
        let (loaded, results) = try Self.solve(path)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        #expect(manifest.timelineRows.count > 20)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets)
        let problems = Self.differences(sheets, manifest)
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(8).joined(separator: "\n"))")
    }

    @Test("Calc and Summary hold formulas, not constants, except the marked solver cells")
    func formulasNotConstants() throws {
        let (loaded, results) = try Self.solve(Self.specExample)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets, formulas: true)
        var constants: [String] = []
        for name in manifest.sheets where name.hasPrefix("Calc ") {
            let rows = sheets[name] ?? []
            // Below the header row, every cell right of the label and unit columns is a formula,
            // except the calendar-month labels (text).
            for (r, row) in rows.enumerated() where r > 2 && r != CalcSheet.dateRow {
                for (c, cell) in row.enumerated() where c >= CalcLayout.totalColumn && !cell.isEmpty && !cell.hasPrefix("=") {
                    constants.append("\(name)!R\(r + 1)C\(c + 1) = \(cell)")
                }
            }
        }
        for cell in manifest.cells {
            let text = sheets[cell.sheet]?.cell(cell.row, cell.column) ?? ""
            if cell.isSolverValue {
                #expect(!text.hasPrefix("="), "solver cell \(cell.label) should be a value")
            } else if !text.hasPrefix("=") {
                constants.append("\(cell.sheet) \(cell.label) = \(text)")
            }
        }
        #expect(constants.isEmpty, "\(constants.prefix(10).joined(separator: "\n"))")
        // The Summary's numbers are all accounted for by the manifest: every numeric result cell.
        #expect(manifest.cells.filter { $0.sheet == "Summary" && !$0.isSolverValue }.count >= 3 * 3 * 8)
    }

    /// An input changed in the workbook must move the results as the same change in the model file does.
    @Test("changing an input cell moves the results like changing the model", arguments: [
        ("Electricity_Price", "  electricity: 0.11 USD/kWh", "  electricity: 0.19 USD/kWh", 0.19),
        ("W_support_chat_Requests", "    requests: 6M/month", "    requests: 9M/month", 9_000_000),
        ("API_frontier_Price_Output", "    price_output: 15 USD/Mtok", "    price_output: 11 USD/Mtok", 11),
    ])
    func inputsAreLive(_ name: String, _ original: String, _ changed: String, _ value: Double) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The same change written in the model file, solved: what the workbook must show.
        let text = try String(contentsOfFile: Self.specExample, encoding: .utf8)
        #expect(text.contains(original))
        let changedModel = folder.appendingPathComponent("changed.yaml")
        try text.replacingOccurrences(of: original, with: changed).write(to: changedModel, atomically: true, encoding: .utf8)
        let (changedLoaded, changedResults) = try Self.solve(changedModel.path)
        let expected = try WorkbookWriter.write(changedLoaded, results: changedResults, to: folder.appendingPathComponent("expected.xlsx").path)
        // The original workbook with only the input cell changed: cached results are stale.
        let (loaded, results) = try Self.solve(Self.specExample)
        let file = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: file.path, changingInputs: [name: value])
        let sheets = try LibreOffice.sheets(of: file, names: expected.sheets)
        let problems = Self.differences(sheets, expected).filter { !$0.contains("break-even") }
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(8).joined(separator: "\n"))")
        // And the decision moved: base NPV of buy differs from the unchanged model's.
        let before = try #require(results[0].strategy(named: "buy")?.npvCost)
        let after = try #require(changedResults[0].strategy(named: "buy")?.npvCost)
        #expect(name == "Electricity_Price" || before != after)
    }

    @Test("the same model gives a byte-identical workbook")
    func byteIdentical() throws {
        let (loaded, results) = try Self.solve(Self.specExample)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.xlsx"), b = folder.appendingPathComponent("b.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: a.path)
        _ = try WorkbookWriter.write(loaded, results: results, to: b.path)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test("a failed write leaves nothing behind")
    func atomic() throws {
        let (loaded, results) = try Self.solve(Self.specExample)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/book.xlsx")
        #expect(throws: (any Error).self) { try WorkbookWriter.write(loaded, results: results, to: missing.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
