import TCOCore

/// One row of a tornado: an input and the result with the input low and high.
public struct TornadoRow: Sendable, Hashable {
    public var label: String
    /// The result (e.g. NPV savings) with the input at its low value.
    public var low: Double
    /// The result with the input at its high value.
    public var high: Double

    public init(label: String, low: Double, high: Double) {
        self.label = label
        self.low = low
        self.high = high
    }
}

/// A tornado chart as SVG (720×360): per input, a bar from the result at the input's low value
/// to the result at its high value, around the result at the forecast; widest bar on top.
public enum TornadoChart {
    /// The chart of `rows` (drawn in the given order, at most 8) around `center` in `currency`.
    public static func svg(
        rows: [TornadoRow], center: Double, currency: String,
        title: String = "What moves the result", subtitle: String = "",
        lowLabel: String = "input −20 %", highLabel: String = "input +20 %"
    ) -> String {
        let shown = Array(rows.prefix(8))
        var frame = ChartFrame(title: title, subtitle: subtitle, legend: [lowLabel, highLabel],
                               rightMargin: ChartFrame.margin)
        let values = shown.flatMap { [$0.low, $0.high] } + [center]
        let low = values.min() ?? 0, high = values.max() ?? 0
        let pad = Swift.max((high - low) * 0.08, Swift.max(abs(center) * 0.01, 1))
        let scale = AxisScale(covering: [low - pad, high + pad])
        // Up to 45 % of the width for the labels ("ml-platform-engineer: full-time equivalents"), so
        // a long one is cut only when the bars would be left too little room.
        let labelWidth = Swift.min(ChartStyle.width * 0.45,
                                   (shown.map { ChartStyle.textWidth($0.label, size: 12) }.max() ?? 80) + 16)
        let left = ChartFrame.margin + labelWidth, right = ChartStyle.width - ChartFrame.margin
        let top = frame.plot.top, bottom = ChartStyle.height - 44
        func x(_ value: Double) -> Double {
            let lowest = scale.ticks.first ?? low, highest = scale.ticks.last ?? high
            guard highest > lowest else { return (left + right) / 2 }
            return left + (value - lowest) / (highest - lowest) * (right - left)
        }
        for (tick, label) in zip(scale.ticks, scale.compactMoneyLabels(currency: currency)) {
            frame.canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: ChartStyle.grid)
            frame.canvas.text(label, x: x(tick), y: bottom + 16, anchor: .middle)
        }
        let band = (bottom - top) / Double(Swift.max(shown.count, 1))
        let barHeight = Swift.min(26, band * 0.62)
        for (index, row) in shown.enumerated() {
            let middle = top + band * (Double(index) + 0.5)
            let name = CostPerMillionTokensChart.fitted(row.label, width: labelWidth - 12, size: 12)
            frame.canvas.text(name, x: left - 10, y: middle + 4, size: 12, anchor: .end, fill: ChartStyle.ink)
            // Each half is drawn from the forecast's result to the result with the input moved.
            for (value, colour, side) in [(row.low, 0, lowLabel), (row.high, 1, highLabel)] {
                let from = Swift.min(x(center), x(value)), to = Swift.max(x(center), x(value))
                let text = MoneyFormat.short(value, currency: currency)
                frame.canvas.rect(x: from, y: middle - barHeight / 2, width: Swift.max(to - from, 1),
                                  height: barHeight, fill: ChartStyle.color(colour), className: "bar",
                                  tooltip: "\(row.label), \(side): \(text)")
            }
        }
        frame.canvas.line(x1: x(center), y1: top - 4, x2: x(center), y2: bottom, stroke: ChartStyle.ink, width: 1.5)
        frame.canvas.text("forecast: \(MoneyFormat.short(center, currency: currency))", x: x(center), y: top - 8,
                          size: 11, anchor: .middle, fill: ChartStyle.ink)
        let summary = shown.map {
            "\($0.label) \(MoneyFormat.short($0.low, currency: currency)) to \(MoneyFormat.short($0.high, currency: currency))"
        }
        return frame.canvas.document(
            title: title, description: "Tornado around \(MoneyFormat.short(center, currency: currency)): "
                + summary.joined(separator: "; ") + ".")
    }
}
