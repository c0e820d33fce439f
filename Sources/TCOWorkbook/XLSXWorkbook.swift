import Foundation
internal import CXLSXWriter

/// Why the C library refused to write the workbook.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The one owner of a C `lxw_workbook`: sheets, formats, names and charts are created through it,
/// and `close()` writes the file. No other file touches libxlsxwriter's API.
final class XLSXWorkbook {
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    /// C strings that must outlive the workbook (libxlsxwriter keeps some pointers until close).
    private var retained: [UnsafeMutablePointer<CChar>] = []
    /// The first call the library refused; `close()` reports it instead of writing a partial file.
    private var firstFailure: String?
    private let path: String

    /// Creates the workbook that will be written to `path` on `close()`. The library's temporary
    /// files go in the same folder, so a full or small temporary disk elsewhere cannot truncate it.
    init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let temporaryFolder = cString(folder.isEmpty ? "." : folder)
        var options = lxw_workbook_options()
        options.tmpdir = temporaryFolder
        guard let created = path.withCString({ workbook_new_opt($0, &options) }) else {
            throw XLSXError(description: "cannot create a workbook at \(path)")
        }
        workbook = created
    }

    /// Remembers the first failed call (most cell writes cannot fail but for memory or limits).
    fileprivate func check(_ status: lxw_error, _ what: @autoclosure () -> String) {
        guard status != LXW_NO_ERROR, firstFailure == nil else { return }
        firstFailure = "\(what()): \(String(cString: lxw_strerror(status)))"
    }

    deinit {
        // Not closed (an error on the way): free without writing anything.
        if let workbook { lxw_workbook_free(workbook) }
        for pointer in retained { free(pointer) }
    }

    private func cString(_ text: String) -> UnsafeMutablePointer<CChar>? {
        let pointer = strdup(text)
        if let pointer { retained.append(pointer) }
        return pointer
    }

    /// Sets title and author, and the creation time, which fixes the file's timestamp for byte-identical output.
    func setProperties(title: String, author: String, comments: String, created: Date) {
        guard let workbook else { return }
        var properties = lxw_doc_properties()
        properties.title = cString(title)
        properties.author = cString(author)
        properties.comments = cString(comments)
        properties.created = time_t(created.timeIntervalSince1970)
        check(workbook_set_properties(workbook, &properties), "document properties")
    }

    func addWorksheet(_ name: String) throws -> XLSXWorksheet {
        guard let workbook, let sheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw XLSXError(description: "cannot add sheet '\(name)'")
        }
        return XLSXWorksheet(sheet: sheet, owner: self)
    }

    /// Defines a name; `name` may be sheet-local, written `'Sheet name'!Name`.
    func defineName(_ name: String, refersTo formula: String) throws {
        guard let workbook else { return }
        let status = workbook_define_name(workbook, name, formula)
        guard status == LXW_NO_ERROR else {
            throw XLSXError(description: "cannot define name \(name): \(String(cString: lxw_strerror(status)))")
        }
    }

    func format(_ style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if let existing = formats[style] { return existing }
        guard let workbook, let format = workbook_add_format(workbook) else { return nil }
        style.apply(to: format)
        formats[style] = format
        return format
    }

    func addChart(_ kind: XLSXChart.Kind) -> XLSXChart? {
        guard let workbook else { return nil }
        let type: lxw_chart_type
        switch kind {
        case .line: type = LXW_CHART_LINE
        case .column: type = LXW_CHART_COLUMN
        }
        guard let chart = workbook_add_chart(workbook, UInt8(type.rawValue)) else { return nil }
        return XLSXChart(chart: chart)
    }

    /// Writes the file and frees the C workbook.
    /// Writes the file; throws when any call failed, when the library reports an error, or when
    /// the file on disk is not a complete ZIP archive (a full disk or a file-size limit).
    func close() throws {
        guard let workbook else { return }
        if let firstFailure {
            throw XLSXError(description: "cannot build the workbook: \(firstFailure)")
        }
        self.workbook = nil
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(status))
            throw XLSXError(description: "cannot write the workbook (\(reason)); the disk may be full")
        }
        try Self.verifyArchive(at: path)
    }

    /// A complete .xlsx is a ZIP archive: it starts with a local file header and ends with the
    /// end-of-central-directory record, which a truncated file lacks.
    static func verifyArchive(at path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), data.count >= 22,
            data.starts(with: [0x50, 0x4B, 0x03, 0x04])
        else { throw XLSXError(description: "the written workbook is incomplete; the disk may be full") }
        let tail = data.suffix(Swift.min(data.count, 65_557))
        let end: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        guard tail.indices.dropLast(3).contains(where: { i in (0..<4).allSatisfy { tail[i + $0] == end[$0] } }) else {
            throw XLSXError(description: "the written workbook is incomplete; the disk may be full")
        }
    }
}

