import TCOCore

/// A value axis with round ticks (steps of 1, 2, 2.5 or 5 × 10^n) that include zero, and the
/// money labels to write beside them.
struct AxisScale: Sendable {
    let lower: Double
    let upper: Double
    let step: Double

    /// An axis covering `values` and zero, with as close to `ticks` intervals as a round step allows.
    init(covering values: [Double], ticks: Int = 5) {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0), high = max(0, finite.max() ?? 0)
        let step = Self.roundStep(low: low, high: high, ticks: max(ticks, 1))
        self.step = step
        lower = (low / step).rounded(.down) * step
        let top = (high / step).rounded(.up) * step
        upper = top > lower ? top : lower + step
    }

    /// The round step (1, 2, 2.5 or 5 × 10^n) whose number of intervals over `low…high` is nearest
    /// `ticks`; on a tie the larger step, for fewer, roomier labels.
    static func roundStep(low: Double, high: Double, ticks: Int) -> Double {
        let span = high - low
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(ticks)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var best = (step: 10 * magnitude, miss: Int.max)
        for factor in [10, 5, 2.5, 2, 1] {
            let step = factor * magnitude
            // Slack against floating-point noise, so 2.0000000001 steps count as 2.
            let count = Int((high / step - 1e-9).rounded(.up) - (low / step + 1e-9).rounded(.down))
            if abs(count - ticks) < best.miss { best = (step, abs(count - ticks)) }
        }
        return best.step
    }

    /// Every tick from `lower` to `upper`, computed from its index so no rounding error builds up.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Where `value` falls between `low` (at `lower`) and `high` (at `upper`) on the page.
    func position(_ value: Double, from low: Double, to high: Double) -> Double {
        low + (value - lower) / (upper - lower) * (high - low)
    }

    /// Fewest decimals (up to 4) that write `step / divisor` exactly: 0.25 → 2, 0.5 → 1, 2 → 0.
    func labelDecimals(dividedBy divisor: Double, atLeast minimum: Int = 0) -> Int {
        let shown = step / divisor
        var scale = 1.0
        for decimals in 0...4 {
            let scaled = shown * scale
            if decimals >= minimum, abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { return decimals }
            scale *= 10
        }
        return 4
    }

    /// Tick labels in thousands or millions (`$0`, `$500k`, `$1.5M`), one decimal pattern for all.
    func compactMoneyLabels(currency: String) -> [String] {
        let largest = max(abs(lower), abs(upper))
        let (divisor, suffix) = largest >= 1e9 ? (1e9, "B") : largest >= 1e6 ? (1e6, "M")
            : largest >= 1e3 ? (1e3, "k") : (1, "")
        let decimals = labelDecimals(dividedBy: divisor)
        return ticks.map { tick in
            if abs(tick) < step * 1e-9 { return Self.symbol(currency) + "0" }
            return (tick < 0 ? "-" : "") + Self.symbol(currency)
                + MoneyFormat.grouped(abs(tick) / divisor, decimals: decimals) + suffix
        }
    }

    /// Tick labels in full with at least `decimals` decimals (`$0.00`, `$0.50`, `$1.00`).
    func moneyLabels(currency: String, decimals minimum: Int = 2) -> [String] {
        let decimals = labelDecimals(dividedBy: 1, atLeast: minimum)
        return ticks.map { MoneyFormat.full(abs($0) < step * 1e-9 ? 0 : $0, currency: currency, decimals: decimals) }
    }

    /// `$` for USD, `EUR ` for others: the prefix MoneyFormat writes, taken from a formatted zero.
    static func symbol(_ currency: String) -> String { String(MoneyFormat.full(0, currency: currency).dropLast()) }
}
