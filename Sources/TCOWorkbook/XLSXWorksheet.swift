internal import CXLSXWriter
import Foundation

/// A worksheet of an `XLSXWorkbook`; valid while the workbook is open.
struct XLSXWorksheet {
    let sheet: UnsafeMutablePointer<lxw_worksheet>
    unowned let owner: XLSXWorkbook

    func write(_ text: String, row: Int, column: Int, style: CellStyle = .plain) {
        owner.check(
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, owner.format(style)),
            "cell \(row + 1),\(column + 1)")
    }

    func write(_ number: Double, row: Int, column: Int, style: CellStyle) {
        owner.check(
            worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, owner.format(style)),
            "cell \(row + 1),\(column + 1)")
    }

    /// An empty cell with a style: an input cell left empty on purpose (a month without a step).
    func writeBlank(row: Int, column: Int, style: CellStyle) {
        owner.check(
            worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), owner.format(style)),
            "cell \(row + 1),\(column + 1)")
    }

    /// A formula with the solver's value as its cached result, for viewers that do not recalculate.
    func write(formula: String, cached: Double, row: Int, column: Int, style: CellStyle) {
        let status = worksheet_write_formula_num(
            sheet, lxw_row_t(row), lxw_col_t(column), formula, owner.format(style), cached.isFinite ? cached : 0)
        owner.check(status, "formula in cell \(row + 1),\(column + 1)")
    }

    /// A formula whose cached result is text (e.g. a payback of "never").
    func write(formula: String, cachedText: String, row: Int, column: Int, style: CellStyle) {
        let status = worksheet_write_formula_str(
            sheet, lxw_row_t(row), lxw_col_t(column), formula, owner.format(style), cachedText)
        owner.check(status, "formula in cell \(row + 1),\(column + 1)")
    }

    func setColumn(_ first: Int, _ last: Int, width: Double, style: CellStyle? = nil) {
        owner.check(
            worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last), width, style.flatMap { owner.format($0) }),
            "column width")
    }

    /// Sets a row's height in points (15 is one line of the default font), for wrapped text, which
    /// spreadsheets do not always grow rows for on opening.
    func setRowHeight(_ row: Int, points: Double) {
        owner.check(worksheet_set_row(sheet, lxw_row_t(row), points, nil), "height of row \(row + 1)")
    }

    func freezePanes(row: Int, column: Int) { worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column)) }

    func comment(_ text: String, row: Int, column: Int) {
        owner.check(
            worksheet_write_comment(sheet, lxw_row_t(row), lxw_col_t(column), text),
            "note in cell \(row + 1),\(column + 1)")
    }

    /// Restricts an input cell to the numbers of `range` (whole numbers only if it says so: server
    /// counts, months; part of a month matches no month column), with `message` on a wrong entry.
    func validateNumber(row: Int, column: Int, range: AllowedRange, message: String) {
        var validation = lxw_data_validation()
        let type = range.whole ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL
        validation.validate = UInt8(type.rawValue)
        var formula: String?
        switch (range.minimum, range.maximum) {
        case (let low?, let high?) where !range.minimumExclusive && !range.maximumExclusive:
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            validation.minimum_number = low
            validation.maximum_number = high
        case (let low?, let high?):
            // Excel's "between" includes both ends: an open end needs a formula.
            let cell = CellReference.a1(row: row, column: column)
            let lowTest = "\(cell)\(range.minimumExclusive ? ">" : ">=")\(low)"
            let highTest = "\(cell)\(range.maximumExclusive ? "<" : "<=")\(high)"
            validation.validate = UInt8(LXW_VALIDATION_TYPE_CUSTOM_FORMULA.rawValue)
            formula = "=AND(ISNUMBER(\(cell)),\(lowTest),\(highTest)"
                + (range.whole ? ",\(cell)=INT(\(cell)))" : ")")
        case (let low?, nil):
            let criteria = range.minimumExclusive
                ? LXW_VALIDATION_CRITERIA_GREATER_THAN : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO
            validation.criteria = UInt8(criteria.rawValue)
            validation.value_number = low
        case (nil, let high?):
            let criteria = range.maximumExclusive
                ? LXW_VALIDATION_CRITERIA_LESS_THAN : LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO
            validation.criteria = UInt8(criteria.rawValue)
            validation.value_number = high
        case (nil, nil):
            // Any number is allowed; a whole number still needs a rule to say so.
            guard range.whole else { return }
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            validation.minimum_number = -1e15
            validation.maximum_number = 1e15
        }
        message.withCString { text in
            validation.error_message = UnsafeMutablePointer(mutating: text)
            (formula ?? "").withCString { formulaText in
                if formula != nil { validation.value_formula = UnsafeMutablePointer(mutating: formulaText) }
                owner.check(
                    worksheet_data_validation_cell(sheet, lxw_row_t(row), lxw_col_t(column), &validation),
                    "validation of cell \(row + 1),\(column + 1)")
            }
        }
    }

    /// Places `chart` at a cell, `scale` times the default 480 × 288 pixels.
    func insertChart(_ chart: XLSXChart, row: Int, column: Int, scale: (x: Double, y: Double) = (1, 1)) {
        var options = lxw_chart_options()
        options.x_scale = scale.x
        options.y_scale = scale.y
        owner.check(
            worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), chart.chart, &options), "chart")
    }

    /// How a sheet prints: its area, landscape, the rows and columns repeated on every page, and
    /// either fitted to one page wide or at `scale` percent with a page break before each column
    /// in `breaksBefore` (a Calc sheet: one year of months per page) and each row in
    /// `rowBreaksBefore` (Annual: a scenario per page). Fitting would ignore manual page breaks.
    func printSetup(_ setup: PrintSetup) {
        owner.check(
            worksheet_print_area(
                sheet, lxw_row_t(setup.firstRow), lxw_col_t(setup.firstColumn), lxw_row_t(setup.lastRow),
                lxw_col_t(setup.lastColumn)),
            "print area")
        worksheet_set_landscape(sheet)
        worksheet_set_paper(sheet, setup.paper.rawValue)
        if let rows = setup.repeatRows {
            owner.check(
                worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), "repeated rows")
        }
        if let columns = setup.repeatColumns {
            owner.check(
                worksheet_repeat_columns(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound)),
                "repeated columns")
        }
        if let scale = setup.scale {
            worksheet_set_print_scale(sheet, UInt16(scale))
            var breaks = setup.breaksBefore.map { lxw_col_t($0) } + [0]
            owner.check(worksheet_set_v_pagebreaks(sheet, &breaks), "page breaks")
            var rowBreaks = setup.rowBreaksBefore.map { lxw_row_t($0) } + [0]
            owner.check(worksheet_set_h_pagebreaks(sheet, &rowBreaks), "page breaks")
        } else {
            worksheet_fit_to_pages(sheet, 1, 0)
        }
        owner.check(worksheet_set_footer(sheet, "&L&A&RPage &P of &N"), "footer")
        if let title = setup.pageTitle {
            owner.check(worksheet_set_header(sheet, Self.pageHeader(title)), "header")
        }
    }

    /// A page header showing `title` on the left: `&` doubled (it starts a code in Excel's headers),
    /// and the title shortened with "…" to libxlsxwriter's 255 characters (a longer header is refused).
    static func pageHeader(_ title: String) -> String {
        func header(_ text: String) -> String { "&L" + text.replacing("&", with: "&&") }
        let limit = 255
        guard header(title).unicodeScalars.count > limit else { return header(title) }
        var kept = title
        while !kept.isEmpty, header(kept + "…").unicodeScalars.count > limit { kept.removeLast() }
        return header(kept + "…")
    }

    /// Print settings of one sheet (see `printSetup`).
    struct PrintSetup {
        var lastRow: Int
        var lastColumn: Int
        /// The first column printed (columns before it are for the screen only).
        var firstColumn = 0
        /// The first row printed (a title above it is printed as `pageTitle` instead).
        var firstRow = 0
        /// Printed at the top of every page: the sheet's title when its own cell is not printed.
        var pageTitle: String?
        var repeatRows: ClosedRange<Int>?
        var repeatColumns: ClosedRange<Int>?
        /// Percent; `nil` fits the sheet to one page wide.
        var scale: Int?
        var paper: Paper = .a4
        var breaksBefore: [Int] = []
        var rowBreaksBefore: [Int] = []

        /// Excel's paper codes.
        enum Paper: UInt8 {
            case a3 = 8
            case a4 = 9
        }
    }

    /// Highlights `row`, `first…last` columns with `style` when the cell equals (or, with
    /// `equal: false`, differs from) `value`.
    func highlight(row: Int, columns: ClosedRange<Int>, whenEqual equal: Bool, to value: Double, style: CellStyle) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(
            (equal ? LXW_CONDITIONAL_CRITERIA_EQUAL_TO : LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO).rawValue)
        rule.value = value
        rule.format = owner.format(style)
        owner.check(
            worksheet_conditional_format_range(
                sheet, lxw_row_t(row), lxw_col_t(columns.lowerBound), lxw_row_t(row),
                lxw_col_t(columns.upperBound), &rule), "conditional format")
    }

    /// Styles the cell with `style` while `formula` (relative to the cell, e.g. `=Checks!$D$9=1`) is true.
    func highlight(row: Int, column: Int, when formula: String, style: CellStyle) {
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_FORMULA.rawValue)
        rule.format = owner.format(style)
        formula.withCString { text in
            rule.value_string = UnsafeMutablePointer(mutating: text)
            owner.check(
                worksheet_conditional_format_cell(sheet, lxw_row_t(row), lxw_col_t(column), &rule),
                "conditional format of cell \(row + 1),\(column + 1)")
        }
    }

    /// A link to a place in the workbook (`Checks!A1`) showing `text`.
    func link(to place: String, text: String, row: Int, column: Int) {
        owner.check(
            worksheet_write_url_opt(
                sheet, lxw_row_t(row), lxw_col_t(column), "internal:" + place,
                owner.format(.link), text, nil), "link in cell \(row + 1),\(column + 1)")
    }

    /// Restricts a cell to one of `choices` (an in-cell drop-down list). Excel limits the list to
    /// 255 characters; a longer one is left out rather than making the file unreadable.
    func validateList(row: Int, column: Int, choices: [String], message: String) {
        guard !choices.isEmpty, choices.joined(separator: ",").utf8.count <= 255 else { return }
        var pointers = choices.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
        message.withCString { text in
            validation.error_message = UnsafeMutablePointer(mutating: text)
            pointers.withUnsafeMutableBufferPointer { list in
                validation.value_list = list.baseAddress
                owner.check(
                    worksheet_data_validation_cell(sheet, lxw_row_t(row), lxw_col_t(column), &validation),
                    "validation of cell \(row + 1),\(column + 1)")
            }
        }
    }

    func activate() { worksheet_activate(sheet) }
}

