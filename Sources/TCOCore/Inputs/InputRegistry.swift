/// One input of a particular model: a registry entry (`ModelKey`) at one owner, with its path.
public struct ModelInput: Sendable {
    /// Dotted key path, e.g. `serving.frontier.price_input`.
    public var path: String
    public var key: ModelKey
    public var owner: InputOwner
    /// The owner's name (`frontier`), or empty for model-wide inputs.
    public var ownerName: String

    /// The value in `model`, in the unit the model stores.
    public func value(in model: Model) -> Double? { key.access?.value(in: model, of: owner) }

    /// "frontier: input price", or the label alone for a model-wide input.
    public var label: String { ownerName.isEmpty ? key.label : "\(ownerName): \(key.label)" }

    /// Whether a rate of change is written per month in `model`.
    public func isMonthly(in model: Model) -> Bool { key.access?.isMonthly(in: model, of: owner) ?? false }

    /// Writes a value at this input and at the inputs that take its value when left out, unless
    /// `written` holds them (a changed `price_input` is also the cached-input price by default).
    public func setter(written: Set<String>) -> @Sendable (inout Model, Double) -> Void {
        let followers = InputRegistry.followers(of: self, written: written)
        let (access, owner) = (key.access, self.owner)
        return { model, value in
            access?.set(value, in: &model, of: owner)
            for follower in followers { follower.key.access?.set(value, in: &model, of: follower.owner) }
        }
    }
}

/// The registry of inputs: every key of the format (`ModelKey.all`) that holds one number, with
/// how to find, read and change it in a model. The loader's key lists, scenario paths,
/// sensitivity, Monte Carlo ranges, the workbook's Inputs sheet and the review page's controls
/// iterate it; see docs/inputs.md for how to add an input.
public enum InputRegistry {
    /// The keys that hold one number (or a flag), in documentation order.
    public static let entries: [ModelKey] = ModelKey.all.filter { $0.access != nil }

    /// Every input `model` has, owner by owner in the order of the file format (the model-wide
    /// ones, each workload, serving option, server type, …), keys in documentation order.
    public static func inputs(of model: Model) -> [ModelInput] {
        var found: [ModelInput] = []
        func add(_ place: ModelKey.Place, _ prefix: String, _ owner: InputOwner, _ name: String = "") {
            for key in entries where key.place == place && key.access?.value(in: model, of: owner) != nil {
                found.append(ModelInput(path: prefix + key.name, key: key, owner: owner, ownerName: name))
            }
        }
        add(.top, "", InputOwner())
        add(.finance, "finance.", InputOwner())
        for (i, w) in model.workloads.enumerated() { add(.workload, "workloads.\(w.name).", InputOwner(i), w.name) }
        for (i, option) in model.serving.enumerated() {
            let prefix = "serving.\(option.name).", owner = InputOwner(i)
            switch option.kind {
            case .api:
                add(.api, prefix, owner, option.name)
                add(.longContext, prefix + "long_context.", owner, option.name)
            case .selfHosted:
                add(.selfHosted, prefix, owner, option.name)
            case .rented(_, let pricing):
                add(.rented, prefix, owner, option.name)
                for k in pricing.commitments.indices {
                    add(.commitment, prefix + "commitments.\(k + 1).", InputOwner(i, item: k),
                        "\(option.name) commitment \(k + 1)")
                }
            }
        }
        for (i, h) in model.hardware.enumerated() { add(.hardware, "hardware.\(h.name).", InputOwner(i), h.name) }
        for (i, loan) in model.finance.loans.enumerated() {
            add(.loan, "finance.financing.\(loan.hardware).", InputOwner(i), loan.hardware)
        }
        if model.facility != nil { add(.facility, "facility.", InputOwner()) }
        for (i, role) in model.staff.enumerated() { add(.staffRole, "staff.\(role.name).", InputOwner(i), role.name) }
        for (i, s) in model.strategies.enumerated() {
            add(.escalation, "strategies.\(s.name).escalation.", InputOwner(i), s.name)
            for (w, routing) in s.workloadOverrides.enumerated() {
                add(.escalation, "strategies.\(s.name).workloads.\(routing.workload).escalation.",
                    InputOwner(i, item: w + 1), "\(s.name), \(routing.workload)")
            }
            for (c, item) in s.oneTimeCosts.enumerated() {
                add(.oneTime, "strategies.\(s.name).one_time.\(item.name).", InputOwner(i, item: c),
                    "\(s.name) \(item.name)")
            }
        }
        return found
    }

