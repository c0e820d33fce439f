import RealModule

extension Solver {
    /// "x is no dearer than b": `x ≤ b + 10^-9 × max(|b|, 1)`; ties go to the strategy.
    public static func isNoDearer(_ x: Double, than b: Double) -> Bool {
        x <= b + 1e-9 * Swift.max(abs(b), 1)
    }

    /// `strategy` against the baseline on cost after tax (calculations.md, "Comparison with the
    /// baseline"); with no tax rate, cost after tax is cost.
    /// `baselineEnds`: the baseline's values at the volume bracket's ends, when already solved;
    /// `searched`: the same comparison in another scenario with the same inputs (its break-evens).
    func compare(
        _ strategy: Strategy, _ result: StrategyResult, against baseline: StrategyResult,
        baselineEnds: VolumeEnds? = nil, searched: Comparison? = nil
    ) -> Comparison {
        let savings = baseline.npvCostAfterTax - result.npvCostAfterTax
        guard let baselineStrategy = model.strategy(named: model.baseline) else {
            return Comparison(strategy: strategy.name, npvSavings: savings, paybackMonth: nil,
                              breakEvenVolume: BreakEven(multiplier: nil, side: .never),
                              breakEvenPrice: BreakEven(multiplier: nil, side: .never))
        }
        let volume = searched?.breakEvenVolume
            ?? volumeBreakEven(strategy, result, against: baselineStrategy, baseline, baselineEnds: baselineEnds)
        let price = searched?.breakEvenPrice ?? priceBreakEven(strategy, result, against: baselineStrategy, baseline)
        return Comparison(
            strategy: strategy.name,
            npvSavings: savings,
            paybackMonth: Solver.paybackMonth(
                strategy: result.monthly.afterTaxCost, baseline: baseline.monthly.afterTaxCost),
            breakEvenVolume: volume,
            breakEvenPrice: price)
    }

    /// First month from which the strategy's cumulative cash cost stays no dearer than the
    /// baseline's through the last month; `nil` if it is dearer in the last month.
    public static func paybackMonth(strategy: [Double], baseline: [Double]) -> Int? {
        let months = Swift.min(strategy.count, baseline.count)
        var holds = [Bool](repeating: false, count: months)
        var x = 0.0, b = 0.0
        for m in 0..<months {
            x += strategy[m]
            b += baseline[m]
            holds[m] = isNoDearer(x, than: b)
        }
        guard months > 0, holds[months - 1] else { return nil }
        var first = months - 1
        while first > 0, holds[first - 1] { first -= 1 }
        return first + 1
    }
}

/// The exact break-even procedure of calculations.md: evaluate at 1, 0.001 and 1000, bisect
/// geometrically each bracket where the outcome changes, report the crossing nearer to 1.
public enum BreakEvenSearch {
    /// The bracket searched (factors from `lowest` to `highest`) and the bisection's stopping width.
    public static let lowest = 0.001
    public static let highest = 1000.0
    public static let precision = 1e-4

    /// Finds where `wins(k)` changes around `k = 1`.
    public static func find(_ wins: (Double) -> Bool) -> BreakEven {
        let atForecast = wins(1)
        var downward: (multiplier: Double, winsAbove: Bool)?
        var upward: (multiplier: Double, winsAbove: Bool)?
        if wins(lowest) != atForecast {
            downward = bisect(lowest, 1, winsAtLower: !atForecast, wins)
        }
        if wins(highest) != atForecast {
            upward = bisect(1, highest, winsAtLower: atForecast, wins)
        }
        let chosen: (multiplier: Double, winsAbove: Bool)?
        switch (downward, upward) {
        case let (down?, up?):
            chosen = abs(Double.log(up.multiplier)) < abs(Double.log(down.multiplier)) ? up : down
        case let (down?, nil): chosen = down
        case let (nil, up?): chosen = up
        case (nil, nil): chosen = nil
        }
        guard let chosen else { return BreakEven(multiplier: nil, side: atForecast ? .always : .never) }
        return BreakEven(multiplier: chosen.multiplier, side: chosen.winsAbove ? .above : .below)
    }

    /// Geometric bisection of `[a, b]` where `wins` differs at the two ends; returns the end of
    /// the final bracket at which the strategy wins, and whether that is the upper end.
    static func bisect(_ lower: Double, _ upper: Double, winsAtLower: Bool, _ wins: (Double) -> Bool)
        -> (multiplier: Double, winsAbove: Bool)
    {
        var a = lower, b = upper
        while b / a > 1 + precision {
            let mid = (a * b).squareRoot()
            if wins(mid) == winsAtLower { a = mid } else { b = mid }
        }
        return winsAtLower ? (a, false) : (b, true)
    }
}
