import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOWorkbook
import TCOTestSupport

/// The exported workbook, recalculated by LibreOffice with recalculation forced on load, must
/// show the solver's numbers in every Calc row and every Summary and Compare cell.
@Suite("Workbook recalculated by LibreOffice", .serialized)
struct WorkbookTests {
    static let repository = TestPaths.repository
    static let exampleV2 = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml").path
    static let specExample = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml").path
    /// One-time costs, tax and terminal value none (version 2 features the workbook shows).
    static let financeV2 = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/finance-v2.yaml").path
    /// Cache writes, batch and long-context prices.
    static let billingV2 = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/billing-v2.yaml").path
    static let small = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/small.yaml").path
    static let models: [String] = {
        let folder = repository.appendingPathComponent("Models")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.map { folder.appendingPathComponent($0).path } + [specExample, small, financeV2, billingV2]
    }()

    static func solve(_ path: String) throws -> (LoadedModel, [ScenarioResult]) {
        let loaded = try ModelLoader().load(path).result.get()
        return (loaded, loaded.solvedScenarios())
    }

    static func temporaryFolder() throws -> URL { try TestPaths.temporaryFolder("tco-wb") }

    /// The workbook of the model at `path`, written into a new temporary folder (remove `folder`).
    static func export(_ path: String) throws -> (folder: URL, file: URL, manifest: WorkbookManifest) {
        let (loaded, results) = try solve(path)
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("book.xlsx")
        return (folder, file, try WorkbookWriter.write(loaded, results: results, to: file.path))
    }

    static func close(_ text: String, _ expected: Double) -> Bool {
        // LibreOffice writes percent-formatted cells with their sign even in raw mode ("12.5%"),
        // and date-formatted cells as MM/DD/YYYY.
        let value = text.hasSuffix("%")
            ? Double(text.dropLast()).map { $0 / 100 } : Double(text) ?? serial(ofDate: text)
        guard let value else { return false }
        return isClose(value, expected)
    }

    /// Excel's serial number of a date LibreOffice wrote as `MM/DD/YYYY`.
    static func serial(ofDate text: String) -> Double? {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
        let first = WorkbookWriter.date(of: YearMonth(year: parts[2], month: parts[0]))
        return first.timeIntervalSince1970 / 86_400 + 25_569 + Double(parts[1] - 1)
    }

