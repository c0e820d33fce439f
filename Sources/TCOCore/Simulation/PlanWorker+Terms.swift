import RealModule

/// The numbers of a run's model that a strategy's costs read besides the derived lines, copied
/// out once per run after the draws are written. They are plain values: the monthly loops read
/// them with no copy of a model struct (names, schedules) and so no reference counting.
struct RunTerms {
    /// A workload's tokens, caching, batch share and peak, by workload index.
    struct Workload {
        /// What one request is billed on: tokens and cache shares.
        var tokens = RequestTokens(input: 0, output: 0, cachedShare: 0, cacheWriteShare: 0)
        var batch = 0.0
        var peakToAverage = 1.0
    }

    /// A server type's figures, by hardware index (`Hardware`).
    struct Hardware {
        var gpus = 1
        var leadTimeMonths = 0
        var lifeMonths = 1
        var price = 0.0
        var residual = 0.0
        var maintenancePerYear = 0.0
        /// kW per server at full load and idle.
        var power = 0.0
        var idlePower = 0.0
    }

    /// A loan's terms, by its index in `finance.loans`; the monthly rate and annuity factor are
    /// worked out with the very calls `Solver.addLoan`'s callers make.
    struct Loan {
        var share = 0.0
        var termMonths = 1
        var monthlyRate = 0.0
        var annuity = 0.0
    }

    var workloads: [Workload]
    var hardware: [Hardware]
    var loans: [Loan]
    /// Escalation rate of workload `w` in strategy `k` at `k × workloads + w` (0: none).
    var escalation: [Double]
    /// Cost of strategy `k`'s `i`-th one-time cost in the plan at `oneTimeStart[k] + i`.
    var oneTimeCosts: [Double]
    let oneTimeStart: [Int]
    /// Where each escalation rate and one-time cost is read from: (place in the list above,
    /// strategy index, where in the strategy).
    private let escalationSources: [(slot: Int, strategy: Int, source: StrategyPlan.EscalationSource)]
    private let oneTimeSources: [(slot: Int, strategy: Int, item: Int)]
    /// Whether a drawn input may change a loan (its path is not in a section without loans), and
    /// whether the loans were read once.
    private let readsLoans: Bool
    private var hasReadLoans = false
    var taxRate = 0.0
    var pue = 0.0
    var countsTerminalValue = false

    init(plan: SimulationPlan) {
        let model = plan.model
        workloads = model.workloads.map { _ in Workload() }
        hardware = model.hardware.map { _ in Hardware() }
        loans = model.finance.loans.map { _ in Loan() }
        escalation = [Double](repeating: 0, count: plan.strategies.count * model.workloads.count)
        var start = 0
        oneTimeStart = plan.strategies.map { strategy in
            defer { start += strategy.oneTime.count }
            return start
        }
        oneTimeCosts = [Double](repeating: 0, count: start)
        // Conservative, as `SimulationPlan.Redo`: only a path in a section that holds no loan
        // term leaves the loans alone (an input with another path may write anything).
        let loanFree: Set<Substring> = ["discount_rate", "workloads", "serving", "staff", "facility", "hardware",
                                        "strategies"]
        readsLoans = plan.drawn.contains { index in
            !loanFree.contains(plan.inputs[index].path.split(separator: ".").first ?? "")
        }
        let count = model.workloads.count
        escalationSources = plan.strategies.flatMap { strategy in
            strategy.workloads.indices.map { w in
                (strategy.index * count + w, strategy.index, strategy.workloads[w].escalation)
            }
        }
        let starts = oneTimeStart
        oneTimeSources = plan.strategies.flatMap { strategy in
            strategy.oneTime.enumerated().map { i, item in (starts[strategy.index] + i, strategy.index, item.item) }
        }
    }

    /// Reads every term from `model` (a scenario's model with a run's draws written in).
    mutating func read(_ model: Model, plan: SimulationPlan) {
        // Field by field, not a copy of each struct: a copy would retain its names and schedules,
        // shared with the workers on the other core.
        for w in workloads.indices {
            workloads[w] = Workload(
                tokens: RequestTokens(
                    input: model.workloads[w].inputTokens, output: model.workloads[w].outputTokens,
                    cachedShare: model.workloads[w].cachedInput, cacheWriteShare: model.workloads[w].cacheWrite),
                batch: model.workloads[w].batch, peakToAverage: model.workloads[w].peakToAverage)
        }
        for h in hardware.indices {
            hardware[h] = Hardware(
                gpus: model.hardware[h].gpus, leadTimeMonths: model.hardware[h].leadTimeMonths,
                lifeMonths: model.hardware[h].lifeMonths, price: model.hardware[h].price,
                residual: model.hardware[h].residual, maintenancePerYear: model.hardware[h].maintenancePerYear,
                power: model.hardware[h].power, idlePower: model.hardware[h].idlePower)
        }
        // A loan's terms change only with a drawn input that may reach a loan: else the first
        // run's stand (two `pow` calls per loan and run saved).
        for l in loans.indices where readsLoans || !hasReadLoans {
            let monthlyRate = model.finance.loans[l].monthlyRate, term = model.finance.loans[l].termMonths
            loans[l] = Loan(share: model.finance.loans[l].share, termMonths: term, monthlyRate: monthlyRate,
                            annuity: Double.pow(1 + monthlyRate, Double(-term)))
        }
        for (slot, strategy, source) in escalationSources {
            escalation[slot] = Self.escalationRate(source, in: model, strategy: strategy)
        }
        for (slot, strategy, item) in oneTimeSources {
            oneTimeCosts[slot] = model.strategies[strategy].oneTimeCosts[item].cost
        }
        hasReadLoans = true
        taxRate = model.finance.taxRate
        pue = model.facility?.pue ?? plan.defaultPUE
        countsTerminalValue = model.finance.terminalValue == .book
    }

    /// The workload's escalation rate in `strategy`; 0 (no escalation) when it has none.
    static func escalationRate(_ source: StrategyPlan.EscalationSource, in model: Model, strategy s: Int) -> Double {
        switch source {
        case .none:
            return 0
        case .strategy:
            return model.strategies[s].escalation?.rate ?? 0
        case .workload(let i):
            guard case .some(.some(let escalation)) = model.strategies[s].workloadOverrides[i].escalation
            else { return 0 }
            return escalation.rate
        }
    }
}
