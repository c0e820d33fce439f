/// Parts of one strategy's run that read different parts of the model: a scenario that changes
/// only the terminal value rule still has the same fleet, API bill and staff as the base scenario,
/// and its worker copies those lines from the base scenario's worker (`StrategyPlan.sharedParts`).
struct StrategyParts: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    /// Servers entering and in service, and busy GPUs, of every self-hosted leg: no line of its
    /// own, but what the hardware lines, terminal value, loans and API flows are worked out from.
    static let fleetPlans = StrategyParts(rawValue: 1 << 0)
    /// Capex, maintenance, power, colocation, residual value, depreciation and one-time costs.
    static let hardwareLines = StrategyParts(rawValue: 1 << 1)
    static let terminalValue = StrategyParts(rawValue: 1 << 2)
    /// Financing and interest.
    static let loans = StrategyParts(rawValue: 1 << 3)
    static let rented = StrategyParts(rawValue: 1 << 4)
    static let api = StrategyParts(rawValue: 1 << 5)
    static let staff = StrategyParts(rawValue: 1 << 6)

    /// Every part, in the order above.
    static let each: [StrategyParts] = [.fleetPlans, .hardwareLines, .terminalValue, .loans, .rented, .api, .staff]
    /// The parts that read the fleet plans.
    static let fleetReaders: StrategyParts = [.hardwareLines, .terminalValue, .loans, .api]

    /// The part that writes `line`: each line is written by exactly one part.
    static func writing(_ line: CostLine) -> StrategyParts {
        switch line {
        case .api: .api
        case .rented: .rented
        case .staff: .staff
        case .terminalValue: .terminalValue
        case .financing, .interest: .loans
        case .capex, .maintenance, .power, .colocation, .residual, .depreciation, .oneTime: .hardwareLines
        }
    }
}

extension StrategyPlan {
    /// What one part of this strategy's run reads of `model` (`reads(in:)` with the rest left out).
    /// No line is discounted or taxed: each scenario works out its NPV from the lines itself.
    func reads(of part: StrategyParts, in model: Model) -> Reads {
        var reads = reads(in: model)
        reads.discountRate = 0
        reads.taxRate = 0
        let selfHosted = legs.compactMap { leg -> Int? in
            if case .selfHosted = leg.kind { return leg.option }
            return nil
        }
        let rented = legs.compactMap { leg -> Int? in
            if case .rented = leg.kind { return leg.option }
            return nil
        }
        var options = selfHosted
        if part == .rented { options = rented }
        if part == .api { options += Set(workloads.flatMap { $0.flows.map(\.option) }).sorted() }
        reads.options = options
        reads.optionValues = options.map { model.serving[$0] }
        if part == .rented || part == .staff {
            reads.hardware = []
            reads.hardwareValues = []
        }
        if part != .hardwareLines { reads.facility = nil }
        if part != .terminalValue { reads.terminalValue = nil }
        if part != .loans { reads.loans = [] }
        if part != .staff {
            reads.staff = []
            reads.staffValues = []
        } else {
            reads.workloads = []
        }
        return reads
    }

    /// How the strategy's run is laid out (legs, flows, payers, one-time costs, lines), without the
    /// values its parts read: two plans of one strategy whose parts are copied between them must
    /// have the same layout, slot by slot.
    struct Layout: Equatable {
        struct Leg: Equatable {
            var option: Int
            var rented: Bool
            var hardware: Int?
            var loan: Int?
            var shares: [Double]
        }

        var legs: [Leg]
        var workloads: [WorkloadFlows]
        var paidStaff: [Int]
        var oneTime: [OneTime]
        var lines: [CostLine]
    }

    var layout: Layout {
        let legLayout = legs.map { leg -> Layout.Leg in
            switch leg.kind {
            case .rented: Layout.Leg(option: leg.option, rented: true, shares: leg.shares)
            case .selfHosted(let h, let l): Layout.Leg(option: leg.option, rented: false, hardware: h, loan: l,
                                                      shares: leg.shares)
            }
        }
        return Layout(legs: legLayout, workloads: workloads, paidStaff: paidStaff, oneTime: oneTime, lines: lines)
    }

    /// The parts of this strategy's runs in scenario `plan` that are the same, bit for bit, as in the
    /// base scenario's plan `base` in every run: the same layout, the same reads, and no input that
    /// may differ between them (`SimulationPlan.differentlyDrawn`) can change what the part reads.
    /// `zerosUnsigned`: neither model holds a −0 (`Model.mayHoldNegativeZero`).
    static func sharedParts(
        of k: Int, in plan: SimulationPlan, base: SimulationPlan, zerosUnsigned: Bool
    ) -> StrategyParts {
        guard plan.months == base.months, k < plan.strategies.count, k < base.strategies.count else { return [] }
        let mine = plan.strategies[k], theirs = base.strategies[k]
        guard mine.layout == theirs.layout else { return [] }
        var shared: StrategyParts = []
        for part in StrategyParts.each
        where plan.holdsTheSame({ mine.reads(of: part, in: $0) }, as: base, reads: { theirs.reads(of: part, in: $0) },
                                zerosUnsigned: zerosUnsigned) {
            shared.insert(part)
        }
        // A part worked out from the fleet plans is copied only with them.
        if !shared.contains(.fleetPlans) { shared.subtract(.fleetReaders) }
        return shared
    }
}

extension UncertainInput {
    /// Whether writing a drawn value of this input into `model` can change `reads` of it: probed with
    /// a value far below any range, one far above (so that no clamp of `enforceLinkedBounds` hides a
    /// change) and the median. The far ones change any number the part reads, so `==` tells it.
    func canChange<Reads: Equatable>(_ reads: (Model) -> Reads, in model: Model) -> Bool {
        let before = reads(model)
        return [-1e9, 1e9, value(at: 0.5)].contains { probe in
            var probed = model
            apply(&probed, probe)
            probed.enforceLinkedBounds()
            return reads(probed) != before
        }
    }
}
