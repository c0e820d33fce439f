import TCOCore

/// A line chart of cumulative cash cost per strategy over time, as SVG (720×360).
public enum CumulativeCostChart {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The chart of `series` (each value the cumulative cost at the end of a month, the first
    /// month being `start`), money in `currency`. Every line starts at zero at the start of `start`.
    public static func svg(
        series: [ChartSeries], start: YearMonth, currency: String,
        title: String = "Cumulative cash cost by strategy", subtitle: String = ""
    ) -> String {
        let months = series.map(\.values.count).max() ?? 0
        let scale = AxisScale(covering: series.flatMap(\.values))
        var frame = ChartFrame(title: title, subtitle: subtitle, legend: series.map(\.name), rightMargin: 84)
        frame.drawValueAxis(scale, labels: scale.compactMoneyLabels(currency: currency),
                            title: "Cumulative cash cost (\(currency))")
        let plot = frame.plot
        func x(_ month: Int) -> Double { plot.left + Double(month) / Double(max(months, 1)) * (plot.right - plot.left) }
        func y(_ value: Double) -> Double { scale.position(value, from: plot.bottom, to: plot.top) }
        drawTimeAxis(into: &frame, start: start, months: months, x: x)

        var ends: [(index: Int, y: Double, label: String)] = []
        for (index, line) in series.enumerated() {
            let points = [(x: x(0), y: y(0))] + line.values.enumerated().map { (x: x($0.offset + 1), y: y($0.element)) }
            let last = line.values.last ?? 0
            let total = MoneyFormat.short(last, currency: currency)
            frame.canvas.path(points, stroke: ChartStyle.color(index), width: 2.5, dash: ChartStyle.dash(index),
                              className: "series", tooltip: "\(line.name): \(total)")
            frame.canvas.circle(x: x(line.values.count), y: y(last), radius: 3, fill: ChartStyle.color(index))
            ends.append((index, y(last), total))
        }
        // Each line's final value at its right end, nudged apart where lines finish close together.
        for end in spread(ends, minimumGap: 14, within: plot.top...plot.bottom) {
            frame.canvas.text(end.label, x: plot.right + 8, y: end.y + 4, size: 11, fill: ChartStyle.color(end.index),
                              bold: true)
        }
        let summary = series.map { "\($0.name) \(MoneyFormat.short($0.values.last ?? 0, currency: currency))" }
        let description = "Cumulative cash cost at the end of the horizon, \(months) months from \(start): "
            + summary.joined(separator: "; ") + "."
        return frame.canvas.document(title: title, description: description)
    }

    /// Tick marks at year starts with each year's name centred under it (quarters for two years or
    /// less), and the axis line.
    static func drawTimeAxis(into frame: inout ChartFrame, start: YearMonth, months: Int, x: (Int) -> Double) {
        let plot = frame.plot
        frame.canvas.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: ChartStyle.axis)
        guard months > 0 else { return }
        let quarterly = months <= 24
        let period = quarterly ? 3 : 12
        // Months (from the start) at which a period begins: every January, or every quarter start.
        let offset = quarterly ? (3 - (start.month - 1) % 3) % 3 : (13 - start.month) % 12
        let boundaries = [0] + Array(stride(from: offset == 0 ? period : offset, to: months, by: period)) + [months]
        for boundary in boundaries {
            frame.canvas.line(x1: x(boundary), y1: plot.bottom, x2: x(boundary), y2: plot.bottom + 5,
                              stroke: ChartStyle.axis)
        }
        // Label a period only when enough of it is shown; past twelve years, every other year.
        let every = !quarterly && months > 144 ? 2 : 1
        for (index, pair) in zip(boundaries, boundaries.dropFirst()).enumerated() where index % every == 0 {
            let (from, to) = pair
            guard to - from >= (quarterly ? 2 : 4) else { continue }
            let month = start.adding(months: from)
            let label = quarterly ? "Q\((month.month - 1) / 3 + 1) \(month.year)" : "\(month.year)"
            frame.canvas.text(label, x: (x(from) + x(to)) / 2, y: plot.bottom + 18, anchor: .middle)
        }
        frame.drawCategoryTitle(quarterly ? "Quarter" : "Year")
    }

    /// Label positions in `ends` moved apart by at least `minimumGap`, in order, kept inside `range`.
    static func spread(
        _ ends: [(index: Int, y: Double, label: String)], minimumGap: Double, within range: ClosedRange<Double>
    ) -> [(index: Int, y: Double, label: String)] {
        var sorted = ends.sorted { $0.y != $1.y ? $0.y < $1.y : $0.index < $1.index }
        for i in sorted.indices.dropFirst() where sorted[i].y - sorted[i - 1].y < minimumGap {
            sorted[i].y = sorted[i - 1].y + minimumGap
        }
        // Pushed below the plot: shift the whole stack up, keeping the gaps.
        if let last = sorted.last, last.y > range.upperBound {
            let shift = last.y - range.upperBound
            for i in sorted.indices { sorted[i].y -= shift }
            for i in sorted.indices.reversed().dropFirst() where sorted[i + 1].y - sorted[i].y < minimumGap {
                sorted[i].y = sorted[i + 1].y - minimumGap
            }
        }
        return sorted
    }
}
