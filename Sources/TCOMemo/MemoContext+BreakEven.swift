import TCOCore

/// The memo's sentences about break-even multipliers (calculations.md, "Break-even multipliers").
extension MemoContext {
    /// What a break-even multiplier multiplies.
    public enum BreakEvenMeasure: Sendable {
        /// Every workload's requests.
        case volume
        /// Every API option's token prices.
        case apiPrice
    }

    /// What a strategy does against the baseline as `measure` moves, to follow the strategy's name:
    /// "wins at the forecast and stays cheaper down to 0.57× the forecast volume".
    ///
    /// The side alone does not say whether the strategy wins today: "above 0.57×" wins at the
    /// forecast (1 is above 0.57), "above 3.57×" loses there. The multiplier is the end of the final
    /// bisection bracket at which the strategy wins, so a multiplier of exactly 1 wins at the forecast.
    public static func breakEvenSentence(_ breakEven: BreakEven, of measure: BreakEvenMeasure) -> String {
        let (today, scale, range) = switch measure {
        case .volume: ("the forecast", "the forecast volume", "any volume from 0.001× to 1000× the forecast")
        case .apiPrice: ("today's API prices", "those prices", "any level from 0.001× to 1000× those prices")
        }
        let times = breakEven.multiplier.map(multiplierText) ?? "?"
        let wins = winsAtForecast(breakEven)
        switch breakEven.side {
        case .always: return "wins at \(today) and at \(range)"
        case .never: return "is dearer at \(today) and at \(range)"
        case .above where wins: return "wins at \(today) and stays cheaper down to \(times) \(scale)"
        case .above: return "is dearer at \(today) and becomes cheaper only above \(times) \(scale)"
        case .below where wins: return "wins at \(today) and stays cheaper up to \(times) \(scale)"
        case .below: return "is dearer at \(today) and becomes cheaper only below \(times) \(scale)"
        }
    }

    /// Whether the strategy is no dearer than the baseline at the forecast (factor 1).
    static func winsAtForecast(_ breakEven: BreakEven) -> Bool {
        switch breakEven.side {
        case .always: true
        case .never: false
        case .above: (breakEven.multiplier ?? 0) <= 1
        case .below: (breakEven.multiplier ?? 0) >= 1
        }
    }

    /// `0.5734` → `0.57×`; small factors keep a third decimal (`0.045×`), large ones lose one (`250.0×`).
    static func multiplierText(_ k: Double) -> String {
        let decimals = k < 0.1 ? 3 : k < 10 ? 2 : 1
        return MoneyFormat.grouped(k, decimals: decimals) + "×"
    }
}
