import Foundation
import TCOCore

extension WorkbookWriter {
    static let inputsHeaderRow = 3
    /// Column of the base values on `Inputs`; scenario `s` is `inputsBaseColumn + s`.
    static let inputsBaseColumn = 4
    /// Width of the Source column, whose text wraps.
    static let sourceWidth = 48.0

    /// The `Inputs` sheet: one row per assumption with its defined name, a column per scenario,
    /// the source, and the fixed weight of the input fingerprint (Checks, "solver values current").
    mutating func writeInputs(_ sheet: XLSXWorksheet, book: XLSXWorkbook, calcSheets: [CalcSheet]) throws {
        let model = loaded.base
        let scenarios = loaded.scenarios
        sheet.write("Inputs — \(model.title)", row: 0, column: 0, style: .title)
        sheet.write(
            "Every assumption, one row each. Blue on yellow: inputs you may change. A scenario column links to "
                + "the base value unless the scenario overrides it. Each value has a defined name used by the Calc "
                + "sheets.",
            row: 1, column: 0, style: .subtitle)
        let baseColumn = Self.inputsBaseColumn
        let sourceColumn = baseColumn + scenarios.count
        let weightColumn = sourceColumn + 1
        let headers =
            ["Key path", "Defined name", "Assumption", "Unit"]
            + scenarios.map { $0.name == "base" ? "base" : "scenario: \($0.name)" }
            + ["Source", "Fingerprint weight"]
        for (c, text) in headers.enumerated() {
            sheet.write(text, row: Self.inputsHeaderRow, column: c, style: .header)
        }
        sheet.comment(
            "Fixed weights of the input fingerprint: Checks recomputes Σ weight × value per scenario column and "
                + "compares it with the sum at export, to tell whether the solver values (lilac) still match the "
                + "inputs. Do not edit.",
            row: Self.inputsHeaderRow, column: weightColumn)
        var fingerprints = [Double](repeating: 0, count: scenarios.count)
        let rowsByKey = Dictionary(catalog.items.enumerated().map { ($1.key, Self.inputsHeaderRow + 1 + $0) },
                                   uniquingKeysWith: { first, _ in first })
        for (i, item) in catalog.items.enumerated() {
            let row = Self.inputsHeaderRow + 1 + i
            inputRows[item.key] = row
            sheet.write(item.key, row: row, column: 0)
            sheet.write(item.name, row: row, column: 1)
            // A scheduled input shows its month 1 here: say so, and where its steps are.
            let isScheduled = scenarios.indices.contains { schedules.block(item.key, scenario: $0) != nil }
            let label = ScheduleCatalog.label(item.label) + (isScheduled ? " (month 1; steps on Schedules)" : "")
            sheet.write(label, row: row, column: 2)
            sheet.write(item.unit, row: row, column: 3)
            let isConvention = item.key.hasPrefix("calendar.") || item.key == "horizon"
            if let texts = item.texts {
                writeTextInput(sheet, item, texts, row: row)
                // A target counts by its position among the choices, so changing it fails the check.
                let weight = Self.fingerprintWeight(index: i, values: [Double(item.choices.count)])
                sheet.write(weight, row: row, column: weightColumn, style: .calc(.scientific))
                for s in fingerprints.indices { fingerprints[s] += weight * Self.choiceCode(texts[s], item.choices) }
            } else {
                for (s, value) in item.values.enumerated() {
                    let column = baseColumn + s
                    if let block = schedules.block(item.key, scenario: s) {
                        writeScheduled(sheet, item, block, row: row, column: column)
                        continue
                    }
                    // A default that follows another input: that input's cell in the same scenario
                    // column, unless this scenario writes a value of its own.
                    if let followed = item.follows, let followedRow = rowsByKey[followed],
                        s == 0 || !overrides(s, item.key)
                    {
                        sheet.write(
                            formula: "=" + CellReference.a1(row: followedRow, column: column), cached: value, row: row,
                            column: column, style: .calc(item.format))
                        continue
                    }
                    if s > 0, value == item.values[0], !overrides(s, item.key) {
                        sheet.write(
                            formula: "=" + CellReference.a1(row: row, column: baseColumn), cached: value, row: row,
                            column: column,
                            style: .calc(item.format))
                        continue
                    }
                    let shown = s == 0 ? changedInputs[item.name] ?? value : value
                    sheet.write(
                        shown, row: row, column: column, style: isConvention ? .calc(item.format) : .input(item.format)
                    )
                    if !isConvention, item.format != .yearMonth {
                        sheet.validateNumber(
                            row: row, column: column, range: item.range,
                            message: "\(item.label): " + item.range.text(format: item.format))
                    }
                }
                let weight = Self.fingerprintWeight(index: i, values: item.values)
                sheet.write(weight, row: row, column: weightColumn, style: .calc(.scientific))
                for s in fingerprints.indices {
                    // A schedule's cell shows its month 1 (a rate per year where the model mixes periods).
                    fingerprints[s] += weight * (schedules.block(item.key, scenario: s)?.inForce[0] ?? item.values[s])
                }
            }
            if let source = item.source {
                sheet.write(source, row: row, column: sourceColumn, style: .note)
                if !isConvention { sheet.comment("Source: \(source)", row: row, column: baseColumn) }
                // Wrapped in the source column: as many lines as it takes (estimated), at most six.
                let lines = min(6, (source.count + Int(Self.sourceWidth) - 9) / (Int(Self.sourceWidth) - 8))
                if lines > 1 { sheet.setRowHeight(row, points: 15 * Double(lines)) }
            }
            try book.defineName(item.name, refersTo: "=Inputs!" + CellReference.absolute(row: row, column: baseColumn))
            manifest.inputCells[item.name] = (row, baseColumn)
            for (s, calc) in calcSheets.enumerated() where s > 0 {
                try book.defineName(
                    "\(CellReference.sheet(calc.name))!\(item.name)",
                    refersTo: "=Inputs!" + CellReference.absolute(row: row, column: baseColumn + s))
            }
        }
        for s in fingerprints.indices {
            fingerprints[s] += schedules.blocks(scenario: s).reduce(0) { $0 + $1.fingerprint }
        }
        exportFingerprints = fingerprints
        let lastRow = Self.inputsHeaderRow + catalog.items.count
        sheet.setColumn(0, 0, width: ColumnWidths.fit(catalog.items.map(\.key), minimum: 12, maximum: 48))
        sheet.setColumn(1, 1, width: ColumnWidths.fit(catalog.items.map(\.name), minimum: 12, maximum: 40))
        sheet.setColumn(2, 2, width: ColumnWidths.fit(catalog.items.map(\.label), minimum: 12, maximum: 56))
        sheet.setColumn(3, 3, width: ColumnWidths.fit(catalog.items.map(\.unit), minimum: 8, maximum: 18))
        let scenarioHeaders = Array(headers[baseColumn..<sourceColumn])
        let scenarioWidth = scenarioHeaders.map {
            ColumnWidths.fit(wrappedHeader: $0, values: [], minimum: 14, maximum: 22)
        }.max() ?? 14
        sheet.setColumn(baseColumn, sourceColumn - 1, width: scenarioWidth)
        let headerLines = scenarioHeaders.map { ColumnWidths.lines($0, width: scenarioWidth) }.max() ?? 1
        sheet.setRowHeight(Self.inputsHeaderRow, points: 15 * Double(headerLines))
        sheet.setColumn(sourceColumn, sourceColumn, width: Self.sourceWidth)
        sheet.setColumn(weightColumn, weightColumn, width: 12)
        sheet.freezePanes(row: Self.inputsHeaderRow + 1, column: baseColumn)
        // Printed from the assumption to its source: the key path and defined name are for the
        // screen (formulas, the model file), and the page keeps a readable scale without them.
        sheet.printSetup(
            .init(
                lastRow: lastRow, lastColumn: sourceColumn, firstColumn: 2, firstRow: Self.inputsHeaderRow,
                pageTitle: "Inputs — \(model.title)",
                repeatRows: Self.inputsHeaderRow...Self.inputsHeaderRow))
    }

