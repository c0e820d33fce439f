/// A numeric assumption of a model that a one-at-a-time sensitivity can move: its key path,
/// a reader's label, and how to read and change it.
public struct SensitivityInput: Sendable {
    public var key: String
    public var label: String
    public let value: @Sendable (Model) -> Double
    public let setting: @Sendable (inout Model, Double) -> Void
    /// Largest value allowed (shares and rates stay at most 100 %).
    public var maximum: Double?
    /// Smallest value allowed: a rate of change stays above −100 % (at −100 % or below, the
    /// volume or price it moves becomes zero or undefined).
    public var minimum: Double?

    /// Every continuous input of `model` that is not zero, from the registry of inputs, in its
    /// order; `written` holds the paths the file writes (a key left to its default moves with the
    /// key it defaults to). Whole numbers (GPUs per server, life, lead time, horizon), flags and
    /// route shares (which must add up to 100 %) are left out.
    public static func all(in model: Model, written: Set<String> = []) -> [SensitivityInput] {
        let grouped = model.workloads.count > workloadGroupingThreshold
        var inputs: [SensitivityInput] = grouped ? groupedWorkloadInputs(of: model) : []
        for input in InputRegistry.inputs(of: model) {
            guard let access = input.key.access, access.kind == .continuous, let bounds = input.key.bounds,
                let value = input.value(in: model), value != 0, !(grouped && input.key.place == .workload)
            else { continue }
            let (owner, set) = (input.owner, input.setter(written: written))
            let range = bounds.clampRange
            inputs.append(SensitivityInput(
                key: input.path, label: input.label, value: { access.value(in: $0, of: owner) ?? 0 },
                setting: { model, value in
                    set(&model, value)
                    model.enforceLinkedBounds()
                },
                maximum: range.high.isFinite ? range.high : nil, minimum: range.low))
        }
        return inputs
    }
}

extension SensitivityInput {
    /// Above this many workloads, each workload input is moved for all workloads at once: one
    /// solve per input costs time in proportion to the workloads, so moving each workload's own
    /// inputs would make the sensitivity grow with the square of the workloads (a 1,000-workload
    /// model took minutes), and a tornado of hundreds of tiny bars tells a CFO nothing.
    public static let workloadGroupingThreshold = 25

    /// "Every workload's requests", "… growth", …: each scales that input of every workload by
    /// the same factor (value 1), clamped into its allowed range per workload.
    static func groupedWorkloadInputs(of model: Model) -> [SensitivityInput] {
        let originals = model
        return InputRegistry.entries.compactMap { key -> SensitivityInput? in
            guard key.place == .workload, let access = key.access, access.kind == .continuous,
                let bounds = key.bounds
            else { return nil }
            let owners = model.workloads.indices.map { InputOwner($0) }
            guard owners.contains(where: { (access.value(in: originals, of: $0) ?? 0) != 0 }) else { return nil }
            return SensitivityInput(
                key: "workloads.*.\(key.name)", label: "every workload's \(key.label)", value: { _ in 1 },
                setting: { model, factor in
                    for owner in owners {
                        let original = access.value(in: originals, of: owner) ?? 0
                        access.set(bounds.clamped(original * factor), in: &model, of: owner)
                    }
                    model.enforceLinkedBounds()
                }, maximum: nil, minimum: nil)
        }
    }
}

/// One input's effect on a comparison: NPV savings at −20 % and +20 % of its value.
public struct SensitivityResult: Sendable {
    public var key: String
    public var label: String
    /// NPV savings (baseline − strategy) with the input at 80 % and 120 % of its value.
    public var savingsLow: Double
    public var savingsHigh: Double
    /// |high − low|.
    public var swing: Double { abs(savingsHigh - savingsLow) }
}

extension Solver {
    /// One-at-a-time sensitivity of `strategy`'s NPV savings against the baseline: each input at
    /// ±`change` (default 20 %), ranked by swing, largest first; `written` as in `SensitivityInput.all`.
    public static func sensitivity(
        of strategy: String, in model: Model, written: Set<String> = [], change: Double = 0.2
    ) -> [SensitivityResult] {
        guard model.strategy(named: strategy) != nil, model.strategy(named: model.baseline) != nil else { return [] }
        func savings(_ m: Model) -> Double {
            let solver = Solver(model: m)
            guard let x = m.strategy(named: strategy), let b = m.strategy(named: m.baseline) else { return 0 }
            return solver.timeline(of: b, volumeFactor: 1, apiPriceFactor: 1).npvCostAfterTax
                - solver.timeline(of: x, volumeFactor: 1, apiPriceFactor: 1).npvCostAfterTax
        }
        let results = SensitivityInput.all(in: model, written: written).map { input -> SensitivityResult in
            let v = input.value(model)
            func moved(_ factor: Double) -> Double {
                var m = model
                var target = v * factor
                if let maximum = input.maximum { target = Swift.min(target, maximum) }
                if let minimum = input.minimum { target = Swift.max(target, minimum) }
                input.setting(&m, target)
                return savings(m)
            }
            return SensitivityResult(key: input.key, label: input.label, savingsLow: moved(1 - change), savingsHigh: moved(1 + change))
        }
        return results.sorted { $0.swing > $1.swing || ($0.swing == $1.swing && $0.key < $1.key) }
    }
}

extension Schedule where Value == Double {
    /// Moves month 1's value to `value` and every later written value in the same proportion, so a
    /// what-if keeps the schedule's shape (a single value is simply replaced).
    mutating func move(to value: Double) {
        let factor = first == 0 ? 1 : value / first
        if isConstant {
            updateValues { _ in value }
        } else {
            updateValues { $0 * factor }
        }
    }
}

extension Schedule where Value == Rate {
    /// Moves month 1's rate to `value` and every later written rate in the same proportion, each
    /// kept above −100 %.
    mutating func move(to value: Double) {
        let factor = first.value == 0 ? 1 : value / first.value
        if isConstant {
            updateValues { Rate(value, monthly: $0.isMonthly) }
        } else {
            updateValues { Rate(Swift.max($0.value * factor, Rate.lowestValue), monthly: $0.isMonthly) }
        }
    }
}
