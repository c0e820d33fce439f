import Foundation
import TCOCore

extension CalcSheet {
    /// Payback against the baseline, forward only: in each month, whether cumulative cost is no
    /// dearer, and the latest month so far in which it was dearer; payback is the month after
    /// the last dearer one, or "never" when the strategy is dearer in the last month.
    mutating func addPayback() {
        let f = self.f
        let model = scenario.model
        guard let baseline = strategyRows[model.baseline] else { return }
        header("Payback against the baseline (\(model.baseline))")
        for strategy in model.strategies where strategy.name != model.baseline {
            guard var own = strategyRows[strategy.name], let strategyResult = result.strategy(named: strategy.name),
                let baselineResult = result.strategy(named: model.baseline),
                let comparison = result.comparisons.first(where: { $0.strategy == strategy.name })
            else { continue }
            var x = 0.0
            var b = 0.0
            var latest = 0.0
            let (ownCost, baselineCost) = (strategyResult.monthly.afterTaxCost, baselineResult.monthly.afterTaxCost)
            let holds: [Double] = zip(ownCost, baselineCost).map { cx, cb in
                x += cx
                b += cb
                return Solver.isNoDearer(x, than: b) ? 1 : 0
            }
            let dearer: [Double] = holds.enumerated().map { i, h in
                if h == 0 { latest = Double(i + 1) }
                return latest
            }
            // Payback is on cumulative after-tax cost (calculations.md, Comparison).
            let cx = own.cumulativeAfterTax
            let cb = baseline.cumulativeAfterTax
            let holdsRow = add(
                Row(
                    label: "\(strategy.name): cumulative after-tax cost no dearer than \(model.baseline)",
                    unit: "1 = yes",
                    format: .integer,
                    formula: { c in
                        "IF(\(f.ref(cx, c))<=\(f.ref(cb, c))+Comparison_Tolerance*MAX(ABS(\(f.ref(cb, c))),1),1,0)"
                    },
                    values: holds))
            let dearerRow = nextRow
            let paybackText = comparison.paybackMonth.map(String.init) ?? "never"
            let last = "MAX(\(f.span(dearerRow)))"
            let paybackFormula = "IF(\(last)=MAX(\(f.monthSpan)),\"never\",\(last)+1)"
            _ = add(
                Row(
                    label: "\(strategy.name): latest month so far dearer than \(model.baseline)", unit: "month",
                    format: .integer,
                    formula: { c in "IF(\(f.ref(holdsRow, c))=1,\(f.ref(dearerRow, c - 1)),\(f.month(c)))" },
                    values: dearer,
                    total: comparison.paybackMonth.map { .custom(paybackFormula, Double($0)) }
                        ?? .customText(paybackFormula, paybackText),
                    note:
                        "0 while never dearer. The total column is the payback month: the month after the last "
                        + "dearer one."
                ))
            own.payback = dearerRow
            strategyRows[strategy.name] = own
        }
    }

