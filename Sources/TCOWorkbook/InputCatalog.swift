import TCOCore
import TCOLoading

/// Every assumption of a model as one row of the `Inputs` sheet, with a defined name and one
/// value per scenario (scenarios that do not override it link to the base value).
struct InputCatalog {
    struct Item {
        /// Dotted key path in the model file (`facility.electricity`), or `calendar.*` for conventions.
        var key: String
        /// Excel defined name, e.g. `Facility_Electricity`.
        var name: String
        var label: String
        var unit: String
        var format: CellStyle.NumberFormat
        /// Value in each scenario, in scenario order (base first).
        var values: [Double]
        /// The values its cells accept.
        var range: AllowedRange
        /// The key path of the input whose value it takes while the file leaves it out (a cached
        /// price after the input price): its cells are then formulas on that input's, not numbers.
        var follows: String?
        var source: String?
        /// A text input (an escalation or fallback target) holds these, one per scenario; its
        /// `values` are 0. `choices` are the texts a drop-down offers.
        var texts: [String]?
        var choices: [String] = []
    }

    private(set) var items: [Item] = []
    private var usedNames: Set<String> = []
    /// Defined name by key, so formulas find an input in constant time (models have thousands).
    private var namesByKey: [String: String] = [:]
    /// Source comment by key path, read once from the loaded model.
    private let sourcesByPath: [String: String]
    /// Key paths the model file writes (the rest are defaults).
    let writtenPaths: Set<String>
    let scenarios: [LoadedModel.Scenario]
    let loaded: LoadedModel

    init(_ loaded: LoadedModel) {
        self.loaded = loaded
        scenarios = loaded.scenarios
        var sources: [String: String] = [:]
        for input in loaded.inputs where sources[input.path] == nil { sources[input.path] = input.source }
        sourcesByPath = sources
        writtenPaths = loaded.writtenPaths
        build()
    }

    /// Options with a share cell under a route key prefix (`strategies.S.route.`), in order.
    private var optionsByRoute: [String: [String]] = [:]

    /// Commitments a rented option has on Inputs (the most any scenario has).
    private var commitmentCounts: [String: Int] = [:]
    func commitmentCount(_ option: String) -> Int { commitmentCounts[option] ?? 0 }

    /// The name of the item for `key`, if the catalog has one.
    func name(_ key: String) -> String? { namesByKey[key] }

    /// The first item for `key`, if the catalog has one.
    func item(_ key: String) -> Item? { indexesByKey[key].map { items[$0] } }
    private var indexesByKey: [String: Int] = [:]

    /// The options the Inputs sheet has a share for under `prefix` (`strategies.S.route.` or
    /// `strategies.S.workloads.W.route.`), found in constant time (models have thousands of rows).
    func routeOptions(_ prefix: String) -> [String] { optionsByRoute[prefix] ?? [] }

