/// One strategy of a `SimulationPlan`: what `Solver.addCosts` works out from names and routes on
/// every call, worked out once, as indices into the model's options, hardware and staff. Nothing
/// here can be drawn (routes, targets, commitments and payers are not continuous inputs), so it
/// holds for every run; drawn values are read from the run's model by these indices.
final class StrategyPlan: Sendable {
    /// Index in the model's strategies.
    let index: Int
    /// In-house options with requests, in serving order (the order the solver adds their costs in).
    let legs: [InHouseLeg]
    /// Each workload's in-house shares and API flows, in workload order.
    let workloads: [WorkloadFlows]
    /// Staff roles the strategy pays, in role order.
    let paidStaff: [Int]
    /// One-time costs inside the horizon, in file order.
    let oneTime: [OneTime]
    /// The cost lines a run of the strategy can write, in `CostLine` order: the others stay zero,
    /// so a run neither clears nor sums them.
    let lines: [CostLine]
    /// Each of `lines` with its place in `CostLine.allCases` (where a worker keeps its buffer).
    let lineSlots: [(line: CostLine, index: Int)]

    /// An in-house option and the share of each workload's requests it gets.
    struct InHouseLeg: Sendable {
        let option: Int
        /// Share by workload (0 when the workload does not use the option).
        let shares: [Double]
        let kind: Kind

        enum Kind: Sendable {
            case rented(Rented)
            /// Hardware index, and index of its loan in `finance.loans` if financed.
            case selfHosted(hardware: Int, loan: Int?)
        }
    }

    /// A rented option's commitments by month: GPUs committed, and each covering commitment's cost
    /// in commitment order (the solver adds them one by one, so the plan keeps them apart).
    struct Rented: Sendable {
        let scaling: RentedPricing.Scaling
        let committed: [Int]
        let commitmentCosts: [[Double]]

        init(_ pricing: RentedPricing, months: Int) {
            scaling = pricing.scaling
            committed = (1...Swift.max(months, 1)).map { m in
                pricing.commitments.filter { $0.covers(month: m) }.reduce(0) { $0 + $1.gpus }
            }
            commitmentCosts = (1...Swift.max(months, 1)).map { m in
                pricing.commitments.filter { $0.covers(month: m) }.map {
                    Double($0.gpus) * $0.gpuHour * Calendar.hoursPerMonth
                }
            }
        }
    }

    /// A self-hosted option a workload sends a share to, and the leg whose servers serve it
    /// (`nil`: no fleet, every month goes to the fallback).
    struct SelfHostedShare: Sendable, Equatable {
        let share: Double
        let leg: Int?
    }

    /// Requests per month from one workload to one API option (`Solver.addAPICosts`' flows).
    /// `escalated` holds when the workload escalates to this option; whether the run's drawn rate
    /// is above zero is checked in the run.
    struct Flow: Sendable, Equatable {
        let option: Int
        let direct: Double
        let escalated: Bool
        let fallback: Bool
    }

    /// Where a workload's escalation rate is in the model: none, the strategy's, or the workload
    /// override at this index.
    enum EscalationSource: Sendable, Equatable {
        case none, strategy, workload(Int)
    }

    struct WorkloadFlows: Sendable, Equatable {
        /// Sum of the shares routed to rented options (served in-house in every month).
        let rentedShare: Double
        let selfHosted: [SelfHostedShare]
        let flows: [Flow]
        let escalation: EscalationSource
    }

    /// A one-time cost by its index in the strategy's list (its cost may be drawn).
    struct OneTime: Sendable, Equatable {
        let item: Int
        let month: Int
        let capitalizeMonths: Int?
    }

