import TCOCore

extension WorkbookWriter {
    /// What fits across an A3 landscape page at 100 %, in column-width units (measured with
    /// LibreOffice: about 104 on A4 landscape, × √2), less a margin.
    static let a3LandscapeWidth = 142.0
    static let a4LandscapeWidth = 100.0

    /// A `Calc <scenario>` sheet: the time axis, then every row of `calc`, one formula per row
    /// copied across the months, with the solver's values cached and recorded in the manifest.
    mutating func writeCalc(_ sheet: XLSXWorksheet, _ calc: CalcSheet) {
        let first = CalcLayout.firstMonthColumn
        let last = first + calc.months - 1
        sheet.write("Calc — scenario \(calc.scenario.name)", row: 0, column: 0, style: .title)
        sheet.write(
            "One formula per row, copied across the months; inputs by defined name (Inputs sheet). Cash flows fall "
            + "at the end of each month. Rows refer to their own month or earlier ones, except 'servers needed at "
            + "delivery' (the fleet plan's foresight).",
            row: 1, column: 0, style: .subtitle)
        for (c, text) in ["Line", "Unit", "Total / peak"].enumerated() {
            sheet.write(text, row: CalcSheet.headerRow, column: c, style: .header)
        }
        for m in 1...calc.months {
            sheet.write("Month \(m)", row: CalcSheet.headerRow, column: first + m - 1, style: .numberHeader)
        }

        for (i, row) in calc.rows.enumerated() {
            let r = CalcSheet.firstRow + i
            if row.isHeader {
                sheet.write(row.label, row: r, column: 0, style: .label)
                continue
            }
            sheet.write(row.label, row: r, column: 0, style: r <= CalcSheet.discountRow ? .label : .plain)
            sheet.write(row.unit, row: r, column: 1)
            if let note = row.note { sheet.comment(note, row: r, column: 0) }
            if let formula = row.formula {
                for m in 0..<calc.months {
                    sheet.write(
                        formula: "=" + formula(first + m), cached: row.values[m], row: r, column: first + m,
                        style: .calc(row.format))
                }
            }
            var total: Double?
            switch row.total {
            case .none: break
            case .sum:
                total = row.values.reduce(0, +)
                sheet.write(
                    formula: "=SUM(\(calc.f.span(r)))", cached: total ?? 0, row: r, column: CalcLayout.totalColumn,
                    style: .total(row.format))
            case .max:
                total = row.values.max() ?? 0
                sheet.write(
                    formula: "=MAX(\(calc.f.span(r)))", cached: total ?? 0, row: r, column: CalcLayout.totalColumn,
                    style: .total(row.format))
            case .custom(let formula, let value):
                total = value
                sheet.write(
                    formula: "=" + formula, cached: value, row: r, column: CalcLayout.totalColumn,
                    style: .total(row.format))
            case .customText(let formula, let text):
                sheet.write(
                    formula: "=" + formula, cachedText: text, row: r, column: CalcLayout.totalColumn,
                    style: .total(.text))
                manifest.cells.append(
                    .init(
                        sheet: calc.name, row: r, column: CalcLayout.totalColumn, label: row.label, number: nil,
                        text: text, isSolverValue: false))
            }
            manifest.timelineRows.append(
                .init(sheet: calc.name, row: r, label: row.label, months: row.values, total: total))
        }
        let widths = [
            ColumnWidths.fit(calc.rows.map(\.label), minimum: 30, maximum: 64),
            ColumnWidths.fit(calc.rows.map(\.unit), minimum: 8, maximum: 14), 15, 2,
        ]
        for (c, width) in widths.enumerated() { sheet.setColumn(c, c, width: width) }
        let monthWidth = 12.0
        sheet.setColumn(first, last, width: monthWidth)
        sheet.freezePanes(row: CalcSheet.discountRow + 1, column: first)
        // A year of months per printed page (A3 landscape), the labels and time axis on every page.
        let yearWidth = widths.reduce(0, +) + 12 * monthWidth
        sheet.printSetup(
            .init(
                lastRow: CalcSheet.firstRow + calc.rows.count - 1, lastColumn: last,
                repeatRows: CalcSheet.headerRow...CalcSheet.discountRow, repeatColumns: 0...CalcLayout.totalColumn,
                scale: min(100, Int(Self.a3LandscapeWidth / yearWidth * 100)), paper: .a3,
                breaksBefore: stride(from: first + 12, through: last, by: 12).map { $0 }))
    }
}
