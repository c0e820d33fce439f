import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TCOCore
@testable import TCOCharts

@Suite("SVG charts")
struct ChartTests {
    static let start = YearMonth(year: 2027, month: 1)
    /// Three strategies over five years: steady API spend, servers bought up front, and a mix.
    static let series: [ChartSeries] = [
        .cumulative(name: "buy", monthly: (1...60).map { 60_000 + Double($0) * 1_500 }),
        .cumulative(name: "hybrid", monthly: (1...60).map { $0 == 4 ? 840_000 : 45_000 }),
        .cumulative(name: "rent & <co>", monthly: (1...60).map { 40_000 + Double($0) * 400 }),
    ]
    static let bars = [
        ChartBar(name: "buy", value: 2.772), ChartBar(name: "hybrid", value: 1.884), ChartBar(name: "rent", value: 0.5),
        ChartBar(name: "idle", value: nil),
    ]

    static var lineChart: String {
        CumulativeCostChart.svg(series: series, start: start, currency: "USD", subtitle: "base")
    }
    static var barChart: String { CostPerMillionTokensChart.svg(bars: bars, currency: "USD", subtitle: "base") }

    /// Parses `svg` as XML and returns its root element.
    static func parse(_ svg: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(svg.utf8), options: [])
        return try #require(document.rootElement())
    }

    /// An attribute's value, looked up by hand: on Linux `attribute(forName:)` finds nothing in the SVG namespace.
    static func attribute(_ name: String, of element: XMLElement) -> String? {
        element.attributes?.first { $0.name == name }?.stringValue
    }

    static func elements(_ root: XMLElement, named name: String, className: String) -> [XMLElement] {
        var found: [XMLElement] = []
        func visit(_ element: XMLElement) {
            if element.name == name, attribute("class", of: element) == className { found.append(element) }
            for case let child as XMLElement in element.children ?? [] { visit(child) }
        }
        visit(root)
        return found
    }

    @Test("both charts are well-formed SVG of the fixed size, titled for screen readers")
    func wellFormed() throws {
        for svg in [Self.lineChart, Self.barChart] {
            let root = try Self.parse(svg)
            #expect(root.name == "svg")
            #expect(Self.attribute("width", of: root) == "720")
            #expect(Self.attribute("height", of: root) == "360")
            #expect(Self.attribute("viewBox", of: root) == "0 0 720 360")
            #expect(root.elements(forName: "title").first?.stringValue?.isEmpty == false)
            #expect(!svg.contains("nan") && !svg.contains("inf") && !svg.contains("e+"))
        }
    }

    @Test("the line chart has one path per strategy, named in a tooltip, and a legend entry each")
    func onePathPerStrategy() throws {
        let root = try Self.parse(Self.lineChart)
        let paths = Self.elements(root, named: "path", className: "series")
        #expect(paths.count == Self.series.count)
        #expect(paths.map { $0.elements(forName: "title").first?.stringValue ?? "" }
            == ["buy: $6.35M", "hybrid: $3.50M", "rent & <co>: $3.13M"])
        // 60 months and the starting zero.
        #expect(paths.allSatisfy { (Self.attribute("d", of: $0) ?? "").split(separator: "L").count == 61 })
        #expect(Self.lineChart.contains(">rent &amp; &lt;co&gt;</text>"))
    }

    @Test("the line chart's axes: round money ticks and one label per calendar year")
    func lineAxes() {
        let svg = Self.lineChart
        for label in ["$0", "$2M", "$4M", "$6M", "$8M"] { #expect(svg.contains(">\(label)</text>"), "\(label)") }
        for year in 2027...2031 { #expect(svg.contains(">\(year)</text>")) }
        #expect(!svg.contains(">2032</text>"))
        #expect(svg.contains(">Cumulative cash cost (USD)</text>"))
    }

    @Test("the bar chart has one bar per strategy with a value, money ticks with cents, n/a for none")
    func bars() throws {
        let root = try Self.parse(Self.barChart)
        #expect(Self.elements(root, named: "rect", className: "bar").count == 3)
        // Ticks every dollar up to $4.00 (headroom over $2.77 for its label); values with cents.
        for label in [">$0.00<", ">$1.00<", ">$2.00<", ">$3.00<", ">$4.00<", ">$2.77<", ">$1.88<", ">n/a<"] {
            #expect(Self.barChart.contains(label), "\(label)")
        }
        #expect(Self.barChart.contains("font-weight=\"bold\">$0.50</text>"))
    }

    @Test("the same input gives the same bytes")
    func deterministic() {
        #expect(Self.lineChart == Self.lineChart)
        #expect(Self.barChart == Self.barChart)
        #expect(CumulativeCostChart.svg(series: Self.series, start: Self.start, currency: "EUR")
            == CumulativeCostChart.svg(series: Self.series, start: Self.start, currency: "EUR"))
    }

    @Test("round axis steps, about five intervals, zero included", arguments: [
        ([0, 2.772], 0.5, 0.0, 3.0), ([0, 6.345e6], 2e6, 0.0, 8e6), ([0, 1], 0.2, 0.0, 1.0), ([-1, 3], 1, -1, 3),
        ([120_000, 180_000], 50_000, 0, 200_000), ([5, 5], 1, 0, 5), ([], 1, 0, 1), ([0.013], 0.0025, 0, 0.0150),
    ])
    func axisScale(_ values: [Double], _ step: Double, _ lower: Double, _ upper: Double) {
        let scale = AxisScale(covering: values)
        #expect(abs(scale.step - step) < 1e-12 * step)
        #expect(abs(scale.lower - lower) < 1e-9 && abs(scale.upper - upper) < 1e-9 * max(1, upper))
    }

    @Test("fixed-decimal numbers, never locale- or exponent-dependent", arguments: [
        (12.345, 1, "12.3"), (-0.04, 1, "0.0"), (-2.25, 1, "-2.3"), (720, 0, "720"), (0.5, 2, "0.50"), (1e-9, 1, "0.0"),
    ])
    func fixed(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(SVGCanvas.number(value, decimals: decimals) == expected)
    }

    @Test("short horizons are labelled by quarter; an empty chart still draws")
    func shortAndEmpty() throws {
        let eighteenMonths = ChartSeries.cumulative(name: "a", monthly: Array(repeating: 1_000, count: 18))
        let march = YearMonth(year: 2027, month: 3)
        let short = CumulativeCostChart.svg(series: [eighteenMonths], start: march, currency: "USD")
        #expect(short.contains(">Q2 2027</text>") && short.contains(">Q2 2028</text>"))
        _ = try Self.parse(short)
        _ = try Self.parse(CumulativeCostChart.svg(series: [], start: Self.start, currency: "USD"))
        _ = try Self.parse(CostPerMillionTokensChart.svg(bars: [], currency: "USD"))
    }
}
