extension StrategyPlan {
    /// Everything of a scenario's model that this strategy's NPV in a run reads, directly or
    /// through a derived line: workloads (tokens, shares of the day, requests), the options it
    /// routes to, their hardware, loans and facility, the staff it pays, its own settings, and the
    /// horizon, discount rate, tax rate and terminal value rule. Two scenarios with the same reads
    /// and the same kept inputs give this strategy the same NPV in every run, bit for bit: the
    /// same draws go through the same setters into the same values.
    struct Reads: Sendable, Hashable {
        var months: Int
        var discountRate: Double
        var taxRate: Double
        /// Only for a strategy with a fleet or a capitalised one-time cost (nothing else reads it).
        var terminalValue: Finance.TerminalValue?
        var workloads: [Workload]
        var optionNames: [String]
        var options: [Int]
        var optionValues: [ServingOption]
        var hardware: [Int]
        var hardwareValues: [Hardware]
        var loans: [Loan]
        var facility: Facility?
        var staff: [Int]
        var staffValues: [StaffRole]
        var strategy: Strategy
    }

    /// This strategy's reads in `model` (the model it was compiled from).
    func reads(in model: Model) -> Reads {
        var options = Set(legs.map(\.option))
        for flows in workloads { options.formUnion(flows.flows.map(\.option)) }
        var hardware: [Int] = [], loans: [Loan] = []
        for leg in legs {
            guard case .selfHosted(let h, let l) = leg.kind else { continue }
            hardware.append(h)
            if let l { loans.append(model.finance.loans[l]) }
        }
        let sortedOptions = options.sorted()
        let readsTerminalValue = !hardware.isEmpty || oneTime.contains { $0.capitalizeMonths != nil }
        return Reads(
            months: model.horizonMonths, discountRate: model.discountRate, taxRate: model.finance.taxRate,
            terminalValue: readsTerminalValue ? model.finance.terminalValue : nil, workloads: model.workloads,
            optionNames: model.serving.map(\.name), options: sortedOptions,
            optionValues: sortedOptions.map { model.serving[$0] }, hardware: hardware,
            hardwareValues: hardware.map { model.hardware[$0] }, loans: loans,
            facility: hardware.isEmpty ? nil : model.facility, staff: paidStaff,
            staffValues: paidStaff.map { model.staff[$0] }, strategy: model.strategies[index])
    }
}
