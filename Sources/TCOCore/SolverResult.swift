/// The monthly cost lines of one strategy; every array has one value per month of the horizon.
///
/// Money in the model's currency. `residual` and `terminalValue` are inflows written as positive
/// numbers; `cost` subtracts them. `financing` is signed: negative in a month when loans bring in
/// more than is repaid. `taxShield` is tax saved (positive); `afterTaxCost` is `cost − taxShield`.
public struct MonthlyLines: Sendable, Hashable {
    public var cost: [Double]
    public var api: [Double]
    public var rented: [Double]
    public var capex: [Double]
    public var maintenance: [Double]
    public var power: [Double]
    public var colocation: [Double]
    public var staff: [Double]
    public var residual: [Double]
    public var terminalValue: [Double]
    public var depreciation: [Double]
    /// Self-hosted servers in service, all options together.
    public var servers: [Int]
    /// GPUs rented at the month's peak hour (committed ones included), all rented options together.
    public var rentedGPUs: [Int]
    /// Expensed one-time costs.
    public var oneTime: [Double]
    /// Loans: inflows (negative) in purchase months, payments and settlement at the horizon.
    public var financing: [Double]
    /// Interest part of loan payments (P&L, not cash: cash is in `financing`).
    public var interest: [Double]
    /// Tax rate × P&L cost.
    public var taxShield: [Double]
    /// `cost − taxShield`.
    public var afterTaxCost: [Double]
    /// Energy of the self-hosted fleets, kWh at the facility (PUE included).
    public var energyKilowattHours: [Double]

    init(months: Int) {
        let zeros = [Double](repeating: 0, count: months)
        cost = zeros
        api = zeros
        rented = zeros
        capex = zeros
        maintenance = zeros
        power = zeros
        colocation = zeros
        staff = zeros
        residual = zeros
        terminalValue = zeros
        depreciation = zeros
        servers = [Int](repeating: 0, count: months)
        rentedGPUs = [Int](repeating: 0, count: months)
        oneTime = zeros
        financing = zeros
        interest = zeros
        taxShield = zeros
        afterTaxCost = zeros
        energyKilowattHours = zeros
    }

    /// Every line back to zero in place, keeping the storage: a Monte Carlo worker reuses one set
    /// of lines for all its runs instead of allocating eighteen arrays per strategy and run.
    mutating func reset() {
        for line in CostLine.allCases { self.zero(line) }
        func zero(_ values: inout [Double]) { values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        zero(&cost); zero(&taxShield); zero(&afterTaxCost); zero(&energyKilowattHours)
        servers.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// Sets every month of `line` to zero in place.
    mutating func zero(_ line: CostLine) {
        func zero(_ values: inout [Double]) { values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
        switch line {
        case .api: zero(&api)
        case .rented: zero(&rented)
        case .capex: zero(&capex)
        case .maintenance: zero(&maintenance)
        case .power: zero(&power)
        case .colocation: zero(&colocation)
        case .staff: zero(&staff)
        case .residual: zero(&residual)
        case .terminalValue: zero(&terminalValue)
        case .depreciation: zero(&depreciation)
        case .oneTime: zero(&oneTime)
        case .financing: zero(&financing)
        case .interest: zero(&interest)
        }
    }
}

/// The solved timeline and totals of one strategy under one scenario.
public struct StrategyResult: Sendable, Hashable {
    public var name: String
    public var monthly: MonthlyLines
    /// Σ cost × (1 + discount rate)^(−m/12).
    public var npvCost: Double
    /// Σ cost (cash, undiscounted).
    public var totalCost: Double
    /// Σ (api + rented + one-time + maintenance + power + colocation + staff + depreciation + interest).
    public var totalPnLCost: Double
    /// Σ capex.
    public var capex: Double
    /// Σ terminal value (all of it falls in the last month).
    public var terminalValue: Double
    /// 10^6 × NPV of cost / discounted tokens; `nil` when no tokens are served.
    public var levelizedCostPerMillionTokens: Double?
    /// Most self-hosted servers in service in any month.
    public var serversMax: Int
    /// Most GPUs rented at a peak hour in any month (`MonthlyLines.rentedGPUs`).
    public var rentedGPUsMax = 0
    /// Σ (cost − tax shield) × (1 + discount rate)^(−m/12): what comparisons use.
    public var npvCostAfterTax: Double
    /// Σ energy of the self-hosted fleets, kWh.
    public var energyKilowattHours: Double
    /// 10^6 × energy / tokens that ran on self-hosted servers; `nil` when none did.
    public var kilowattHoursPerMillionTokensSelfHosted: Double?
}

/// Where a strategy wins relative to a break-even multiplier (calculations.md, "Break-even multipliers").
public enum BreakEvenSide: String, Sendable, Hashable {
    /// The strategy wins at factors above the multiplier.
    case above
    /// The strategy wins at factors below the multiplier.
    case below
    /// No crossing in [0.001, 1000] and the strategy wins at the forecast.
    case always
    /// No crossing in [0.001, 1000] and the strategy loses at the forecast.
    case never
}

/// A break-even multiplier and the side on which the strategy wins.
public struct BreakEven: Sendable, Hashable {
    /// Factor on the forecast at which the decision flips; `nil` when it never does in [0.001, 1000].
    public var multiplier: Double?
    public var side: BreakEvenSide
}

/// A strategy against the baseline.
public struct Comparison: Sendable, Hashable {
    public var strategy: String
    /// NPV after tax (baseline) − NPV after tax (strategy); positive when the strategy is cheaper.
    public var npvSavings: Double
    /// First month from which cumulative after-tax cash cost stays no dearer than the baseline's; 1-based.
    public var paybackMonth: Int?
    /// Multiplier on every workload's requests.
    public var breakEvenVolume: BreakEven
    /// Multiplier on every API option's token prices.
    public var breakEvenPrice: BreakEven
}

/// Every strategy solved under one scenario.
public struct ScenarioResult: Sendable, Hashable {
    public var name: String
    /// Tokens served per month (input + output), the same for every strategy.
    public var tokens: [Double]
    /// In the model's strategy order.
    public var strategies: [StrategyResult]
    /// One per strategy but the baseline, in strategy order.
    public var comparisons: [Comparison]

    /// The result of the strategy called `name`.
    public func strategy(named name: String) -> StrategyResult? { strategies.first { $0.name == name } }
}

extension StrategyResult {
    /// Peak capacity in words for tables: servers owned, and GPUs rented beside them (a rented
    /// strategy has no servers, and "0" alone would hide its capacity): `2`, `0 (+24 rented GPUs)`.
    public var peakCapacityText: String {
        guard rentedGPUsMax > 0 else { return String(serversMax) }
        return "\(serversMax) (+\(rentedGPUsMax) rented GPU\(rentedGPUsMax == 1 ? "" : "s"))"
    }
}
