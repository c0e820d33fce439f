import RealModule

/// The numbers of a run's model that a strategy's costs read besides the derived lines, copied
/// out once per run after the draws are written. They are plain values: the monthly loops read
/// them with no copy of a model struct (names, schedules) and so no reference counting.
struct RunTerms {
    /// A workload's tokens, caching, batch share and peak, by workload index.
    struct Workload {
        var inputTokens = 0.0
        var outputTokens = 0.0
        var cachedInput = 0.0
        var cacheWrite = 0.0
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
    }

    /// Reads every term from `model` (a scenario's model with a run's draws written in).
    mutating func read(_ model: Model, plan: SimulationPlan) {
        for w in workloads.indices {
            let workload = model.workloads[w]
            workloads[w] = Workload(
                inputTokens: workload.inputTokens, outputTokens: workload.outputTokens,
                cachedInput: workload.cachedInput, cacheWrite: workload.cacheWrite, batch: workload.batch,
                peakToAverage: workload.peakToAverage)
        }
        for h in hardware.indices {
            let server = model.hardware[h]
            hardware[h] = Hardware(
                gpus: server.gpus, leadTimeMonths: server.leadTimeMonths, lifeMonths: server.lifeMonths,
                price: server.price, residual: server.residual, maintenancePerYear: server.maintenancePerYear,
                power: server.power, idlePower: server.idlePower)
        }
        for l in loans.indices {
            let loan = model.finance.loans[l]
            let monthlyRate = loan.monthlyRate
            loans[l] = Loan(share: loan.share, termMonths: loan.termMonths, monthlyRate: monthlyRate,
                            annuity: Double.pow(1 + monthlyRate, Double(-loan.termMonths)))
        }
        let count = workloads.count
        for strategy in plan.strategies {
            let k = strategy.index
            for w in strategy.workloads.indices {
                escalation[k * count + w] = Self.escalationRate(strategy.workloads[w].escalation, in: model.strategies[k])
            }
            for (i, item) in strategy.oneTime.enumerated() {
                oneTimeCosts[oneTimeStart[k] + i] = model.strategies[k].oneTimeCosts[item.item].cost
            }
        }
        taxRate = model.finance.taxRate
        pue = model.facility?.pue ?? plan.defaultPUE
        countsTerminalValue = model.finance.terminalValue == .book
    }

    /// The workload's escalation rate in `strategy`; 0 (no escalation) when it has none.
    static func escalationRate(_ source: StrategyPlan.EscalationSource, in strategy: Strategy) -> Double {
        switch source {
        case .none:
            return 0
        case .strategy:
            return strategy.escalation?.rate ?? 0
        case .workload(let i):
            guard case .some(.some(let escalation)) = strategy.workloadOverrides[i].escalation else { return 0 }
            return escalation.rate
        }
    }
}