extension CellStyle {
    /// Colours as RGB.
    private enum Colour {
        static let inputFont: UInt32 = 0x0000CC
        static let inputFill: UInt32 = 0xFFF2CC
        static let solverFill: UInt32 = 0xE4DFEC
        static let headerFill: UInt32 = 0x1F3864
        static let white: UInt32 = 0xFFFFFF
        static let grey: UInt32 = 0x595959
        static let link: UInt32 = 0x0563C1
        static let goodFill: UInt32 = 0xC6EFCE
        static let goodFont: UInt32 = 0x006100
        static let badFill: UInt32 = 0xFFC7CE
        static let badFont: UInt32 = 0x9C0006
        static let staleFill: UInt32 = 0xD9D9D9
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        func numberFormat(_ f: NumberFormat) {
            format_set_num_format(format, f.excel)
            // Flags read best centred; a text result ("never", "above") sits where numbers do.
            switch f {
            case .flag, .failures: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            case .text: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
            default: break
            }
        }
        switch self {
        case .plain:
            break
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .subtitle:
            format_set_italic(format)
            format_set_font_color(format, Colour.grey)
        case .header, .centredHeader, .numberHeader:
            if self == .centredHeader { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
            if self == .numberHeader { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
            format_set_bold(format)
            format_set_font_color(format, Colour.white)
            format_set_bg_color(format, Colour.headerFill)
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .label:
            format_set_bold(format)
        case .note:
            format_set_italic(format)
            format_set_font_color(format, Colour.grey)
            format_set_text_wrap(format)
        case .remark:
            format_set_italic(format)
            format_set_font_color(format, Colour.grey)
        case .input(let f):
            numberFormat(f)
            format_set_font_color(format, Colour.inputFont)
            format_set_bg_color(format, Colour.inputFill)
            format_set_border(format, UInt8(LXW_BORDER_HAIR.rawValue))
        case .calc(let f):
            numberFormat(f)
        case .total(let f):
            numberFormat(f)
            format_set_bold(format)
            format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue))
        case .solver(let f):
            numberFormat(f)
            format_set_italic(format)
            format_set_bg_color(format, Colour.solverFill)
        case .link:
            format_set_font_color(format, Colour.link)
            format_set_underline(format, UInt8(LXW_UNDERLINE_SINGLE.rawValue))
        case .good:
            format_set_font_color(format, Colour.goodFont)
            format_set_bg_color(format, Colour.goodFill)
        case .bad:
            format_set_bold(format)
            format_set_font_color(format, Colour.badFont)
            format_set_bg_color(format, Colour.badFill)
        case .stale:
            format_set_font_strikeout(format)
            format_set_bg_color(format, Colour.staleFill)
        }
    }
}