    /// An input the scenario writes as a schedule: not an input here but month 1's value from the
    /// `Schedules` sheet, so that the sheet never shows a second value to edit that nothing reads.
    private func writeScheduled(
        _ sheet: XLSXWorksheet, _ item: InputCatalog.Item, _ block: ScheduleCatalog.Block, row: Int, column: Int
    ) {
        let first = CellReference.absolute(row: block.inForceRow, column: CalcLayout.firstMonthColumn)
        sheet.write(
            formula: "=\(ScheduleCatalog.sheetName)!\(first)", cached: block.inForce[0], row: row, column: column,
            style: .calc(item.format))
        sheet.comment(
            "A schedule: the value changes on known dates. Edit it on the Schedules sheet "
                + "(row \(block.writtenRow + 1)); this is month 1's value.",
            row: row, column: column)
    }

    /// A text input (an escalation or fallback target): a drop-down of the model's API options.
    private func writeTextInput(_ sheet: XLSXWorksheet, _ item: InputCatalog.Item, _ texts: [String], row: Int) {
        let baseColumn = Self.inputsBaseColumn
        for (s, text) in texts.enumerated() {
            let column = baseColumn + s
            if s > 0, text == texts[0], !overrides(s, item.key) {
                sheet.write(
                    formula: "=" + CellReference.a1(row: row, column: baseColumn), cachedText: text, row: row,
                    column: column,
                    style: .calc(.text))
            } else if !text.isEmpty {
                sheet.write(
                    s == 0 ? changedTexts[item.name] ?? text : text, row: row, column: column, style: .input(.text))
                sheet.validateList(
                    row: row, column: column, choices: item.choices,
                    message: "\(item.label): one of the model's API options")
            }
        }
    }

