import TCOCore

extension WorkbookWriter {
    /// The `Schedules` sheet (outputs.md: "a schedule is a row over the time axis"): for every input
    /// some scenario writes as a schedule, the values as written, each typed in the month column in
    /// which it takes effect, and below them a formula row with the value in force in every month.
    /// Month columns are the Calc sheets' columns, so a Calc formula reads its own column here.
    mutating func writeSchedules(_ sheet: XLSXWorksheet) {
        let first = CalcLayout.firstMonthColumn, last = schedules.lastColumn
        let months = schedules.months
        sheet.write("Schedules — \(loaded.base.title)", row: 0, column: 0, style: .title)
        for (r, line) in [
            "Inputs that change on known dates. Blue on yellow: the value written for a month; it holds",
            "until the next one. The row below is the value in force, which the scenarios' Calc sheets use.",
        ].enumerated() {
            sheet.write(line, row: 1 + r, column: 0, style: .subtitle)
        }
        let headers = ["Input", "Unit", "Scenarios", ""]
        for (c, text) in headers.enumerated() {
            sheet.write(text, row: ScheduleCatalog.headerRow, column: c, style: .header)
        }
        for m in 1...months {
            sheet.write("Month \(m)", row: ScheduleCatalog.headerRow, column: first + m - 1, style: .numberHeader)
        }
        sheet.comment(
            "Type a value in a month to add a step, clear it to remove one; month 1 must have a value. A level "
                + "with a rate of change (requests, prices, electricity, staff cost) holds its written value in "
                + "its month and follows its trend from there (Calc sheets, calculations.md: Schedules).",
            row: ScheduleCatalog.headerRow, column: first)
        sheet.write(
            "Fingerprint weight", row: ScheduleCatalog.headerRow, column: schedules.weightColumn, style: .header)
        sheet.comment(
            "Fixed weights of the input fingerprint: Checks adds Σ weight × value × month index of each written "
                + "row to the Inputs fingerprint. Do not edit.",
            row: ScheduleCatalog.headerRow, column: schedules.weightColumn)
        let start = loaded.base.start
        sheet.write("Month", row: ScheduleCatalog.monthRow, column: 0, style: .label)
        sheet.write("index", row: ScheduleCatalog.monthRow, column: 1)
        sheet.write("Calendar month", row: ScheduleCatalog.dateRow, column: 0, style: .label)
        sheet.write("date", row: ScheduleCatalog.dateRow, column: 1)
        for m in 1...months {
            let c = first + m - 1
            let index = CellReference.a1(row: ScheduleCatalog.monthRow, column: c)
            sheet.write(
                formula: "=" + CellReference.a1(row: ScheduleCatalog.monthRow, column: c - 1) + "+1",
                cached: Double(m), row: ScheduleCatalog.monthRow, column: c, style: .calc(.integer))
            sheet.write(
                formula: "=EDATE(Start,\(index)-1)", cached: InputCatalog.serial(start.adding(months: m - 1)),
                row: ScheduleCatalog.dateRow, column: c, style: .calc(.date))
        }
        for block in schedules.blocks { writeBlock(sheet, block) }

        let labels = schedules.blocks.map { "\($0.label), as written (holds from its month)" }
        let widths = [
            ColumnWidths.fit(labels + ["Calendar month"], minimum: 30, maximum: 64),
            ColumnWidths.fit(schedules.blocks.map(\.unit), minimum: 8, maximum: 18),
            ColumnWidths.fit(schedules.blocks.map { scenarioText($0) }, minimum: 12, maximum: 30), 2,
        ]
        for (c, width) in widths.enumerated() { sheet.setColumn(c, c, width: width) }
        let monthWidth = 12.0
        sheet.setColumn(first, last, width: monthWidth)
        sheet.setColumn(schedules.weightColumn, schedules.weightColumn, width: 12)
        sheet.freezePanes(row: ScheduleCatalog.dateRow + 1, column: first)
        // As the Calc sheets: a year of months per printed page, labels and time axis on every page.
        let yearWidth = widths.reduce(0, +) + 12 * monthWidth
        sheet.printSetup(
            .init(
                lastRow: (schedules.blocks.last?.inForceRow ?? ScheduleCatalog.dateRow), lastColumn: last,
                repeatRows: ScheduleCatalog.headerRow...ScheduleCatalog.dateRow, repeatColumns: 0...2,
                scale: min(100, Int(Self.a3LandscapeWidth / yearWidth * 100)), paper: .a3,
                breaksBefore: stride(from: first + 12, through: last, by: 12).map { $0 }))
    }

    /// Who uses a block: every scenario, all but a few (shorter than naming the rest), or their names.
    private func scenarioText(_ block: ScheduleCatalog.Block) -> String {
        let names = block.scenarios.map { loaded.scenarios[$0].name }
        let others = loaded.scenarios.indices.filter { !block.scenarios.contains($0) }.map { loaded.scenarios[$0].name }
        if names.count > 1, others.isEmpty { return "all scenarios" }
        if names.count > 1, others.count < names.count { return "all but " + others.joined(separator: ", ") }
        return names.joined(separator: ", ")
    }

