import TCOCore

/// A bar chart of levelized cost per million tokens per strategy, as SVG (720×360).
public enum CostPerMillionTokensChart {
    /// The chart of `bars` in `currency` per million tokens; a bar without a value shows "n/a".
    public static func svg(
        bars: [ChartBar], currency: String,
        title: String = "Levelized cost per million tokens", subtitle: String = ""
    ) -> String {
        // Headroom above the tallest bar for its value label.
        let values = bars.compactMap(\.value)
        let scale = AxisScale(covering: values + [(values.max() ?? 0) * 1.1])
        var frame = ChartFrame(title: title, subtitle: subtitle, legend: [], rightMargin: ChartFrame.margin)
        frame.drawValueAxis(scale, labels: scale.moneyLabels(currency: currency),
                            title: "\(currency) per million tokens")
        let plot = frame.plot
        func y(_ value: Double) -> Double { scale.position(value, from: plot.bottom, to: plot.top) }
        let band = (plot.right - plot.left) / Double(max(bars.count, 1))
        let barWidth = min(72, band * 0.56)
        let lowest = values.min()
        // Names in the largest type at which they all fit their band; past that, cut short.
        let nameSize = [12.0, 11, 10].first { size in
            bars.allSatisfy { ChartStyle.textWidth($0.name, size: size) <= band - 6 }
        } ?? 10
        for (index, bar) in bars.enumerated() {
            let center = plot.left + band * (Double(index) + 0.5)
            let name = fitted(bar.name, width: band - 6, size: nameSize)
            frame.canvas.text(name, x: center, y: plot.bottom + 18, size: nameSize, anchor: .middle,
                              fill: ChartStyle.ink)
            guard let value = bar.value else {
                frame.canvas.text("n/a", x: center, y: y(0) - 6, anchor: .middle)
                continue
            }
            let top = min(y(value), y(0)), height = abs(y(value) - y(0))
            let text = MoneyFormat.full(value, currency: currency, decimals: 2)
            frame.canvas.rect(x: center - barWidth / 2, y: top, width: barWidth, height: height,
                              fill: ChartStyle.color(index), className: "bar", tooltip: "\(bar.name): \(text)")
            // The cheapest strategy's value is bold: the number a reader looks for first.
            let labelY = value >= 0 ? top - 6 : top + height + 14
            frame.canvas.text(text, x: center, y: labelY, size: 12, anchor: .middle, fill: ChartStyle.ink,
                              bold: value == lowest)
        }
        frame.canvas.line(x1: plot.left, y1: y(0), x2: plot.right, y2: y(0), stroke: ChartStyle.axis)
        frame.drawCategoryTitle("Strategy")
        let summary = bars.map { bar in
            "\(bar.name) " + (bar.value.map { MoneyFormat.full($0, currency: currency, decimals: 2) } ?? "n/a")
        }
        return frame.canvas.document(
            title: title, description: "Levelized cost per million tokens: " + summary.joined(separator: "; ") + ".")
    }

    /// `name`, cut with an ellipsis when it is wider than `width` at `size`.
    static func fitted(_ name: String, width: Double, size: Double) -> String {
        guard ChartStyle.textWidth(name, size: size) > width else { return name }
        var kept = name
        while kept.count > 1, ChartStyle.textWidth(kept + "…", size: size) > width { kept.removeLast() }
        return kept + "…"
    }
}