    /// 1-based position of `text` among `choices`, 0 when it is none of them (MATCH in the workbook).
    static func choiceCode(_ text: String, _ choices: [String]) -> Double {
        choices.firstIndex(of: text).map { Double($0 + 1) } ?? 0
    }

    /// The live fingerprint of the text inputs of scenario column `column`: Σ weight × position
    /// of the text among its choices.
    func textFingerprint(column: Int) -> String {
        let weightColumn = Self.inputsBaseColumn + loaded.scenarios.count + 1
        return catalog.items.enumerated().compactMap { i, item -> String? in
            guard item.texts != nil, !item.choices.isEmpty else { return nil }
            let row = Self.inputsHeaderRow + 1 + i
            let choices = "{" + item.choices.map(CalcFormulas.text).joined(separator: ";") + "}"
            return "+Inputs!\(CellReference.absolute(row: row, column: weightColumn))"
                + "*IFERROR(MATCH(Inputs!\(CellReference.absolute(row: row, column: column)),\(choices),0),0)"
        }.joined()
    }

    /// Whether scenario `s` writes an override of `key` (or of a map holding it): its column then
    /// holds its own value, even one equal to the base, so changing the base leaves it alone, as
    /// changing the base in the model file would.
    func overrides(_ s: Int, _ key: String) -> Bool {
        loaded.scenarios[s].overrides.contains { key == $0.path || key.hasPrefix($0.path + ".") }
    }

    /// The fingerprint weight of input `index`: a distinct factor in [1, 2) (so that swapped or
    /// offsetting edits do not cancel), divided by the input's largest magnitude (so that every
    /// input adds about 1 and a relative change of one in a million shows whatever its unit).
    static func fingerprintWeight(index: Int, values: [Double]) -> Double {
        let distinct = 1 + (Double(index + 1) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1)
        let scale = values.map(abs).max() ?? 0
        let weight = distinct / (scale > 0 ? scale : 1)
        // Six significant digits, so the number written reads back as exactly the weight summed here.
        let digits = pow(10, 5 - floor(log10(weight)))
        return (weight * digits).rounded() / digits
    }
}