/// A line or column chart being built.
struct XLSXChart {
    enum Kind { case line, column }
    fileprivate let chart: UnsafeMutablePointer<lxw_chart>

    func setTitle(_ title: String) { chart_title_set_name(chart, title) }

    func addSeries(name: String, categories: String, values: String) {
        guard let series = chart_add_series(chart, categories, values) else { return }
        chart_series_set_name(series, name)
    }

    func setAxisNames(x: String, y: String) {
        chart_axis_set_name(chart.pointee.x_axis, x)
        chart_axis_set_name(chart.pointee.y_axis, y)
        chart_axis_set_num_format(chart.pointee.y_axis, "#,##0")
    }

    func legendAtBottom() { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }
}

/// A worksheet of an `XLSXWorkbook`; valid while the workbook is open.
struct XLSXWorksheet {
    fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
    fileprivate unowned let owner: XLSXWorkbook

    func write(_ text: String, row: Int, column: Int, style: CellStyle = .plain) {
        owner.check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, owner.format(style)),
                    "cell \(row + 1),\(column + 1)")
    }

    func write(_ number: Double, row: Int, column: Int, style: CellStyle) {
        owner.check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, owner.format(style)),
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
        owner.check(worksheet_set_column(sheet, lxw_col_t(first), lxw_col_t(last), width, style.flatMap { owner.format($0) }),
                    "column width")
    }

    func freezePanes(row: Int, column: Int) { worksheet_freeze_panes(sheet, lxw_row_t(row), lxw_col_t(column)) }

    func comment(_ text: String, row: Int, column: Int) {
        owner.check(worksheet_write_comment(sheet, lxw_row_t(row), lxw_col_t(column), text), "note in cell \(row + 1),\(column + 1)")
    }

    /// Restricts an input cell to decimals in `[minimum, maximum]` (either may be open).
    func validateDecimal(row: Int, column: Int, minimum: Double?, maximum: Double?, message: String) {
        var validation = lxw_data_validation()
        validation.validate = UInt8(LXW_VALIDATION_TYPE_DECIMAL.rawValue)
        switch (minimum, maximum) {
        case let (low?, high?):
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
            validation.minimum_number = low
            validation.maximum_number = high
        case let (low?, nil):
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = low
        case let (nil, high?):
            validation.criteria = UInt8(LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO.rawValue)
            validation.value_number = high
        case (nil, nil):
            return
        }
        message.withCString { text in
            validation.error_message = UnsafeMutablePointer(mutating: text)
            owner.check(worksheet_data_validation_cell(sheet, lxw_row_t(row), lxw_col_t(column), &validation),
                        "validation of cell \(row + 1),\(column + 1)")
        }
    }

    func insertChart(_ chart: XLSXChart, row: Int, column: Int) {
        owner.check(worksheet_insert_chart(sheet, lxw_row_t(row), lxw_col_t(column), chart.chart), "chart")
    }

    func printArea(lastRow: Int, lastColumn: Int) {
        owner.check(worksheet_print_area(sheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "print area")
        worksheet_set_landscape(sheet)
        worksheet_fit_to_pages(sheet, 1, 0)
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
    }

    fileprivate func apply(to format: UnsafeMutablePointer<lxw_format>) {
        func numberFormat(_ f: NumberFormat) { format_set_num_format(format, f.excel) }
        switch self {
        case .plain:
            break
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .subtitle:
            format_set_italic(format)
            format_set_font_color(format, Colour.grey)
        case .header:
            format_set_bold(format)
            format_set_font_color(format, Colour.white)
            format_set_bg_color(format, Colour.headerFill)
        case .label:
            format_set_bold(format)
        case .note:
            format_set_italic(format)
            format_set_font_color(format, Colour.grey)
            format_set_text_wrap(format)
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
        }
    }
}