    /// An Excel-safe name made of `parts`: letters, digits and `_`, unique ignoring case.
    private mutating func makeName(_ parts: [String]) -> String {
        var base = parts.map { part in
            String(part.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }.joined(separator: "_")
        if let first = base.first, !first.isLetter { base = "N_" + base }
        var name = base, counter = 2
        while usedNames.contains(name.lowercased()) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        usedNames.insert(name.lowercased())
        return name
    }

    private mutating func add(
        _ key: String, _ nameParts: [String], _ label: String, _ unit: String, _ format: CellStyle.NumberFormat,
        range: AllowedRange = .any, source: String? = nil, value: (Model) -> Double?
    ) {
        add(key, nameParts, label, unit, format, range: range, source: source,
            values: scenarios.map { value($0.model) })
    }

    /// An input with its value in each scenario (`nil` where a scenario does not have it: shown as 0);
    /// nothing when no scenario has it.
    mutating func add(
        _ key: String, _ nameParts: [String], _ label: String, _ unit: String, _ format: CellStyle.NumberFormat,
        range: AllowedRange = .any, source: String? = nil, follows: String? = nil, values: [Double?]
    ) {
        guard values.contains(where: { $0 != nil }) else { return }
        let name = makeName(nameParts)
        if namesByKey[key] == nil {
            namesByKey[key] = name
            indexesByKey[key] = items.count
        }
        if let route = key.range(of: ".route.", options: .backwards) {
            optionsByRoute[String(key[..<route.upperBound]), default: []].append(String(key[route.upperBound...]))
        }
        items.append(Item(key: key, name: name, label: label, unit: unit, format: format, values: values.map { $0 ?? 0 },
                          range: range, follows: follows, source: source ?? sourcesByPath[key]))
    }

    /// A text input: the serving option an escalation or fallback sends requests to.
    private mutating func addText(_ key: String, _ nameParts: [String], _ label: String, choices: [String],
                                  value: (Model) -> String?) {
        guard scenarios.contains(where: { value($0.model) != nil }) else { return }
        let name = makeName(nameParts)
        if namesByKey[key] == nil { namesByKey[key] = name }
        items.append(Item(key: key, name: name, label: label, unit: "api option", format: .text,
                          values: scenarios.map { _ in 0 }, range: .any, source: sourcesByPath[key],
                          texts: scenarios.map { value($0.model) ?? "" }, choices: choices))
    }

    /// Excel's serial number of the first day of `month` (days since 1899-12-30).
    static func serial(_ month: YearMonth) -> Double {
        WorkbookWriter.date(of: month).timeIntervalSince1970 / 86_400 + 25_569
    }

    private mutating func build() {
        let base = loaded.base
        let conventions = "calculations.md, Time"
        add("calendar.hours_per_month", ["Hours_Per_Month"], "Hours in a month (8760 / 12)", "hours", .integer, source: conventions) { _ in Calendar.hoursPerMonth }
        add("calendar.seconds_per_month", ["Seconds_Per_Month"], "Seconds in a month (730 × 3600)", "seconds", .integer, source: conventions) { _ in Calendar.secondsPerMonth }
        add("calendar.months_per_year", ["Months_Per_Year"], "Months in a year", "months", .integer, source: conventions) { _ in 12 }
        add("calendar.tokens_per_million", ["Tokens_Per_Million"], "Tokens in a million (prices are per Mtok)", "tokens", .integer, source: conventions) { _ in 1e6 }
        add("calendar.ceiling_tolerance", ["Ceiling_Tolerance"], "Tolerance of ceil (floating-point noise)", "units", .scientific, source: "calculations.md, GPU demand") { _ in 1e-9 }
        add("calendar.comparison_tolerance", ["Comparison_Tolerance"], "Relative tolerance of 'no dearer than'", "fraction", .scientific, source: "calculations.md, Comparison") { _ in 1e-9 }
        add("calendar.check_tolerance", ["Check_Tolerance"], "Relative tolerance of the checks (floating-point noise)",
            "fraction", .scientific, source: "Checks sheet") { _ in 1e-9 }
        let breakEven = "calculations.md, Break-even multipliers"
        add("calendar.break_even_low", ["Break_Even_Low"], "Lowest break-even factor searched",
            "factor", .factor, source: breakEven) { _ in BreakEvenSearch.lowest }
        add("calendar.break_even_high", ["Break_Even_High"], "Highest break-even factor searched",
            "factor", .integer, source: breakEven) { _ in BreakEvenSearch.highest }
        add("calendar.break_even_precision", ["Break_Even_Precision"],
            "Bisection stops when the bracket is narrower than 1 + this", "fraction", .scientific,
            source: breakEven) { _ in BreakEvenSearch.precision }
        add("calendar.bisection_split", ["Bisection_Split"], "Parts a bisection step splits the bracket into",
            "parts", .integer, source: breakEven) { _ in 2 }
        add("start", ["Start"], "First month of the horizon", "month", .yearMonth) { Self.serial($0.start) }
        let registered = RegisteredInputs(scenarios.map(\.model))
        // Commitments by position: the union over scenarios (0 GPUs where a scenario has fewer).
        for option in base.serving {
            commitmentCounts[option.name] = scenarios.map { scenario in
                guard case .rented(_, let pricing) = scenario.model.servingOption(named: option.name)?.kind
                else { return 0 }
                return pricing.commitments.count
            }.max() ?? 0
        }
        for path in registered.paths where !path.hasPrefix("strategies.") { add(registered: path, registered) }
        // Routing shares and escalation rates: the union over scenarios, 0 where a scenario has none.
        // Escalation and fallback targets are text inputs; the Calc formulas send the requests to
        // the API row whose option the cell names.
        let apis = base.serving.filter(\.isAPI).map(\.name)
        for strategy in base.strategies {
            let s = strategy.name
            func find(_ m: Model) -> Strategy? { m.strategy(named: s) }
            let options = Self.union(scenarios.map { find($0.model)?.route.shares.map(\.option) ?? [] })
            for o in options {
                add("strategies.\(s).route.\(o)", ["S", s, "Route", o], "\(s): share to \(o)", "%", .percent, range: .closed(0, 1)) { m in
                    find(m).map { st in st.route.shares.first { $0.option == o }?.share ?? 0 }
                }
            }
            // The strategy's escalation rate is always an input (0 without one): a scenario may
            // add an escalation, and the Calc formulas read the rate by name.
            if !registered.paths.contains("strategies.\(s).escalation.rate") {
                add("strategies.\(s).escalation.rate", ["S", s, "Escalation_Rate"], "\(s): escalation rate", "%",
                    .percent, range: .closed(0, 1)) { _ in 0 }
            }
            for path in registered.paths where path.hasPrefix("strategies.\(s).") { add(registered: path, registered) }
            addText("strategies.\(s).escalation.to", ["S", s, "Escalation_To"], "\(s): escalation goes to",
                choices: apis) { m in
                find(m)?.escalation?.to
            }
            addText("strategies.\(s).fallback", ["S", s, "Fallback"], "\(s): fallback while no server is in service",
                choices: apis) { m in
                find(m)?.fallback
            }
            let workloads = Self.union(scenarios.map { find($0.model)?.workloadOverrides.map(\.workload) ?? [] })
            for w in workloads {
                func own(_ m: Model) -> WorkloadRouting? { find(m)?.workloadOverrides.first { $0.workload == w } }
                let routeOptions = Self.union(scenarios.map { own($0.model)?.route?.shares.map(\.option) ?? [] })
                for o in routeOptions {
                    add("strategies.\(s).workloads.\(w).route.\(o)", ["S", s, "W", w, "Route", o], "\(s), \(w): share to \(o)", "%", .percent, range: .closed(0, 1)) { m in
                        own(m)?.route.map { route in route.shares.first { $0.option == o }?.share ?? 0 }
                    }
                }
                if scenarios.contains(where: { own($0.model)?.escalation != nil }) {
                    addText("strategies.\(s).workloads.\(w).escalation.to", ["S", s, "W", w, "Escalation_To"],
                            "\(s), \(w): escalation goes to", choices: apis) { m in
                        if case .some(.some(let e)) = own(m)?.escalation { return e.to }
                        return nil
                    }
                }
            }
        }
    }

    static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>(), result: [String] = []
        for list in lists { for x in list where seen.insert(x).inserted { result.append(x) } }
        return result
    }
}