    /// The API price break-even against the baseline as live formulas (calculations.md, Break-even
    /// multipliers). Every API cost scales with the price factor k and nothing else depends on it,
    /// so NPV(X) − NPV(B) = dF + k·dA is a straight line; the contract's bisection result is the
    /// point of its geometric grid next to where the line crosses the "no dearer" tolerance.
    mutating func addPriceBreakEven(_ solver: Solver) {
        let model = scenario.model
        guard let baseline = strategyRows[model.baseline], let baselineStrategy = model.strategy(named: model.baseline)
        else { return }
        header(
            "API price break-even against the baseline (\(model.baseline)): closed form of the contract's bisection")
        func total(_ row: Int) -> String { CellReference.absolute(row: row, column: CalcLayout.totalColumn) }
        func apiNPV(_ name: String) -> Double {
            let api = result.strategy(named: name)?.monthly.api ?? []
            return zip(api, discountFactors).reduce(0) { $0 + $1.0 * $1.1 } * (1 - model.finance.taxRate)
        }
        for strategy in model.strategies where strategy.name != model.baseline {
            guard var own = strategyRows[strategy.name],
                let comparison = result.comparisons.first(where: { $0.strategy == strategy.name }),
                let npvX = result.strategy(named: strategy.name)?.npvCostAfterTax,
                let npvB = result.strategy(named: model.baseline)?.npvCostAfterTax
            else { continue }
            let x = strategy.name
            let (nx, ax, nb, ab) = (
                total(own.discountedAfterTax), total(own.discountedAPIAfterTax),
                total(baseline.discountedAfterTax), total(baseline.discountedAPIAfterTax)
            )
            let (apiX, apiB) = (apiNPV(x), apiNPV(model.baseline))
            let dFValue = (npvX - apiX) - (npvB - apiB)
            let dAValue = apiX - apiB
            func wins(_ k: Double) -> Double {
                let a = solver.timeline(of: strategy, volumeFactor: 1, apiPriceFactor: k).npvCostAfterTax
                let b = solver.timeline(of: baselineStrategy, volumeFactor: 1, apiPriceFactor: k).npvCostAfterTax
                return Solver.isNoDearer(a, than: b) ? 1 : 0
            }
            let (w1, wLow, wHigh) = (wins(1), wins(BreakEvenSearch.lowest), wins(BreakEvenSearch.highest))
            func scalar(
                _ label: String, _ unit: String, _ format: CellStyle.NumberFormat, _ formula: String,
                _ value: Double?, text: String? = nil, note: String? = nil
            ) -> String {
                let result: Total = value.map { .custom(formula, $0) } ?? .customText(formula, text ?? "none")
                return total(
                    add(
                        Row(
                            label: "\(x) vs \(model.baseline): \(label)", unit: unit, format: format, formula: nil,
                            values: [], total: result, note: note)))
            }
            let dF = scalar(
                "after-tax NPV difference without API cost (dF)", model.currency, .money,
                "(\(nx)-\(ax))-(\(nb)-\(ab))", dFValue)
            let dA = scalar(
                "after-tax NPV difference of API cost at today's prices (dA)", model.currency, .money,
                "\(ax)-\(ab)", dAValue)
            func winsFormula(_ k: String) -> String {
                "IF(\(dF)+\(k)*\(dA)<=Comparison_Tolerance*MAX(ABS(\(nb)-\(ab)+\(k)*\(ab)),1),1,0)"
            }
            let atOne = scalar("wins at 1× API prices", "1 = yes", .integer, winsFormula("1"), w1)
            let atLow = scalar(
                "wins at the lowest factor searched", "1 = yes", .integer, winsFormula("Break_Even_Low"), wLow)
            let atHigh = scalar(
                "wins at the highest factor searched", "1 = yes", .integer, winsFormula("Break_Even_High"), wHigh)
            // Where the line meets the tolerance: dF + k·dA = tolerance × max(|NPV(B) at k|, 1).
            let crossValue: Double? =
                dAValue == 0
                ? nil
                : (1e-9 * max(abs(npvB - apiB - apiB * dFValue / dAValue), 1) - dFValue) / dAValue
            let cross = scalar(
                "factor where the NPVs meet (k*)", "factor", .factor,
                "IF(\(dA)=0,\"none\",(Comparison_Tolerance*MAX(ABS(\(nb)-\(ab)-\(ab)*\(dF)/\(dA)),1)-\(dF))/\(dA))",
                crossValue,
                note:
                    "Solves dF + k·dA = Comparison_Tolerance × max(|NPV of the baseline at k|, 1): the factor at "
                    + "which the strategy turns from dearer to no dearer."
            )
            let lowValue: Double? = wLow != w1 ? BreakEvenSearch.lowest : (wHigh != w1 ? 1 : nil)
            let highValue: Double? = wLow != w1 ? 1 : (wHigh != w1 ? BreakEvenSearch.highest : nil)
            let low = scalar(
                "bisection bracket, lower end", "factor", .factor,
                "IF(\(atLow)<>\(atOne),Break_Even_Low,IF(\(atHigh)<>\(atOne),1,\"none\"))", lowValue)
            let high = scalar(
                "bisection bracket, upper end", "factor", .factor,
                "IF(\(atLow)<>\(atOne),1,IF(\(atHigh)<>\(atOne),Break_Even_High,\"none\"))", highValue)
            var stepsValue: Double?
            if let lowValue, let highValue {
                var ratio = highValue / lowValue
                var n = 0.0
                while ratio > 1 + BreakEvenSearch.precision {
                    ratio = ratio.squareRoot()
                    n += 1
                }
                stepsValue = n
            }
            let steps = scalar(
                "bisection steps", "steps", .integer,
                "IF(ISNUMBER(\(low)),CEILING(LN(LN(\(high)/\(low))/LN(1+Break_Even_Precision))/LN(Bisection_Split),1)"
                + ",\"none\")",
                stepsValue)
            var stepValue: Double?
            var positionValue: Double?
            if let lowValue, let highValue, let stepsValue {
                stepValue = log(highValue / lowValue) / pow(2, stepsValue)
                if let crossValue, let stepValue { positionValue = log(crossValue / lowValue) / stepValue }
            }
            let step = scalar(
                "bisection grid step (natural log)", "log", .scientific,
                "IF(ISNUMBER(\(low)),LN(\(high)/\(low))/Bisection_Split^\(steps),\"none\")", stepValue)
            let position = scalar(
                "k* on the grid (steps above the lower end)", "steps", .number,
                "IF(ISNUMBER(\(low)),LN(\(cross)/\(low))/\(step),\"none\")", positionValue)
            let side = comparison.breakEvenPrice.side.rawValue
            let sideRef = scalar(
                "side", "", .text,
                "IF(ISNUMBER(\(low)),IF(IF(\(high)=1,\(atOne),\(atHigh))=1,\"above\",\"below\"),IF(\(atOne)=1,"
                + "\"always\",\"never\"))",
                nil, text: side,
                note:
                    "above: the strategy wins at factors above the multiplier (it wins at the upper end of the "
                    + "bracket)."
            )
            _ = scalar(
                "API price break-even ×", "factor", .factor,
                "IF(ISNUMBER(\(low)),\(low)*EXP(\(step)*IF(\(sideRef)=\"above\",CEILING(\(position),1),"
                + "FLOOR(\(position),1))),\"none\")",
                comparison.breakEvenPrice.multiplier,
                note:
                    "The contract's bisection halves [lower, upper] on a log scale 'steps' times, so it ends on a "
                    + "grid point lower × (upper/lower)^(j/2^steps): the first one at or above k* when the side is "
                    + "above, the last one at or below it when below. Equal to tco solve's value."
            )
            own.priceBreakEven = nextRow - 1
            own.priceSide = nextRow - 2
            strategyRows[x] = own
        }
    }
}