    /// Whether a manifest line depends on the inputs being the exported ones: the volume break-even
    /// (a solver value), the live input fingerprint, and the checks that compare it.
    static func dependsOnExport(_ line: String) -> Bool {
        ["volume break-even", "fingerprint", "Master_Check", "failures in all", "Solver values current"]
            .contains { line.contains($0) }
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
        let (folder, file, manifest) = try Self.export(path)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(manifest.timelineRows.count > 20)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets)
        let problems = Self.differences(sheets, manifest)
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(8).joined(separator: "\n"))")
    }

    @Test("Calc and Summary hold formulas, not constants, except the marked solver cells")
    func formulasNotConstants() throws {
        let (folder, file, manifest) = try Self.export(Self.specExample)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets, formulas: true)
        var constants: [String] = [], numbers: [String] = []
        for name in manifest.sheets where name.hasPrefix("Calc ") || name == "Annual" {
            let rows = sheets[name] ?? []
            // Below the header row, every cell right of the label and unit columns is a formula.
            for (r, row) in rows.enumerated() where r > 2 {
                for (c, cell) in row.enumerated() where c >= CalcLayout.totalColumn && !cell.isEmpty && !cell.hasPrefix("=") {
                    constants.append("\(name)!R\(r + 1)C\(c + 1) = \(cell)")
                }
            }
        }
        // No number in a formula but 0 and 1: every other constant is a named Inputs row.
        for name in manifest.sheets where name != "Inputs" {
            for (r, row) in (sheets[name] ?? []).enumerated() {
                for (c, cell) in row.enumerated() where cell.hasPrefix("=") {
                    let literals = Self.numberLiterals(cell).filter { $0 != "0" && $0 != "1" }
                    if !literals.isEmpty { numbers.append("\(name)!R\(r + 1)C\(c + 1): \(literals) in \(cell.prefix(120))") }
                }
            }
        }
        #expect(numbers.isEmpty, "\(numbers.count) formulas with numbers: \(numbers.prefix(5).joined(separator: "\n"))")
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

    /// The numbers written in a formula, once text literals, cell references, and names (which
    /// may hold digits, e.g. `W_w1_Requests`) are taken out.
    static func numberLiterals(_ formula: String) -> [String] {
        var text = formula.replacing(/"[^"]*"/, with: " ")
        text = text.replacing(/'[^']*'!/, with: " ")
        text = text.replacing(/\$?[A-Z]{1,3}\$?[0-9]+/, with: " ")
        text = text.replacing(/[A-Za-z_][A-Za-z0-9_.]*/, with: " ")
        return text.matches(of: /[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?/).map { String($0.output.0) }
    }

    /// An input changed in the workbook must move the results as the same change in the model file does.
    @Test("changing an input cell moves the results like changing the model", arguments: [
        ("Electricity_Price", "  electricity: 0.11 USD/kWh", "  electricity: 0.19 USD/kWh", 0.19),
        ("W_support_chat_Requests", "    requests: 6M/month", "    requests: 9M/month", 9_000_000),
        ("API_frontier_Price_Output", "    price_output: 15 USD/Mtok", "    price_output: 11 USD/Mtok", 11),
        // example-v2's private-frontier writes no cache-write price: it follows the input price, and
        // contract-review writes 5 % of its input to the cache on the fallback while servers arrive.
        ("API_private_frontier_Price_Input", "    price_input: 3.3 USD/Mtok", "    price_input: 4 USD/Mtok", 4),
    ])
    func inputsAreLive(_ name: String, _ original: String, _ changed: String, _ value: Double) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = name == "API_private_frontier_Price_Input" ? Self.exampleV2 : Self.specExample
        // The same change written in the model file, solved: what the workbook must show.
        let text = try String(contentsOfFile: model, encoding: .utf8)
        #expect(text.contains(original))
        let changedModel = folder.appendingPathComponent("changed.yaml")
        try text.replacingOccurrences(of: original, with: changed).write(to: changedModel, atomically: true, encoding: .utf8)
        let (changedLoaded, changedResults) = try Self.solve(changedModel.path)
        let expected = try WorkbookWriter.write(changedLoaded, results: changedResults, to: folder.appendingPathComponent("expected.xlsx").path)
        // The original workbook with only the input cell changed: cached results are stale.
        let (loaded, results) = try Self.solve(model)
        let file = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: file.path, changingInputs: [name: value])
        let sheets = try LibreOffice.sheets(of: file, names: expected.sheets)
        let problems = Self.differences(sheets, expected).filter { !Self.dependsOnExport($0) }
        #expect(problems.isEmpty, "\(problems.count) differences, first: \(problems.prefix(8).joined(separator: "\n"))")
        // An edit leaves every integrity check passing: only the solver's values are stale.
        #expect(sheets["Summary"]?.cell(expected.masterCheck.row, expected.masterCheck.column) == "0")
        // And the decision moved: base NPV of buy differs from the unchanged model's.
        let strategy = model == Self.exampleV2 ? "own" : "buy"
        let before = try #require(results[0].strategy(named: strategy)?.npvCost)
        let after = try #require(changedResults[0].strategy(named: strategy)?.npvCost)
        #expect(name == "Electricity_Price" || before != after)
    }

    static let supportCopilot = repository.appendingPathComponent("Models/support-copilot.yaml").path

    /// The fleet corkscrew and the checks on fleets the shipped models do not have: no lead time
    /// (orders delivered in the same month), short lives (several replacements), no residual value.
    @Test("fleet variants recalculate to the solver with every check passing", arguments: [
        ["    lead_time: 2 months": "    lead_time: 0 months"],
        ["    life: 4 years": "    life: 10 months", "    lead_time: 2 months": "    lead_time: 5 months"],
        ["    residual: 10%": "    residual: 0%", "    life: 4 years": "    life: 1 year"],
    ])
    func fleetVariants(_ changes: [String: String]) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: Self.small, encoding: .utf8)
        for (original, changed) in changes {
            #expect(text.contains(original))
            text = text.replacingOccurrences(of: original, with: changed)
        }
        let model = folder.appendingPathComponent("variant.yaml")
        try text.write(to: model, atomically: true, encoding: .utf8)
        let (loaded, results) = try Self.solve(model.path)
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets)
        let problems = Self.differences(sheets, manifest)
        #expect(problems.isEmpty, "\(problems.count) differences: \(problems.prefix(8).joined(separator: "\n"))")
    }

    /// A bad edit on Inputs must turn Master_Check red and fail the check that explains it.
    @Test("a broken input fails its check and Master_Check", arguments: [
        ("S_hybrid_Route_slm_8b", 0.8, "hybrid · support-chat: route shares add to 100 %"),
        ("Horizon_Months", 48, "Calc sheets have one month column per month of the horizon"),
        ("API_private_frontier_Private", 0,
         "buy · account-qa: sensitive data reaches no public API"),
        ("Electricity_Price", 0.2, "Solver values current (volume break-even)"),
        // A lead time of part of a month matches no month column: no order is placed, so the
        // servers in service fall short of the servers needed once deliveries could have begun.
        ("HW_h100_server_Lead_Time", 2.5, "hybrid · slm-8b: servers in service cover the servers needed"),
        ("W_account_qa_Sensitive", 1, nil),
    ] as [(String, Double, String?)])
    func brokenInputFails(_ name: String, _ value: Double, _ failing: String?) throws {
        let (loaded, results) = try Self.solve(Self.supportCopilot)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path, changingInputs: [name: value])
        let sheets = try LibreOffice.sheets(of: file, names: ["Summary", "Checks"])
        let master = sheets["Summary"]?.cell(manifest.masterCheck.row, manifest.masterCheck.column) ?? ""
        let checks = try #require(sheets["Checks"])
        let base = ChecksLayout.firstScenarioColumn
        // Every edit makes the solver values stale in the scenarios that share the base value.
        let stale = checks.cell(ChecksLayout.staleRow, base)
        let summary = try #require(sheets["Summary"])
        let solverValues = summary.cell(manifest.masterCheck.row, 4)
        if let failing, failing.hasPrefix("Solver values current") {
            // Only stale: the workbook is right, Summary says the solver's values need an export.
            #expect(master == "0", "Master_Check shows \(master)")
            #expect(solverValues.hasPrefix("Solver values: stale in "), "\(solverValues)")
            #expect(stale == "1")
        } else if let failing {
            #expect((Double(master) ?? 0) >= 1, "Master_Check shows \(master)")
            let row = try #require(manifest.checkRows.first { $0.label == failing }?.row)
            #expect(checks.cell(row, base) == "1", "\(failing): \(checks.cell(row, base))")
            #expect(stale == "1")
        } else {
            // Setting a value the model already has changes nothing: every check still passes.
            #expect(master == "0")
            #expect(stale == "0")
            #expect(solverValues == "Solver values: current")
        }
    }

    /// Escalation and fallback targets are inputs: switching hybrid's escalation from frontier to
    /// private-frontier (both have rows for support-chat) moves the requests and costs as the same
    /// change in the model file does; a target without rows, or a public fallback for a sensitive
    /// workload, fails its checks.
    @Test("an escalation target changed on Inputs moves the costs; an unmodelled one fails its checks")
    func targetsAreLive() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.supportCopilot, encoding: .utf8)
        let original = "escalation: {rate: 12%, to: frontier}"
        let hybrid = try #require(text.range(of: original))  // hybrid's, the first of two
        let changedModel = folder.appendingPathComponent("changed.yaml")
        try text.replacingCharacters(in: hybrid, with: "escalation: {rate: 12%, to: private-frontier}")
            .write(to: changedModel, atomically: true, encoding: .utf8)
        let (changedLoaded, changedResults) = try Self.solve(changedModel.path)
        let expected = try WorkbookWriter.write(changedLoaded, results: changedResults,
                                                to: folder.appendingPathComponent("expected.xlsx").path)
        let (loaded, results) = try Self.solve(Self.supportCopilot)
        let file = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookWriter.write(loaded, results: results, to: file.path, changingInputs: [:],
                                     changingTexts: ["S_hybrid_Escalation_To": "private-frontier"])
        let sheets = try LibreOffice.sheets(of: file, names: expected.sheets)
        let problems = Self.differences(sheets, expected).filter { !Self.dependsOnExport($0) }
        #expect(problems.isEmpty, "\(problems.count) differences: \(problems.prefix(8).joined(separator: "\n"))")
        #expect(results[0].strategy(named: "hybrid")?.npvCost != changedResults[0].strategy(named: "hybrid")?.npvCost)

        // A public fallback: account-qa (sensitive) has no frontier rows in hybrid, and frontier is not private.
        let broken = folder.appendingPathComponent("broken.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: broken.path, changingInputs: [:],
                                                changingTexts: ["S_hybrid_Fallback": "frontier"])
        let checks = try #require(try LibreOffice.sheets(of: broken, names: ["Checks"])["Checks"])
        for failing in ["hybrid: fallback is a modelled API option", "hybrid · account-qa: sensitive data reaches no public API"] {
            let row = try #require(manifest.checkRows.first { $0.label == failing }?.row)
            #expect(checks.cell(row, ChecksLayout.firstScenarioColumn) == "1", "\(failing)")
        }
    }

    /// The API price break-even is a live formula: every side the contract defines must come out
    /// as the solver's bisection, whichever strategy is the baseline (support-copilot: `above`
    /// against buy; `below`, `always` and `never` against hybrid and rent).
    @Test("the API price break-even formula gives the contract's value on every side",
          arguments: ["buy", "hybrid", "rent"])
    func priceBreakEvenSides(_ baseline: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.supportCopilot, encoding: .utf8)
        #expect(text.contains("\nbaseline: buy\n"))
        let model = folder.appendingPathComponent("baseline-\(baseline).yaml")
        try text.replacingOccurrences(of: "\nbaseline: buy\n", with: "\nbaseline: \(baseline)\n")
            .write(to: model, atomically: true, encoding: .utf8)
        let (loaded, results) = try Self.solve(model.path)
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let sheets = try LibreOffice.sheets(of: file, names: manifest.sheets)
        let problems = Self.differences(sheets, manifest)
        #expect(problems.isEmpty, "\(problems.count) differences: \(problems.prefix(8).joined(separator: "\n"))")
        let sides = Set(results.flatMap { $0.comparisons.map(\.breakEvenPrice.side) })
        #expect(!sides.isEmpty)
    }

    /// The text of one part of an .xlsx archive (`xl/charts/chart1.xml`), read with `unzip -p`.
    static func part(_ path: String, of book: URL) throws -> String {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", book.path, path]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("charts have money and date axes; every sheet freezes its headings and prints landscape with titles")
    func presentation() throws {
        let (loaded, results) = try Self.solve(Self.supportCopilot)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let cumulative = try Self.part("xl/charts/chart1.xml", of: file)
        #expect(cumulative.contains("formatCode=\"&quot;$&quot;#,##0.0,,&quot;M&quot;\""), "money axis in $M")
        #expect(cumulative.contains("formatCode=\"mmm yyyy\""), "date axis")
        #expect(cumulative.contains("<c:scatterChart>"), "a time scale, not month numbers as categories")
        let perToken = try Self.part("xl/charts/chart2.xml", of: file)
        #expect(perToken.contains("formatCode=\"&quot;$&quot;0.00\""), "cents on a $0–2 scale")
        for index in manifest.sheets.indices {
            let sheet = try Self.part("xl/worksheets/sheet\(index + 1).xml", of: file)
            #expect(sheet.contains("<pane "), "\(manifest.sheets[index]) freezes panes")
            #expect(sheet.contains("orientation=\"landscape\""), "\(manifest.sheets[index]) prints landscape")
        }
        let workbook = try Self.part("xl/workbook.xml", of: file)
        for (index, name) in manifest.sheets.enumerated() where name.hasPrefix("Calc ") {
            #expect(workbook.contains("\"_xlnm.Print_Titles\" localSheetId=\"\(index)\""),
                    "\(name) repeats its labels and time axis on every page")
        }
        #expect(workbook.contains("name=\"Master_Check\""))
    }

    /// A reviewer typing on Inputs gets the model file's rules: whole numbers for counts and months,
    /// open ends where the model excludes the end (a price change of −100 % is not allowed).
    @Test("input cells accept what the model file accepts: whole numbers, open and closed ends")
    func inputValidation() throws {
        let (loaded, results) = try Self.solve(Self.supportCopilot)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx")
        let manifest = try WorkbookWriter.write(loaded, results: results, to: file.path)
        let index = try #require(manifest.sheets.firstIndex(of: "Inputs"))
        let sheet = try Self.part("xl/worksheets/sheet\(index + 1).xml", of: file)
        let says = [
            "type=\"whole\" operator=\"greaterThanOrEqual\" allowBlank=\"1\" showInputMessage=\"1\" "
                + "showErrorMessage=\"1\" error=\"h100-server: lead time (months): must be a whole number, at least 0\"",
            "type=\"decimal\" operator=\"greaterThan\" allowBlank=\"1\" showInputMessage=\"1\" "
                + "showErrorMessage=\"1\" error=\"frontier: price change: must be above -100 %\"",
            "error=\"h100-server: residual value: must be at least 0 % and below 100 %\"",
            "error=\"Tax rate: must be from 0 % to 100 %\"",
        ]
        for text in says { #expect(sheet.contains(text), "\(text)") }
        #expect(sheet.contains("<formula1>AND(ISNUMBER("), "an open end inside a range is a formula")
    }

    @Test("allowed ranges in words")
    func allowedRangeText() {
        #expect(AllowedRange(.rateOfChange, whole: false).text(format: .percent) == "must be above -100 %")
        #expect(AllowedRange(.atLeastOne, whole: true).text(format: .integer) == "must be a whole number, at least 1")
        #expect(AllowedRange(.share, whole: false).text(format: .percent) == "must be from 0 % to 100 %")
        #expect(AllowedRange(InputBounds(0, 1, highestExclusive: true), whole: false).text(format: .percent)
            == "must be at least 0 % and below 100 %")
        #expect(AllowedRange.closed(0.15, 2.5).text(format: .number) == "must be from 0.15 to 2.5")
        #expect(AllowedRange.any.text(format: .number) == "any number")
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
