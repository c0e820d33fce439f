import TCOCharts
import TCOCore

/// Small helpers for writing the page's HTML by hand: the page is one document with no library.
enum HTML {
    /// `text` safe inside an element or a quoted attribute.
    static func escaped(_ text: String) -> String { MarkupText.escaped(text) }

    /// A number exactly as `tco solve --json` writes it, for `data-` attributes the tests read.
    static func exact(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == 0 ? "0.0" : value.description
    }

    /// An SVG document embedded in the page: the XML declaration is dropped.
    static func inline(svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }
}
