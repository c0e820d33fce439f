/// What every chart has around its data: title, subtitle, legend, the value axis with its grid,
/// and the axis titles. Laid out top to bottom; `plot` is the rectangle left for the data.
struct ChartFrame {
    struct Plot {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
    }

    var canvas = SVGCanvas()
    private(set) var plot: Plot

    static let margin = 24.0

    /// Draws the title, the subtitle and (when given) a legend of `legend` names in series colours.
    init(title: String, subtitle: String, legend: [String], rightMargin: Double, bottomMargin: Double = 56) {
        canvas.text(title, x: Self.margin, y: 28, size: 16, fill: ChartStyle.ink, bold: true)
        canvas.text(subtitle, x: Self.margin, y: 47, size: 12, fill: ChartStyle.faintInk)
        var top = 76.0
        if !legend.isEmpty {
            top = Self.drawLegend(legend, into: &canvas, top: 70) + 16
        }
        plot = Plot(left: 80, top: top, right: ChartStyle.width - rightMargin, bottom: ChartStyle.height - bottomMargin)
    }

    /// Legend entries in rows (a short line in the series colour, then the name); returns the last row's y.
    static func drawLegend(_ names: [String], into canvas: inout SVGCanvas, top: Double) -> Double {
        var x = margin, y = top
        for (index, name) in names.enumerated() {
            let width = 24 + ChartStyle.textWidth(name, size: 12) + 20
            if x > margin, x + width > ChartStyle.width - margin {
                x = margin
                y += 18
            }
            canvas.line(x1: x, y1: y - 4, x2: x + 18, y2: y - 4, stroke: ChartStyle.color(index), width: 3,
                        dash: ChartStyle.dash(index))
            canvas.text(name, x: x + 24, y: y, size: 12, fill: ChartStyle.ink)
            x += width
        }
        return y
    }

    /// Horizontal grid lines with their labels at the ticks of `scale`, and the axis title beside them.
    mutating func drawValueAxis(_ scale: AxisScale, labels: [String], title: String) {
        for (tick, label) in zip(scale.ticks, labels) {
            let y = scale.position(tick, from: plot.bottom, to: plot.top)
            // Zero is the reference line; the others only guide the eye.
            let color = abs(tick) < scale.step * 1e-9 ? ChartStyle.axis : ChartStyle.grid
            canvas.line(x1: plot.left, y1: y, x2: plot.right, y2: y, stroke: color)
            canvas.text(label, x: plot.left - 8, y: y + 4, anchor: .end)
        }
        canvas.text(title, x: 18, y: (plot.top + plot.bottom) / 2, size: 12, anchor: .middle, rotated: true)
    }

    /// The title under the horizontal axis.
    mutating func drawCategoryTitle(_ title: String) {
        canvas.text(title, x: (plot.left + plot.right) / 2, y: ChartStyle.height - 12, size: 12, anchor: .middle)
    }
}
