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

    /// Every continuous assumption of `model`. Whole-number structure (GPUs per server, life, lead
    /// time, horizon) and route shares (which must add up to 100 %) are left out.
    public static func all(in model: Model) -> [SensitivityInput] {
        var inputs: [SensitivityInput] = []
        func add(_ key: String, _ label: String, max: Double? = nil,
                 _ get: @escaping @Sendable (Model) -> Double?, _ set: @escaping @Sendable (inout Model, Double) -> Void) {
            guard let v = get(model), v != 0 else { return }
            let isRate = key.hasSuffix("growth") || key.hasSuffix("_change")
            inputs.append(SensitivityInput(
                key: key, label: label, value: { get($0) ?? 0 }, setting: set, maximum: max,
                minimum: isRate ? Rate.lowestValue : nil))
        }
        add("discount_rate", "discount rate", max: 1, { $0.discountRate }, { $0.discountRate = $1 })
        if model.workloads.count > workloadGroupingThreshold {
            inputs += groupedWorkloadInputs(of: model)
        }
        for (i, w) in model.workloads.enumerated() where model.workloads.count <= workloadGroupingThreshold {
            let k = "workloads.\(w.name)"
            add("\(k).requests", "\(w.name) requests", { $0.workloads[i].requests.first }, {
                $0.workloads[i].requests.move(to: $1)
            })
            add("\(k).growth", "\(w.name) growth", { $0.workloads[i].growth.first.value }, {
                $0.workloads[i].growth.move(to: $1)
            })
            add("\(k).input_tokens", "\(w.name) input tokens", { $0.workloads[i].inputTokens }, { $0.workloads[i].inputTokens = $1 })
            add("\(k).output_tokens", "\(w.name) output tokens", { $0.workloads[i].outputTokens }, { $0.workloads[i].outputTokens = $1 })
            add("\(k).cached_input", "\(w.name) cached input share", max: 1, { $0.workloads[i].cachedInput }, { $0.workloads[i].cachedInput = $1 })
            add("\(k).peak_to_average", "\(w.name) peak-to-average", { $0.workloads[i].peakToAverage }, { $0.workloads[i].peakToAverage = Swift.max(1, $1) })
        }
        for (i, option) in model.serving.enumerated() {
            let k = "serving.\(option.name)"
            switch option.kind {
            case .api:
                @Sendable func pricing(_ m: Model) -> APIPricing? { if case .api(let p) = m.serving[i].kind { return p }; return nil }
                @Sendable func update(_ m: inout Model, _ change: (inout APIPricing) -> Void) {
                    if case .api(var p) = m.serving[i].kind { change(&p); m.serving[i].kind = .api(p) }
                }
                add("\(k).price_input", "\(option.name) input price", { pricing($0)?.priceInput.first }) { m, v in
                    update(&m) { $0.priceInput.move(to: v) }
                }
                add("\(k).price_output", "\(option.name) output price", { pricing($0)?.priceOutput.first }) { m, v in
                    update(&m) { $0.priceOutput.move(to: v) }
                }
                add("\(k).price_cached_input", "\(option.name) cached input price",
                    { pricing($0)?.priceCachedInput.first }) { m, v in update(&m) { $0.priceCachedInput.move(to: v) } }
                add("\(k).price_change", "\(option.name) price change",
                    { pricing($0)?.priceChange.first.value }) { m, v in update(&m) { $0.priceChange.move(to: v) } }
            case .selfHosted, .rented:
                @Sendable func serving(_ m: Model) -> GPUServing? {
                    switch m.serving[i].kind {
                    case .selfHosted(let s, _), .rented(let s, _): return s
                    case .api: return nil
                    }
                }
                @Sendable func update(_ m: inout Model, _ change: (inout GPUServing) -> Void) {
                    switch m.serving[i].kind {
                    case .selfHosted(var s, let h): change(&s); m.serving[i].kind = .selfHosted(s, hardware: h)
                    case .rented(var s, let p): change(&s); m.serving[i].kind = .rented(s, p)
                    case .api: break
                    }
                }
                add("\(k).decode_throughput", "\(option.name) decode throughput", { serving($0)?.decodeThroughput }, { m, v in update(&m) { $0.decodeThroughput = v } })
                add("\(k).prefill_throughput", "\(option.name) prefill throughput", { serving($0)?.prefillThroughput }, { m, v in update(&m) { $0.prefillThroughput = v } })
                add("\(k).max_utilization", "\(option.name) max utilization", max: 1, { serving($0)?.maxUtilization }, { m, v in update(&m) { $0.maxUtilization = v } })
                if case .rented = option.kind {
                    @Sendable func hour(_ m: Model) -> Double? {
                        if case .rented(_, let p) = m.serving[i].kind { return p.gpuHour.first }
                        return nil
                    }
                    add("\(k).gpu_hour", "\(option.name) GPU-hour price", { hour($0) }, { m, v in
                        guard case .rented(let s, var p) = m.serving[i].kind else { return }
                        p.gpuHour.move(to: v)
                        m.serving[i].kind = .rented(s, p)
                    })
                }
            }
        }
        for (i, h) in model.hardware.enumerated() {
            let k = "hardware.\(h.name)"
            add("\(k).price", "\(h.name) price", { $0.hardware[i].price }, { $0.hardware[i].price = $1 })
            add("\(k).power", "\(h.name) power", { $0.hardware[i].power }, { m, v in
                m.hardware[i].power = v
                m.hardware[i].idlePower = Swift.min(m.hardware[i].idlePower, v)
            })
            add("\(k).idle_power", "\(h.name) idle power", { $0.hardware[i].idlePower }, { $0.hardware[i].idlePower = Swift.min($1, $0.hardware[i].power) })
            add("\(k).residual", "\(h.name) residual value", max: 0.99, { $0.hardware[i].residual }, { $0.hardware[i].residual = $1 })
            add("\(k).maintenance", "\(h.name) maintenance", { $0.hardware[i].maintenancePerYear }, { $0.hardware[i].maintenancePerYear = $1 })
        }
        if model.facility != nil {
            add("facility.pue", "PUE", { $0.facility?.pue }, { $0.facility?.pue = Swift.max(1, $1) })
            add("facility.electricity", "electricity price", { $0.facility?.electricityPerKilowattHour.first }) {
                $0.facility?.electricityPerKilowattHour.move(to: $1)
            }
            add("facility.electricity_change", "electricity price change", { $0.facility?.electricityChange.first.value }) {
                $0.facility?.electricityChange.move(to: $1)
            }
            add("facility.colocation", "colocation price", { $0.facility?.colocationPerKilowattMonth.first }) {
                $0.facility?.colocationPerKilowattMonth.move(to: $1)
            }
        }
        for (i, role) in model.staff.enumerated() {
            add("staff.\(role.name).count", "\(role.name) headcount", { $0.staff[i].count.first }) {
                $0.staff[i].count.move(to: $1)
            }
            add("staff.\(role.name).cost", "\(role.name) cost", { $0.staff[i].costPerYear.first }) {
                $0.staff[i].costPerYear.move(to: $1)
            }
        }
        for (i, s) in model.strategies.enumerated() where s.escalation != nil {
            add("strategies.\(s.name).escalation.rate", "\(s.name) escalation rate", max: 1,
                { $0.strategies[i].escalation?.rate }, { $0.strategies[i].escalation?.rate = $1 })
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
        let originals = model.workloads
        func group(
            _ field: String, _ label: String, _ get: @escaping @Sendable (Workload) -> Double,
            _ set: @escaping @Sendable (inout Workload, Double) -> Void
        ) -> SensitivityInput? {
            guard originals.contains(where: { get($0) != 0 }) else { return nil }
            return SensitivityInput(
                key: "workloads.*.\(field)", label: "every workload's \(label)", value: { _ in 1 },
                setting: { model, factor in
                    for i in model.workloads.indices where i < originals.count {
                        set(&model.workloads[i], get(originals[i]) * factor)
                    }
                }, maximum: nil, minimum: nil)
        }
        return [
            group("requests", "requests", { $0.requests.first }, { $0.requests.move(to: $1) }),
            group("growth", "growth", { $0.growth.first.value }) {
                $0.growth.move(to: Swift.max($1, Rate.lowestValue))
            },
            group("input_tokens", "input tokens", { $0.inputTokens }, { $0.inputTokens = $1 }),
            group("output_tokens", "output tokens", { $0.outputTokens }, { $0.outputTokens = $1 }),
            group("cached_input", "cached input share", { $0.cachedInput }, { $0.cachedInput = Swift.min($1, 1) }),
            group("peak_to_average", "peak-to-average", { $0.peakToAverage }, { $0.peakToAverage = Swift.max(1, $1) }),
        ].compactMap { $0 }
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
    /// ±`change` (default 20 %), ranked by swing, largest first.
    public static func sensitivity(of strategy: String, in model: Model, change: Double = 0.2) -> [SensitivityResult] {
        guard model.strategy(named: strategy) != nil, model.strategy(named: model.baseline) != nil else { return [] }
        func savings(_ m: Model) -> Double {
            let solver = Solver(model: m)
            guard let x = m.strategy(named: strategy), let b = m.strategy(named: m.baseline) else { return 0 }
            return solver.timeline(of: b, volumeFactor: 1, apiPriceFactor: 1).npvCostAfterTax
                - solver.timeline(of: x, volumeFactor: 1, apiPriceFactor: 1).npvCostAfterTax
        }
        let results = SensitivityInput.all(in: model).map { input -> SensitivityResult in
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
        self = isConstant ? Schedule(value) : map { $0 * factor }
    }
}

extension Schedule where Value == Rate {
    /// Moves month 1's rate to `value` and every later written rate in the same proportion, each
    /// kept above −100 %.
    mutating func move(to value: Double) {
        let factor = first.value == 0 ? 1 : value / first.value
        self = isConstant
            ? Schedule(Rate(value, monthly: first.isMonthly))
            : map { Rate(Swift.max($0.value * factor, Rate.lowestValue), monthly: $0.isMonthly) }
    }
}