    private mutating func writeBlock(_ sheet: XLSXWorksheet, _ block: ScheduleCatalog.Block) {
        let first = CalcLayout.firstMonthColumn
        let written = block.writtenRow, inForce = block.inForceRow
        sheet.write("\(block.label), as written (holds from its month)", row: written, column: 0)
        sheet.comment(
            "Key path in the model file: \(block.key)"
                + (block.mixesPeriods
                    ? ". The model mixes %/year and %/month steps; a %/month rate x is shown per year as "
                        + "(1 + x)^12 − 1, the same change each month."
                    : ""),
            row: written, column: 0)
        sheet.write("\(block.label), in force", row: inForce, column: 0, style: .label)
        for row in [written, inForce] { sheet.write(block.unit, row: row, column: 1) }
        sheet.write(scenarioText(block), row: written, column: 2)
        let range = block.range.text(format: block.format)
        let changed = block.scenarios.contains(0) ? changedSchedules[block.key] ?? [:] : [:]
        let followed = followedRow(of: block)
        for m in 1...schedules.months {
            let c = first + m - 1
            if let followed {
                // A default that copies another schedule (a cache price after the input price): each
                // month is that schedule's written cell, so editing it carries over.
                let there = CellReference.a1(row: followed, column: c)
                if let value = block.steps.first(where: { $0.month == m })?.value {
                    sheet.write(formula: "=IF(\(there)=\"\",\"\",\(there))", cached: value, row: written, column: c,
                                style: .calc(block.format))
                } else {
                    sheet.write(formula: "=IF(\(there)=\"\",\"\",\(there))", cachedText: "", row: written, column: c,
                                style: .calc(block.format))
                }
            } else if let value = changed[m] ?? block.steps.first(where: { $0.month == m })?.value {
                sheet.write(value, row: written, column: c, style: .input(block.format))
            } else {
                sheet.writeBlank(row: written, column: c, style: .input(block.format))
            }
            if followed == nil {
                sheet.validateNumber(
                    row: written, column: c, range: block.range,
                    message: "\(block.label): \(range); empty where the value does not change")
            }
            let here = CellReference.a1(row: written, column: c)
            sheet.write(
                formula: "=IF(\(here)<>\"\",\(here),\(CellReference.a1(row: inForce, column: c - 1)))",
                cached: block.inForce[m - 1], row: inForce, column: c, style: .calc(block.format))
        }
        sheet.write(block.weight, row: written, column: schedules.weightColumn, style: .calc(.scientific))
        manifest.timelineRows.append(
            .init(sheet: ScheduleCatalog.sheetName, row: inForce, label: "\(block.label), in force",
                  months: block.inForce, total: nil))
    }

    /// The written row of the schedule `block` copies as a default (`InputCatalog.Item.follows`),
    /// when every scenario of the block takes it and reads it from one block; else `nil`.
    private func followedRow(of block: ScheduleCatalog.Block) -> Int? {
        guard let followed = catalog.item(block.key)?.follows,
            block.scenarios.allSatisfy({ !overrides($0, block.key) })
        else { return nil }
        let rows = Set(block.scenarios.compactMap { schedules.block(followed, scenario: $0)?.writtenRow })
        return rows.count == 1 && block.scenarios.allSatisfy({ schedules.block(followed, scenario: $0) != nil })
            ? rows.first : nil
    }

    /// The schedules' part of scenario `s`'s live input fingerprint: `+weight × Σ value × month`
    /// for every block the scenario uses ("" without any).
    func scheduleFingerprint(scenario s: Int) -> String {
        let sheet = ScheduleCatalog.sheetName + "!"
        let months = sheet + CellReference.absolute(row: ScheduleCatalog.monthRow, column: CalcLayout.firstMonthColumn)
            + ":" + CellReference.absolute(row: ScheduleCatalog.monthRow, column: schedules.lastColumn)
        return schedules.blocks(scenario: s).map { block in
            let r = block.writtenRow
            let values = sheet + CellReference.absolute(row: r, column: CalcLayout.firstMonthColumn) + ":"
                + CellReference.absolute(row: r, column: schedules.lastColumn)
            return "+\(sheet)\(CellReference.absolute(row: r, column: schedules.weightColumn))"
                + "*SUMPRODUCT(\(values),\(months))"
        }.joined()
    }

    /// Every schedule must say what holds in month 1: an empty first month would silently read 0.
    func scheduleChecks() -> [Check] {
        schedules.blocks.map { block in
            let cell = ScheduleCatalog.sheetName + "!"
                + CellReference.absolute(row: block.writtenRow, column: CalcLayout.firstMonthColumn)
            return Check(
                label: "\(block.label): a value written for month 1",
                rule: "Every schedule on the Schedules sheet has a value in month 1 (it holds until the next one)",
                passes: loaded.scenarios.indices.map { block.scenarios.contains($0) ? "ISNUMBER(\(cell))" : nil })
        }
    }
}