    /// Compiles strategy `s` of `model`, as `Solver.addCosts` and `addAPICosts` read it.
    init(strategy s: Int, solver: Solver) {
        index = s
        let model = solver.model
        let strategy = model.strategies[s]
        let routes = model.workloads.map { strategy.effectiveRoute(for: $0.name).activeShares }
        var legs: [InHouseLeg] = []
        for (o, option) in model.serving.enumerated() where option.isInHouse {
            let shares = routes.map { route in route.first { $0.option == option.name }?.share ?? 0 }
            guard shares.contains(where: { $0 > 0 }), option.gpuServing != nil else { continue }
            switch option.kind {
            case .rented(_, let pricing):
                legs.append(InHouseLeg(option: o, shares: shares,
                                       kind: .rented(Rented(pricing, months: model.horizonMonths))))
            case .selfHosted(_, let hardwareName):
                guard let h = model.hardware.firstIndex(where: { $0.name == hardwareName }) else { continue }
                let loan = model.finance.loans.firstIndex { $0.hardware == hardwareName }
                legs.append(InHouseLeg(option: o, shares: shares, kind: .selfHosted(hardware: h, loan: loan)))
            case .api:
                continue
            }
        }
        self.legs = legs
        workloads = model.workloads.indices.map { w in
            Self.flows(of: strategy, workload: w, route: routes[w], legs: legs, solver: solver)
        }
        paidStaff = solver.paidStaff(of: strategy)
        oneTime = strategy.oneTimeCosts.indices.compactMap { item in
            let cost = strategy.oneTimeCosts[item]
            guard cost.month >= 1, cost.month <= model.horizonMonths else { return nil }
            return OneTime(item: item, month: cost.month, capitalizeMonths: cost.capitalizeMonths)
        }
        lines = Self.lines(legs: legs, workloads: workloads, paysStaff: !paidStaff.isEmpty, oneTime: !oneTime.isEmpty)
        lineSlots = lines.map { ($0, $0.index) }
    }

    /// The lines `PlanWorker.npvCostAfterTax` writes for these legs, flows, staff and one-time costs.
    static func lines(legs: [InHouseLeg], workloads: [WorkloadFlows], paysStaff: Bool, oneTime: Bool) -> [CostLine] {
        var written: Set<CostLine> = []
        for leg in legs {
            switch leg.kind {
            case .rented:
                written.insert(.rented)
            case .selfHosted(_, let loan):
                written.formUnion([.capex, .maintenance, .power, .colocation, .residual, .terminalValue, .depreciation])
                if loan != nil { written.formUnion([.financing, .interest]) }
            }
        }
        if workloads.contains(where: { !$0.flows.isEmpty }) { written.insert(.api) }
        if paysStaff { written.insert(.staff) }
        if oneTime { written.formUnion([.oneTime, .capex, .depreciation, .terminalValue]) }
        return CostLine.allCases.filter(written.contains)
    }

    /// The flows of `Solver.addAPICosts` for one workload, in the order it creates them.
    static func flows(
        of strategy: Strategy, workload w: Int, route: [(option: String, share: Double)], legs: [InHouseLeg],
        solver: Solver
    ) -> WorkloadFlows {
        let model = solver.model, workload = model.workloads[w]
        // The solver adds the escalation's flow only when the rate is above zero; a flow with no
        // share adds nothing and flows keep their relative order, so adding it always gives the same sums.
        let (rentedShare, selfHosted, flows) = solver.apiRouting(
            of: strategy, workload: workload, route: route, escalatingAtZeroRate: true)
        let apiFlows = flows.compactMap { flow -> Flow? in
            guard let o = model.serving.firstIndex(where: { $0.name == flow.option }), model.serving[o].isAPI
            else { return nil }
            return Flow(option: o, direct: flow.direct, escalated: flow.escalated, fallback: flow.fallback)
        }
        let shares = selfHosted.map { entry in
            SelfHostedShare(share: entry.share, leg: legs.firstIndex { leg in
                if case .selfHosted = leg.kind { return model.serving[leg.option].name == entry.option }
                return false
            })
        }
        var source = EscalationSource.none
        if let i = strategy.workloadOverrides.firstIndex(where: { $0.workload == workload.name }),
           let setting = strategy.workloadOverrides[i].escalation {
            source = setting == nil ? .none : .workload(i)
        } else if strategy.escalation != nil {
            source = .strategy
        }
        return WorkloadFlows(rentedShare: rentedShare, selfHosted: shares, flows: apiFlows, escalation: source)
    }
}
