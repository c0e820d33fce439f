extension Solver {
    /// The price break-even of `strategy` against the baseline: the contract's search, with each
    /// `wins(k)` read off the two NPVs' straight lines in the price factor (`AffineNPV`, no solve)
    /// unless they are too close to tell. Equal to `breakEvenByBisection(..., price: true)`.
    func priceBreakEven(
        _ strategy: Strategy, _ result: StrategyResult, against baselineStrategy: Strategy,
        _ baseline: StrategyResult
    ) -> BreakEven {
        let taxRate = model.finance.taxRate
        let strategyLine = AffineNPV(result, taxRate: taxRate, discount: discount)
        let baselineLine = AffineNPV(baseline, taxRate: taxRate, discount: discount)
        var scratch = MonthlyLines(months: months)
        return BreakEvenSearch.find { k in
            // At the forecast the solved results are the values the search would compute.
            if k == 1 { return Solver.isNoDearer(result.npvCostAfterTax, than: baseline.npvCostAfterTax) }
            return Solver.wins(
                strategyLine.value(at: k), baselineLine.value(at: k),
                solveStrategy: { npv(of: strategy, volumeFactor: 1, apiPriceFactor: k, scratch: &scratch) },
                solveBaseline: { npv(of: baselineStrategy, volumeFactor: 1, apiPriceFactor: k, scratch: &scratch) })
        }
    }

    /// The volume break-even of `strategy` against the baseline: the contract's bisection, solving
    /// only NPVs after tax (no other line or total), with the forecast taken from the solved
    /// results, a strategy that routes nothing in-house read off its straight line in the volume
    /// factor (`AffineNPV`), and the baseline's values at the bracket's ends from `baselineEnds`.
    /// Equal to `breakEvenByBisection(..., price: false)`.
    func volumeBreakEven(
        _ strategy: Strategy, _ result: StrategyResult, against baselineStrategy: Strategy,
        _ baseline: StrategyResult, baselineEnds: VolumeEnds?
    ) -> BreakEven {
        let taxRate = model.finance.taxRate
        let strategyLine = routesInHouse(strategy) ? nil : AffineNPV(result, taxRate: taxRate, discount: discount)
        let baselineLine = routesInHouse(baselineStrategy)
            ? nil : AffineNPV(baseline, taxRate: taxRate, discount: discount)
        var scratch = MonthlyLines(months: months)
        return BreakEvenSearch.find { k in
            if k == 1 { return Solver.isNoDearer(result.npvCostAfterTax, than: baseline.npvCostAfterTax) }
            let solveStrategy = { npv(of: strategy, volumeFactor: k, apiPriceFactor: 1, scratch: &scratch) }
            let solveBaseline = {
                if let ends = baselineEnds, k == BreakEvenSearch.lowest { return ends.lowest }
                if let ends = baselineEnds, k == BreakEvenSearch.highest { return ends.highest }
                return npv(of: baselineStrategy, volumeFactor: k, apiPriceFactor: 1, scratch: &scratch)
            }
            return Solver.wins(strategyLine?.value(at: k) ?? (solveStrategy(), 0),
                               baselineLine?.value(at: k) ?? (solveBaseline(), 0),
                               solveStrategy: solveStrategy, solveBaseline: solveBaseline)
        }
    }

    /// `wins(k)` from the strategy's and the baseline's NPVs, each solved (margin 0) or read off a
    /// line within a margin; a line's side is solved only when the margins leave the verdict open.
    static func wins(
        _ x: (npv: Double, margin: Double), _ b: (npv: Double, margin: Double),
        solveStrategy: () -> Double, solveBaseline: () -> Double
    ) -> Bool {
        if x.margin > 0 || b.margin > 0, let verdict = AffineNPV.wins(x, b) { return verdict }
        let strategyNPV = x.margin > 0 ? solveStrategy() : x.npv
        let baselineNPV = b.margin > 0 ? solveBaseline() : b.npv
        return isNoDearer(strategyNPV, than: baselineNPV)
    }

    /// Whether any workload's route sends requests to a self-hosted or rented option: then the
    /// strategy's costs do not move in proportion to volume (fleets, fallback, escalation).
    func routesInHouse(_ strategy: Strategy) -> Bool {
        model.workloads.contains { workload in
            strategy.effectiveRoute(for: workload.name).activeShares.contains {
                model.servingOption(named: $0.option)?.isInHouse == true
            }
        }
    }

    /// The baseline's NPV after tax at the ends of the volume bracket, which every search evaluates.
    struct VolumeEnds: Sendable {
        var lowest: Double
        var highest: Double
    }

    func volumeEnds(of baselineStrategy: Strategy) -> VolumeEnds {
        var scratch = MonthlyLines(months: months)
        return VolumeEnds(
            lowest: npv(of: baselineStrategy, volumeFactor: BreakEvenSearch.lowest, apiPriceFactor: 1,
                        scratch: &scratch),
            highest: npv(of: baselineStrategy, volumeFactor: BreakEvenSearch.highest, apiPriceFactor: 1,
                         scratch: &scratch))
    }

    /// `timeline(of:volumeFactor:apiPriceFactor:).npvCostAfterTax` (the same sums, so the same bits)
    /// with the lines added into `scratch` instead of freshly allocated ones.
    func npv(of strategy: Strategy, volumeFactor: Double, apiPriceFactor: Double, scratch: inout MonthlyLines)
        -> Double
    {
        scratch.reset()
        var none: StrategyDetails?
        addCosts(of: strategy, volumeFactor: volumeFactor, apiPriceFactor: apiPriceFactor, into: &scratch,
                 details: &none)
        // The kernel of `totals`' NPV after tax, without its other lines and copies.
        return scratch.npvCostAfterTax(taxRate: model.finance.taxRate, discount: discount)
    }

    /// The contract's procedure word for word, every `wins(k)` solved from scratch: the reference
    /// the faster searches above are tested against.
    func breakEvenByBisection(_ strategy: Strategy, against baselineStrategy: Strategy, price: Bool) -> BreakEven {
        BreakEvenSearch.find { k in
            let x = timeline(of: strategy, volumeFactor: price ? 1 : k, apiPriceFactor: price ? k : 1)
            let b = timeline(of: baselineStrategy, volumeFactor: price ? 1 : k, apiPriceFactor: price ? k : 1)
            return Solver.isNoDearer(x.npvCostAfterTax, than: b.npvCostAfterTax)
        }
    }
}
