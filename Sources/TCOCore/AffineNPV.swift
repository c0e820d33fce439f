/// A strategy's NPV of cost after tax as a straight line in a factor on its API costs, which lets a
/// break-even search decide `wins(k)` without solving again (decisions.md, "Break-even searches
/// without re-solving").
///
/// The API price factor multiplies every API price and nothing else (calculations.md, "Break-even
/// multipliers"), and every API cost is a product with one price in it: routed shares, escalation,
/// fallback, long context and the batch discount are all proportional to it, and the tax shield is
/// the tax rate times a sum of it with lines that do not move. So in exact arithmetic the NPV is
/// `fixed + api × k`, where `api` is the discounted after-tax API line at `k = 1`. The same holds
/// for the volume factor when the strategy routes nothing in-house: its only line that depends on
/// volume is then the API line, proportional to it (no fleet, no fallback; staff and one-time costs
/// do not move).
///
/// The solver's floating-point sums differ from the line by rounding. `margin(at:)`, 10^-10 of the
/// sum of the magnitudes of every term, is about a million times the worst rounding of sums of this
/// length: where a verdict is nearer the "no dearer" threshold than that, `wins` gives none and the
/// search solves, so it returns the bisection's value exactly.
struct AffineNPV: Sendable {
    /// NPV after tax at `k = 1` minus the API part, and the API part.
    let fixed: Double
    let api: Double
    /// Σ discount × |term| of the lines that do not move, and of the API line at `k = 1`.
    let fixedMagnitude: Double
    let apiMagnitude: Double

    /// Relative size of the band around the threshold where no verdict is given.
    static let roundingBound = 1e-10

    init(_ result: StrategyResult, taxRate: Double, discount: [Double]) {
        let lines = result.monthly
        let tax = abs(taxRate)
        var api = 0.0, fixedMagnitude = 0.0, apiMagnitude = 0.0
        for m in lines.api.indices {
            api += (lines.api[m] - taxRate * lines.api[m]) * discount[m]
            apiMagnitude += (1 + tax) * abs(lines.api[m]) * discount[m]
            let both = abs(lines.rented[m]) + abs(lines.oneTime[m]) + abs(lines.maintenance[m])
                + abs(lines.power[m]) + abs(lines.colocation[m]) + abs(lines.staff[m])
            let cashOnly = abs(lines.capex[m]) + abs(lines.financing[m]) + abs(lines.residual[m])
                + abs(lines.terminalValue[m])
            let pnlOnly = abs(lines.depreciation[m]) + abs(lines.interest[m])
            fixedMagnitude += ((1 + tax) * both + cashOnly + tax * pnlOnly) * discount[m]
        }
        self.fixed = result.npvCostAfterTax - api
        self.api = api
        self.fixedMagnitude = fixedMagnitude
        self.apiMagnitude = apiMagnitude
    }

    /// The NPV after tax at factor `k`, and how far the solver's value may be from it.
    func value(at k: Double) -> (npv: Double, margin: Double) {
        let npv = fixed + api * k
        return (npv, Self.roundingBound * (fixedMagnitude + apiMagnitude * Swift.max(abs(k), 1) + abs(npv)))
    }

    /// `Solver.isNoDearer(x, than: b)` for values known within a margin (0 when solved); `nil` when
    /// the margins leave the verdict open.
    static func wins(_ x: (npv: Double, margin: Double), _ b: (npv: Double, margin: Double)) -> Bool? {
        let threshold = b.npv + 1e-9 * Swift.max(abs(b.npv), 1)
        // The threshold moves by at most (1 + 10^-9) × b's margin.
        let margin = x.margin + 2 * b.margin
        guard margin.isFinite, x.npv.isFinite, threshold.isFinite, abs(x.npv - threshold) > margin else { return nil }
        return x.npv < threshold
    }
}
