/// Turns a model into monthly timelines, totals and comparisons (calculations.md).
public struct Solver: Sendable {
    public let model: Model
    let months: Int
    /// Requests of each workload in each month at volume factor 1: `[workload][month − 1]`.
    let requests: [[Double]]
    /// Discount factor of each month.
    let discount: [Double]
    /// Tokens served each month at volume factor 1.
    let tokens: [Double]
    /// Price factor of each serving option's `price_change` by month, by option name.
    let priceFactors: [String: [Double]]
    /// Electricity price factor by month.
    let electricityFactors: [Double]

    public init(model: Model) {
        self.model = model
        let months = model.horizonMonths
        self.months = months
        requests = model.workloads.map { workload in
            (1...months).map { workload.requestsPerMonth * Calendar.changeFactor(workload.growth, month: $0) }
        }
        discount = (1...months).map { Calendar.discountFactor(annualRate: model.discountRate, month: $0) }
        var tokens = [Double](repeating: 0, count: months)
        for (w, workload) in model.workloads.enumerated() {
            let perRequest = workload.inputTokens + workload.outputTokens
            for m in 0..<months { tokens[m] += requests[w][m] * perRequest }
        }
        self.tokens = tokens
        var priceFactors: [String: [Double]] = [:]
        for option in model.serving {
            let rate: Rate
            switch option.kind {
            case .api(let pricing): rate = pricing.priceChange
            case .rented(_, _, let change): rate = change
            case .selfHosted: continue
            }
            priceFactors[option.name] = (1...months).map { Calendar.changeFactor(rate, month: $0) }
        }
        self.priceFactors = priceFactors
        let electricityChange = model.facility?.electricityChange ?? .zero
        electricityFactors = (1...months).map { Calendar.changeFactor(electricityChange, month: $0) }
    }

    /// Solves every strategy and compares each with the baseline; `name` labels the scenario.
    public func solve(scenario name: String = "base") -> ScenarioResult {
        let results = model.strategies.map { timeline(of: $0, volumeFactor: 1, apiPriceFactor: 1) }
        var comparisons: [Comparison] = []
        if let baseline = results.first(where: { $0.name == model.baseline }) {
            for (strategy, result) in zip(model.strategies, results) where strategy.name != model.baseline {
                comparisons.append(compare(strategy, result, against: baseline))
            }
        }
        return ScenarioResult(name: name, tokens: tokens, strategies: results, comparisons: comparisons)
    }

    /// The full timeline of `strategy` with every workload's requests scaled by `volumeFactor`
    /// and every API price scaled by `apiPriceFactor`.
    public func timeline(of strategy: Strategy, volumeFactor: Double, apiPriceFactor: Double) -> StrategyResult {
        var lines = MonthlyLines(months: months)
        var none: StrategyDetails?
        addCosts(of: strategy, volumeFactor: volumeFactor, apiPriceFactor: apiPriceFactor, into: &lines, details: &none)
        return totals(of: strategy.name, lines: lines, volumeFactor: volumeFactor)
    }

    /// Every intermediate line of `strategy` at the forecast, for the workbook.
    public func details(of strategy: Strategy) -> StrategyDetails {
        var lines = MonthlyLines(months: months)
        var details: StrategyDetails? = StrategyDetails()
        addCosts(of: strategy, volumeFactor: 1, apiPriceFactor: 1, into: &lines, details: &details)
        return details ?? StrategyDetails()
    }

    /// Requests of each workload by month, in workload order.
    public var requestsByWorkload: [[Double]] { requests }

    /// Discount factor by month.
    public var discountFactors: [Double] { discount }

    func totals(of name: String, lines: MonthlyLines, volumeFactor: Double) -> StrategyResult {
        var lines = lines
        var npv = 0.0, total = 0.0, pnl = 0.0, capex = 0.0, terminal = 0.0, discountedTokens = 0.0
        for m in 0..<months {
            let cost = lines.api[m] + lines.rented[m] + lines.capex[m] + lines.maintenance[m] + lines.power[m]
                + lines.colocation[m] + lines.staff[m] - lines.residual[m] - lines.terminalValue[m]
            lines.cost[m] = cost
            npv += cost * discount[m]
            total += cost
            pnl += lines.api[m] + lines.rented[m] + lines.maintenance[m] + lines.power[m] + lines.colocation[m]
                + lines.staff[m] + lines.depreciation[m]
            capex += lines.capex[m]
            terminal += lines.terminalValue[m]
            discountedTokens += tokens[m] * volumeFactor * discount[m]
        }
        return StrategyResult(
            name: name, monthly: lines, npvCost: npv, totalCost: total, totalPnLCost: pnl, capex: capex,
            terminalValue: terminal,
            levelizedCostPerMillionTokens: discountedTokens > 0 ? 1e6 * npv / discountedTokens : nil,
            serversMax: lines.servers.max() ?? 0)
    }
}
