import TCOCore

/// The registry's inputs of every scenario: the union of their paths (base first, then what
/// scenarios add, such as a commitment only one scenario has), and each path's input per scenario.
struct RegisteredInputs {
    private(set) var paths: [String] = []
    /// Per scenario, in scenario order: the input at each path the scenario's model has.
    let byScenario: [[String: ModelInput]]
    let models: [Model]

    init(_ models: [Model]) {
        self.models = models
        var seen = Set<String>()
        var byScenario: [[String: ModelInput]] = []
        for model in models {
            var inputs: [String: ModelInput] = [:]
            for input in InputRegistry.inputs(of: model) {
                inputs[input.path] = input
                if seen.insert(input.path).inserted { paths.append(input.path) }
            }
            byScenario.append(inputs)
        }
        self.byScenario = byScenario
    }

    /// The input at `path` in the first scenario that has it, and that scenario's model.
    func first(_ path: String) -> (ModelInput, Model)? {
        for (inputs, model) in zip(byScenario, models) { if let input = inputs[path] { return (input, model) } }
        return nil
    }
}

extension InputCatalog {
    /// Defined names that formulas and readers use by name, kept from the first workbooks.
    private static let fixedNames: [String: String] = [
        "horizon": "Horizon_Months", "finance.terminal_value": "Terminal_Value_Book",
        "facility.electricity": "Electricity_Price", "facility.pue": "Facility_PUE",
    ]

    /// The registry's input at `path`: its label, unit, number format and allowed values from the
    /// registry, its value in each scenario (0 where a scenario does not have it).
    mutating func add(registered path: String, _ inputs: RegisteredInputs) {
        guard let (input, model) = inputs.first(path), let access = input.key.access else { return }
        let key = input.key
        let scenarioValues = zip(inputs.byScenario, inputs.models).map { byPath, m in byPath[path]?.value(in: m) }
        var label = input.label
        if input.ownerName.isEmpty, let first = label.first { label = first.uppercased() + label.dropFirst() }
        let unit = key.unit(currency: model.currency, monthly: input.isMonthly(in: model))
        let bounds = key.bounds
        // A key the file leaves out that takes another's value (`price_cache_write` after
        // `price_input`): a formula on that input, so an edit of it carries over as in the model.
        let followed = key.follows.map { String(path.dropLast(key.name.count)) + $0 }
            .flatMap { writtenPaths.contains(path) || inputs.first($0) == nil ? nil : $0 }
        add(path, Self.nameParts(input), label, unit, Self.format(key, kind: access.kind),
            range: AllowedRange(bounds, whole: access.kind != .continuous),
            source: followed.map { "not written: equal to \($0) (its default)" }, follows: followed,
            values: scenarioValues)
    }

    /// `W_support_chat_Requests`, `API_frontier_Long_Price_Input`, `S_hybrid_One_Time_tuning_Cost`, …
    private static func nameParts(_ input: ModelInput) -> [String] {
        if let fixed = fixedNames[input.path] { return [fixed] }
        let acronyms = ["gpu": "GPU", "gpus": "GPUs", "pue": "PUE"]
        let field = input.key.name.split(separator: "_")
            .map { acronyms[String($0)] ?? $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "_")
        let path = input.path.split(separator: ".").map(String.init)
        let owner: [String]
        switch input.key.place {
        case .top, .finance, .facility: owner = []
        case .workload: owner = ["W", path[1]]
        case .api: owner = ["API", path[1]]
        case .longContext: owner = ["API", path[1], "Long"]
        case .selfHosted: owner = ["SH", path[1]]
        case .rented: owner = ["Rent", path[1]]
        case .commitment: owner = ["Rent", path[1], "Commit", path[3]]
        case .hardware: owner = ["HW", path[1]]
        case .loan: owner = ["Loan", path[2]]
        case .staffRole: owner = ["Staff", path[1]]
        case .escalation where path.count == 6: owner = ["S", path[1], "W", path[3]]
        case .escalation: owner = ["S", path[1]]
        case .oneTime: owner = ["S", path[1], "One_Time", path[3]]
        case .strategy, .strategyWorkload: owner = ["S", path[1]]
        }
        let section = input.key.place == .escalation ? "Escalation_" + field : field
        return owner + [section]
    }

    private static func format(_ key: ModelKey, kind: InputAccess.Kind) -> CellStyle.NumberFormat {
        guard kind == .continuous else { return .integer }
        switch key.dimensions().first {
        case .percent, .ratePerYear, .ratePerMonth: return .percent
        case .money, .moneyPerYear: return .money
        case .pricePerMillionTokens, .pricePerGPUHour, .pricePerKilowattHour, .pricePerKilowattMonth: return .price
        case .perMonth, .throughput: return .integer
        case .number where key.unitName == "tokens" || key.unitName == "input tokens": return .integer
        default: return .number
        }
    }
}