    /// The input at `path` in `model`, or `nil` when the path names no single number there.
    public static func input(at path: String, in model: Model) -> ModelInput? {
        let s = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let last = s.last else { return nil }
        func make(_ place: ModelKey.Place, _ owner: InputOwner, _ name: String = "") -> ModelInput? {
            guard let key = ModelKey.key(last, at: place), key.access?.value(in: model, of: owner) != nil
            else { return nil }
            return ModelInput(path: path, key: key, owner: owner, ownerName: name)
        }
        switch (s.first, s.count) {
        case ("finance", 2): return make(.finance, InputOwner())
        case ("finance", 4) where s[1] == "financing":
            guard let l = model.finance.loans.firstIndex(where: { $0.hardware == s[2] }) else { return nil }
            return make(.loan, InputOwner(l), s[2])
        case ("workloads", 3):
            guard let w = model.workloads.firstIndex(where: { $0.name == s[1] }) else { return nil }
            return make(.workload, InputOwner(w), s[1])
        case ("serving", 3), ("serving", 4), ("serving", 5):
            guard let o = model.serving.firstIndex(where: { $0.name == s[1] }) else { return nil }
            if s.count == 4, s[2] == "long_context" { return make(.longContext, InputOwner(o), s[1]) }
            if s.count == 5, s[2] == "commitments", let k = Int(s[3]), k >= 1 {
                return make(.commitment, InputOwner(o, item: k - 1), "\(s[1]) commitment \(k)")
            }
            guard s.count == 3 else { return nil }
            switch model.serving[o].kind {
            case .api: return make(.api, InputOwner(o), s[1])
            case .selfHosted: return make(.selfHosted, InputOwner(o), s[1])
            case .rented: return make(.rented, InputOwner(o), s[1])
            }
        case ("hardware", 3):
            guard let h = model.hardware.firstIndex(where: { $0.name == s[1] }) else { return nil }
            return make(.hardware, InputOwner(h), s[1])
        case ("facility", 2): return make(.facility, InputOwner())
        case ("staff", 3):
            guard let r = model.staff.firstIndex(where: { $0.name == s[1] }) else { return nil }
            return make(.staffRole, InputOwner(r), s[1])
        case ("strategies", _):
            return strategyInput(s, path: path, in: model)
        case (_, 1): return make(.top, InputOwner())
        default: return nil
        }
    }

    private static func strategyInput(_ s: [String], path: String, in model: Model) -> ModelInput? {
        guard s.count >= 4, let i = model.strategies.firstIndex(where: { $0.name == s[1] }) else { return nil }
        let strategy = model.strategies[i]
        func make(_ place: ModelKey.Place, _ item: Int, _ name: String) -> ModelInput? {
            let owner = InputOwner(i, item: item)
            guard let key = ModelKey.key(s[s.count - 1], at: place), key.access?.value(in: model, of: owner) != nil
            else { return nil }
            return ModelInput(path: path, key: key, owner: owner, ownerName: name)
        }
        if s.count == 4, s[2] == "escalation" { return make(.escalation, 0, s[1]) }
        if s.count == 5, s[2] == "one_time", let c = strategy.oneTimeCosts.firstIndex(where: { $0.name == s[3] }) {
            return make(.oneTime, c, "\(s[1]) \(s[3])")
        }
        if s.count == 6, s[2] == "workloads", s[4] == "escalation",
            let w = strategy.workloadOverrides.firstIndex(where: { $0.workload == s[3] })
        {
            return make(.escalation, w + 1, "\(s[1]), \(s[3])")
        }
        return nil
    }

    /// The inputs at the same owner that take `input`'s value when the file leaves them out
    /// (`price_cached_input` and `price_cache_write` after `price_input`), minus those `written`.
    public static func followers(of input: ModelInput, written: Set<String>) -> [ModelInput] {
        let prefix = input.path.dropLast(input.key.name.count)
        return entries.filter { $0.place == input.key.place && $0.follows == input.key.name }
            .map { ModelInput(path: prefix + $0.name, key: $0, owner: input.owner, ownerName: input.ownerName) }
            .filter { !written.contains($0.path) }
    }
}
