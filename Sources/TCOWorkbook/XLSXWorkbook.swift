internal import CXLSXWriter
import Foundation

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
    /// Used by `XLSXWorksheet` too: every C return code goes through here.
    func check(_ status: lxw_error, _ what: @autoclosure () -> String) {
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
        case .bar: type = LXW_CHART_BAR
        case .timeLine: type = LXW_CHART_SCATTER_STRAIGHT
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
    /// `timeLine`: lines over a value axis of dates (a scatter chart), so the axis is a real time
    /// scale with one label a year, which a line chart's category axis is not. `bar`: horizontal bars
    /// (the Risk sheet's tornado).
    enum Kind { case line, column, bar, timeLine }
    let chart: UnsafeMutablePointer<lxw_chart>

    /// The title, in a 12-point bold font (the default is as large as the plot is short).
    func setTitle(_ title: String) {
        chart_title_set_name(chart, title)
        var font = lxw_chart_font()
        font.size = 12
        font.bold = 1
        chart_title_set_name_font(chart, &font)
    }

    /// A date axis from `first` to `last` (Excel serial days), labelled every `step` days.
    func setDateAxis(name: String, first: Double, last: Double, step: Double, numberFormat: String) {
        chart_axis_set_name(chart.pointee.x_axis, name)
        chart_axis_set_min(chart.pointee.x_axis, first)
        chart_axis_set_max(chart.pointee.x_axis, last)
        chart_axis_set_major_unit(chart.pointee.x_axis, step)
        chart_axis_set_num_format(chart.pointee.x_axis, numberFormat)
    }

    func addSeries(name: String, categories: String, values: String) {
        guard let series = chart_add_series(chart, categories, values) else { return }
        chart_series_set_name(series, name)
    }

    /// Names the value axis and formats its numbers (`$#,##0,"k"` for money in thousands).
    func setValueAxis(name: String, numberFormat: String) {
        chart_axis_set_name(chart.pointee.y_axis, name)
        chart_axis_set_num_format(chart.pointee.y_axis, numberFormat)
    }

    /// Names the category axis; with `numberFormat`, its labels (dates) are formatted so, and only
    /// every `labelEvery`-th category is labelled (one label a year on a monthly axis).
    func setCategoryAxis(name: String, numberFormat: String? = nil, labelEvery: Int = 1) {
        chart_axis_set_name(chart.pointee.x_axis, name)
        if let numberFormat { chart_axis_set_num_format(chart.pointee.x_axis, numberFormat) }
        if labelEvery > 1 {
            let every = UInt16(clamping: labelEvery)
            chart_axis_set_interval_unit(chart.pointee.x_axis, every)
            chart_axis_set_interval_tick(chart.pointee.x_axis, every)
        }
    }

    func legendAtBottom() { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }

    func hideLegend() { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
}
