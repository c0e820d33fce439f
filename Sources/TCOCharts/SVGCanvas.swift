/// An SVG document built element by element. Numbers are written with fixed decimals and text is
/// escaped, so the same chart always gives the same bytes and any strategy name is safe.
struct SVGCanvas {
    private(set) var elements: [String] = []

    /// `12.345` → `12.3`: coordinates to a tenth of a pixel, never in exponent form.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = String(abs(scaled) / scale)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(abs(scaled) % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// Text safe inside an element or a double-quoted attribute.
    static func escaped(_ text: String) -> String { MarkupText.escaped(text) }

    mutating func add(_ element: String) { elements.append(element) }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 11, anchor: Anchor = .start,
        fill: String = ChartStyle.mutedInk, bold: Bool = false, rotated: Bool = false
    ) {
        let n = Self.number
        var attributes = "x=\"\(n(x, 1))\" y=\"\(n(y, 1))\" font-size=\"\(n(size, 0))\" fill=\"\(fill)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        // A vertical axis title reads bottom to top, turned about its own anchor point.
        if rotated { attributes += " transform=\"rotate(-90 \(n(x, 1)) \(n(y, 1)))\"" }
        add("<text \(attributes)>\(Self.escaped(content))</text>")
    }

    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) {
        let n = Self.number
        var attributes = "x1=\"\(n(x1, 1))\" y1=\"\(n(y1, 1))\" x2=\"\(n(x2, 1))\" y2=\"\(n(y2, 1))\""
        attributes += " stroke=\"\(stroke)\" stroke-width=\"\(n(width, 1))\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        add("<line \(attributes)/>")
    }

    /// A rectangle; `className` and `tooltip` mark data (a bar) apart from decoration.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        className: String? = nil, tooltip: String? = nil
    ) {
        let n = Self.number
        var attributes = className.map { "class=\"\($0)\" " } ?? ""
        attributes += "x=\"\(n(x, 1))\" y=\"\(n(y, 1))\" width=\"\(n(width, 1))\" height=\"\(n(height, 1))\""
        attributes += " fill=\"\(fill)\""
        if let tooltip {
            add("<rect \(attributes)><title>\(Self.escaped(tooltip))</title></rect>")
        } else {
            add("<rect \(attributes)/>")
        }
    }

    /// A polyline through `points`, drawn as a path (one per series).
    mutating func path(
        _ points: [(x: Double, y: Double)], stroke: String, width: Double, dash: String? = nil,
        className: String, tooltip: String
    ) {
        let n = Self.number
        let d = points.enumerated()
            .map { i, p in "\(i == 0 ? "M" : "L")\(n(p.x, 1)) \(n(p.y, 1))" }.joined(separator: " ")
        var attributes = "class=\"\(className)\" d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\""
        attributes += " stroke-width=\"\(n(width, 1))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        add("<path \(attributes)><title>\(Self.escaped(tooltip))</title></path>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        let n = Self.number
        add("<circle cx=\"\(n(x, 1))\" cy=\"\(n(y, 1))\" r=\"\(n(radius, 1))\" fill=\"\(fill)\"/>")
    }

    /// The whole document: `title` and `description` are what screen readers and tooltips show.
    func document(title: String, description: String) -> String {
        let w = Self.number(ChartStyle.width, decimals: 0), h = Self.number(ChartStyle.height, decimals: 0)
        let head = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
                + "role=\"img\" font-family=\"\(ChartStyle.fontFamily)\">",
            "<title>\(Self.escaped(title))</title>",
            "<desc>\(Self.escaped(description))</desc>",
            "<rect width=\"\(w)\" height=\"\(h)\" fill=\"\(ChartStyle.background)\"/>",
        ]
        return (head + elements + ["</svg>"]).joined(separator: "\n") + "\n"
    }
}
