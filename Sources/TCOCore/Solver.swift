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
    /// Trend of each API and rented option's `price_change` by month, by option name.
    let priceFactors: [String: [Double]]
    /// Each API option's prices by month at the scale of its trend (`v / T(s)`), by option name.
    let apiPrices: [String: APIPriceLevels]
    /// Each rented option's on-demand GPU-hour price by month at the scale of its trend, by option name.
    let gpuHourLevels: [String: [Double]]
    /// Electricity price by month at the scale of its trend, and the trend.
    let electricityLevels: [Double]
    let electricityFactors: [Double]
    /// Colocation price in force by month.
    let colocation: [Double]
    /// Each staff role's cost by month, `count × cost / 12`, in role order.
    let staffCosts: [[Double]]
    /// Cost of one request of each workload (by index) on each API option (by name) by month, at an
    /// API price factor of 1 (`costPerRequest`): the same in every solve of this model, so a
    /// break-even search reads it instead of working it out again for every flow and step.
    let costsPerRequest: [String: [[Double]]]

    /// An API option's four prices by month, `v / T(s)` (multiplied by the trend `T(m)` when used).
    struct APIPriceLevels: Sendable {
        var input: [Double]
        var output: [Double]
        var cachedInput: [Double]
        var cacheWrite: [Double]
    }

    public init(model: Model) {
        self.model = model
        let months = model.horizonMonths
        self.months = months
        requests = model.workloads.map { workload in
            let trend = workload.growth.trend(months: months)
            return zip(workload.requests.levels(over: trend), trend).map { $0 * $1 }
        }
        discount = (1...months).map { Calendar.discountFactor(annualRate: model.discountRate, month: $0) }
        var tokens = [Double](repeating: 0, count: months)
        for (w, workload) in model.workloads.enumerated() {
            let perRequest = workload.inputTokens + workload.outputTokens
            for m in 0..<months { tokens[m] += requests[w][m] * perRequest }
        }
        self.tokens = tokens
        var priceFactors: [String: [Double]] = [:]
        var apiPrices: [String: APIPriceLevels] = [:]
        var gpuHourLevels: [String: [Double]] = [:]
        for option in model.serving {
            switch option.kind {
            case .api(let pricing):
                let trend = pricing.priceChange.trend(months: months)
                priceFactors[option.name] = trend
                apiPrices[option.name] = APIPriceLevels(
                    input: pricing.priceInput.levels(over: trend), output: pricing.priceOutput.levels(over: trend),
                    cachedInput: pricing.priceCachedInput.levels(over: trend),
                    cacheWrite: pricing.priceCacheWrite.levels(over: trend))
            case .rented(_, let pricing):
                let trend = pricing.priceChange.trend(months: months)
                priceFactors[option.name] = trend
                gpuHourLevels[option.name] = pricing.gpuHour.levels(over: trend)
            case .selfHosted:
                continue
            }
        }
        self.priceFactors = priceFactors
        self.apiPrices = apiPrices
        var costsPerRequest: [String: [[Double]]] = [:]
        for option in model.serving {
            guard case .api(let pricing) = option.kind, let prices = apiPrices[option.name] else { continue }
            costsPerRequest[option.name] = model.workloads.map { workload in
                Self.costPerRequest(of: workload, pricing: pricing, prices: prices, months: months, apiPriceFactor: 1)
            }
        }
        self.costsPerRequest = costsPerRequest
        self.gpuHourLevels = gpuHourLevels
        let facility = model.facility ?? Facility(electricityPerKilowattHour: 0)
        electricityFactors = facility.electricityChange.trend(months: months)
        electricityLevels = facility.electricityPerKilowattHour.levels(over: electricityFactors)
        colocation = facility.colocationPerKilowattMonth.valuesByMonth(months)
        staffCosts = model.staff.map { role in
            let trend = role.costChange.trend(months: months)
            let costs = role.costPerYear.levels(over: trend)
            let counts = role.count.valuesByMonth(months)
            return (0..<months).map { m in counts[m] * (costs[m] * trend[m]) / 12 }
        }
    }

    /// The full timeline of `strategy` with every workload's requests scaled by `volumeFactor`
    /// and every API price scaled by `apiPriceFactor`.
    public func timeline(of strategy: Strategy, volumeFactor: Double, apiPriceFactor: Double) -> StrategyResult {
        var lines = MonthlyLines(months: months)
        var none: StrategyDetails?
        let selfHostedTokens = addCosts(
            of: strategy, volumeFactor: volumeFactor, apiPriceFactor: apiPriceFactor, into: &lines, details: &none)
        return totals(of: strategy.name, lines: lines, volumeFactor: volumeFactor, selfHostedTokens: selfHostedTokens)
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

    /// Cash cost, P&L cost, tax shield and after-tax cost by month, and the totals (calculations.md,
    /// "Totals of a strategy"). Version 2 lines are added where they are exact zeros for a version 1
    /// model, so its numbers stay the same bit for bit.
    func totals(
        of name: String, lines: MonthlyLines, volumeFactor: Double, selfHostedTokens: Double
    ) -> StrategyResult {
        var lines = lines
        let taxRate = model.finance.taxRate
        var npv = 0.0, npvAfterTax = 0.0, total = 0.0, pnl = 0.0, capex = 0.0, terminal = 0.0
        var discountedTokens = 0.0, energy = 0.0
        var cashCosts = [Double](repeating: 0, count: months), pnlCosts = cashCosts
        lines.addCashAndPnLCost(into: &cashCosts, pnl: &pnlCosts)
        lines.cost = cashCosts
        for m in 0..<months {
            let cost = cashCosts[m], pnlCost = pnlCosts[m]
            lines.taxShield[m] = taxRate * pnlCost
            lines.afterTaxCost[m] = cost - lines.taxShield[m]
            npv += cost * discount[m]
            npvAfterTax += lines.afterTaxCost[m] * discount[m]
            total += cost
            pnl += pnlCost
            capex += lines.capex[m]
            terminal += lines.terminalValue[m]
            energy += lines.energyKilowattHours[m]
            discountedTokens += tokens[m] * volumeFactor * discount[m]
        }
        var result = StrategyResult(
            name: name, monthly: lines, npvCost: npv, totalCost: total, totalPnLCost: pnl, capex: capex,
            terminalValue: terminal,
            levelizedCostPerMillionTokens: discountedTokens > 0 ? 1e6 * npv / discountedTokens : nil,
            serversMax: lines.servers.max() ?? 0, npvCostAfterTax: npvAfterTax, energyKilowattHours: energy,
            kilowattHoursPerMillionTokensSelfHosted: selfHostedTokens > 0 ? 1e6 * energy / selfHostedTokens : nil)
        result.rentedGPUsMax = lines.rentedGPUs.max() ?? 0
        return result
    }
}
