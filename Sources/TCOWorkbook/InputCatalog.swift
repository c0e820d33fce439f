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
        var minimum: Double?
        var maximum: Double?
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
    let scenarios: [LoadedModel.Scenario]
    let loaded: LoadedModel

    init(_ loaded: LoadedModel) {
        self.loaded = loaded
        scenarios = loaded.scenarios
        var sources: [String: String] = [:]
        for input in loaded.inputs where sources[input.path] == nil { sources[input.path] = input.source }
        sourcesByPath = sources
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
        min: Double? = nil, max: Double? = nil, source: String? = nil, value: (Model) -> Double?
    ) {
        let values = scenarios.map { value($0.model) ?? 0 }
        guard scenarios.contains(where: { value($0.model) != nil }) else { return }
        let name = makeName(nameParts)
        if namesByKey[key] == nil {
            namesByKey[key] = name
            indexesByKey[key] = items.count
        }
        if let route = key.range(of: ".route.", options: .backwards) {
            optionsByRoute[String(key[..<route.upperBound]), default: []].append(String(key[route.upperBound...]))
        }
        items.append(Item(key: key, name: name, label: label, unit: unit, format: format, values: values,
                          minimum: min, maximum: max, source: source ?? sourcesByPath[key]))
    }

    /// A text input: the serving option an escalation or fallback sends requests to.
    private mutating func addText(_ key: String, _ nameParts: [String], _ label: String, choices: [String],
                                  value: (Model) -> String?) {
        guard scenarios.contains(where: { value($0.model) != nil }) else { return }
        let name = makeName(nameParts)
        if namesByKey[key] == nil { namesByKey[key] = name }
        items.append(Item(key: key, name: name, label: label, unit: "api option", format: .text,
                          values: scenarios.map { _ in 0 }, source: sourcesByPath[key],
                          texts: scenarios.map { value($0.model) ?? "" }, choices: choices))
    }

    /// Excel's serial number of the first day of `month` (days since 1899-12-30).
    static func serial(_ month: YearMonth) -> Double {
        WorkbookWriter.date(of: month).timeIntervalSince1970 / 86_400 + 25_569
    }

    private mutating func build() {
        let base = loaded.base
        let cur = base.currency
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
        add("horizon", ["Horizon_Months"], "Horizon", "months", .integer) { Double($0.horizonMonths) }
        add("discount_rate", ["Discount_Rate"], "Discount rate (cost of capital)", "%/year", .percent, min: 0, max: 1) { $0.discountRate }
        // Always an input (0 without tax): the after-tax rows exist for every model, so that
        // comparisons have one basis whatever a scenario sets (calculations.md, Tax).
        add("finance.tax_rate", ["Tax_Rate"], "Tax rate (every P&L expense lowers tax)", "%", .percent, min: 0, max: 1) {
            $0.finance.taxRate
        }
        add("finance.terminal_value", ["Terminal_Value_Book"], "Terminal value at book (1) or none (0)", "1 = book",
            .integer, min: 0, max: 1) { $0.finance.terminalValue == .book ? 1 : 0 }

        for workload in base.workloads {
            let w = workload.name, key = "workloads.\(w)"
            func find(_ m: Model) -> Workload? { m.workloads.first { $0.name == w } }
            add("\(key).requests", ["W", w, "Requests"], "\(w): requests in month 1", "requests/month", .integer, min: 0) { find($0)?.requests.first }
            add("\(key).growth", ["W", w, "Growth"], "\(w): growth", workload.growth.first.isMonthly ? "%/month" : "%/year", .percent, min: -0.999999) { find($0)?.growth.first.value }
            add("\(key).input_tokens", ["W", w, "Input_Tokens"], "\(w): input tokens per request", "tokens", .integer, min: 0) { find($0)?.inputTokens }
            add("\(key).output_tokens", ["W", w, "Output_Tokens"], "\(w): output tokens per request", "tokens", .integer, min: 0) { find($0)?.outputTokens }
            add("\(key).cached_input", ["W", w, "Cached_Input"], "\(w): cached share of input", "%", .percent, min: 0, max: 1) { find($0)?.cachedInput }
            add("\(key).cache_write", ["W", w, "Cache_Write"], "\(w): share of input written to the cache", "%",
                .percent, min: 0, max: 1) { find($0)?.cacheWrite }
            add("\(key).batch", ["W", w, "Batch"], "\(w): share of requests sent as batch", "%", .percent,
                min: 0, max: 1) { find($0)?.batch }
            add("\(key).peak_to_average", ["W", w, "Peak_To_Average"], "\(w): peak-to-average load", "ratio", .number, min: 1) { find($0)?.peakToAverage }
            add("\(key).sensitive", ["W", w, "Sensitive"], "\(w): sensitive data (1 = yes)",
                "1 = yes", .integer, min: 0, max: 1) { find($0).map { $0.sensitive ? 1 : 0 } }
        }

        for option in base.serving {
            let o = option.name, key = "serving.\(o)"
            func pricing(_ m: Model) -> APIPricing? {
                if case .api(let p) = m.servingOption(named: o)?.kind { return p }
                return nil
            }
            func gpu(_ m: Model) -> GPUServing? {
                switch m.servingOption(named: o)?.kind {
                case .selfHosted(let s, _), .rented(let s, _): return s
                default: return nil
                }
            }
            switch option.kind {
            case .api(let p):
                add("\(key).price_input", ["API", o, "Price_Input"], "\(o): input price", "\(cur)/Mtok", .price, min: 0) { pricing($0)?.priceInput.first }
                add("\(key).price_output", ["API", o, "Price_Output"], "\(o): output price", "\(cur)/Mtok", .price, min: 0) { pricing($0)?.priceOutput.first }
                add("\(key).price_cached_input", ["API", o, "Price_Cached_Input"], "\(o): cached input price", "\(cur)/Mtok", .price, min: 0) { pricing($0)?.priceCachedInput.first }
                add("\(key).price_cache_write", ["API", o, "Price_Cache_Write"], "\(o): cache write price",
                    "\(cur)/Mtok", .price, min: 0) { pricing($0)?.priceCacheWrite.first }
                add("\(key).batch_discount", ["API", o, "Batch_Discount"], "\(o): batch discount", "%", .percent,
                    min: 0, max: 1) { pricing($0)?.batchDiscount }
                if p.longContext != nil {
                    let lk = "\(key).long_context", parts = ["API", o, "Long"]
                    func long(_ m: Model) -> LongContextPricing? { pricing(m)?.longContext }
                    add("\(lk).above", parts + ["Above"], "\(o): long-context prices above", "input tokens",
                        .integer, min: 0) { long($0)?.above }
                    add("\(lk).price_input", parts + ["Price_Input"], "\(o): long-context input price",
                        "\(cur)/Mtok", .price, min: 0) { long($0)?.priceInput }
                    add("\(lk).price_output", parts + ["Price_Output"], "\(o): long-context output price",
                        "\(cur)/Mtok", .price, min: 0) { long($0)?.priceOutput }
                    add("\(lk).price_cached_input", parts + ["Price_Cached_Input"],
                        "\(o): long-context cached input price", "\(cur)/Mtok", .price, min: 0) {
                        long($0)?.priceCachedInput
                    }
                    add("\(lk).price_cache_write", parts + ["Price_Cache_Write"],
                        "\(o): long-context cache write price", "\(cur)/Mtok", .price, min: 0) {
                        long($0)?.priceCacheWrite
                    }
                }
                add("\(key).price_change", ["API", o, "Price_Change"], "\(o): price change", p.priceChange.first.isMonthly ? "%/month" : "%/year", .percent, min: -0.999999) { pricing($0)?.priceChange.first.value }
                add("\(key).private", ["API", o, "Private"], "\(o): private, may serve sensitive data (1 = yes)",
                    "1 = yes", .integer, min: 0, max: 1) { m in
                    pricing(m).map { $0.isPrivate ? 1 : 0 }
                }
            case .selfHosted, .rented:
                let prefix = option.isSelfHosted ? "SH" : "Rent"
                add("\(key).decode_throughput", [prefix, o, "Decode"], "\(o): decode throughput per GPU", "tok/s", .integer, min: 0) { gpu($0)?.decodeThroughput }
                add("\(key).prefill_throughput", [prefix, o, "Prefill"], "\(o): prefill throughput per GPU", "tok/s", .integer, min: 0) { gpu($0)?.prefillThroughput }
                add("\(key).max_utilization", [prefix, o, "Max_Utilization"], "\(o): maximum utilization at peak", "%", .percent, min: 0, max: 1) { gpu($0)?.maxUtilization }
                if case .rented(_, let rentedPricing) = option.kind {
                    func rented(_ m: Model) -> (Double, Double)? {
                        if case .rented(_, let p) = m.servingOption(named: o)?.kind { return (p.gpuHour.first, p.priceChange.first.value) }
                        return nil
                    }
                    add("\(key).gpu_hour", [prefix, o, "GPU_Hour"], "\(o): price per GPU-hour", "\(cur)/GPU-hour", .price, min: 0) { rented($0)?.0 }
                    add("\(key).price_change", [prefix, o, "Price_Change"], "\(o): price change", rentedPricing.priceChange.first.isMonthly ? "%/month" : "%/year", .percent, min: -0.999999) { rented($0)?.1 }
                    func rentedOf(_ m: Model) -> RentedPricing? {
                        if case .rented(_, let p) = m.servingOption(named: o)?.kind { return p }
                        return nil
                    }
                    add("\(key).scaling", [prefix, o, "Hourly"], "\(o): hourly scaling (1) or peak (0)", "1 = hourly",
                        .integer, min: 0, max: 1) { rentedOf($0).map { $0.scaling == .hourly ? 1 : 0 } }
                    // Commitments by position: the union over scenarios, 0 GPUs where a scenario has fewer.
                    let count = scenarios.map { rentedOf($0.model)?.commitments.count ?? 0 }.max() ?? 0
                    commitmentCounts[o] = count
                    for k in 0..<count {
                        let ck = "\(key).commitments.\(k + 1)", parts = [prefix, o, "Commit", String(k + 1)]
                        func at(_ m: Model) -> Commitment? {
                            guard let list = rentedOf(m)?.commitments else { return nil }
                            return k < list.count ? list[k] : Commitment(gpus: 0, gpuHour: 0, firstMonth: 1, termMonths: 1)
                        }
                        add("\(ck).gpus", parts + ["GPUs"], "\(o): commitment \(k + 1), GPUs", "GPUs", .integer, min: 0) {
                            at($0).map { Double($0.gpus) }
                        }
                        add("\(ck).gpu_hour", parts + ["GPU_Hour"], "\(o): commitment \(k + 1), price per GPU-hour",
                            "\(cur)/GPU-hour", .price, min: 0) { at($0)?.gpuHour }
                        add("\(ck).from", parts + ["From"], "\(o): commitment \(k + 1), first month (1 = Start)",
                            "month", .integer) { at($0).map { Double($0.firstMonth) } }
                        add("\(ck).term", parts + ["Term"], "\(o): commitment \(k + 1), term", "months", .integer,
                            min: 1) { at($0).map { Double($0.termMonths) } }
                    }
                }
            }
        }

        for hardware in base.hardware {
            let h = hardware.name, key = "hardware.\(h)"
            func find(_ m: Model) -> Hardware? { m.hardware(named: h) }
            add("\(key).gpus", ["HW", h, "GPUs"], "\(h): GPUs per server", "GPUs", .integer, min: 1) { find($0).map { Double($0.gpus) } }
            add("\(key).price", ["HW", h, "Price"], "\(h): price per server", cur, .money, min: 0) { find($0)?.price }
            add("\(key).power", ["HW", h, "Power"], "\(h): power at full load", "kW", .number, min: 0) { find($0)?.power }
            add("\(key).idle_power", ["HW", h, "Idle_Power"], "\(h): power when idle", "kW", .number, min: 0) { find($0)?.idlePower }
            add("\(key).life", ["HW", h, "Life"], "\(h): life", "months", .integer, min: 1) { find($0).map { Double($0.lifeMonths) } }
            add("\(key).residual", ["HW", h, "Residual"], "\(h): residual value", "% of price", .percent, min: 0, max: 0.999999) { find($0)?.residual }
            add("\(key).maintenance", ["HW", h, "Maintenance"], "\(h): maintenance", "% of price/year", .percent, min: 0) { find($0)?.maintenancePerYear }
            add("\(key).lead_time", ["HW", h, "Lead_Time"], "\(h): lead time", "months", .integer, min: 0) { find($0).map { Double($0.leadTimeMonths) } }
        }

        for loan in base.finance.loans {
            let h = loan.hardware, key = "finance.financing.\(h)"
            func find(_ m: Model) -> Loan? { m.finance.loan(for: h) }
            add("\(key).loan", ["Loan", h, "Share"], "\(h): share of the price borrowed", "% of price", .percent,
                min: 0, max: 1) { find($0)?.share }
            add("\(key).rate", ["Loan", h, "Rate"], "\(h): loan interest rate", "%/year", .percent, min: 0) {
                find($0)?.annualRate
            }
            add("\(key).term", ["Loan", h, "Term"], "\(h): loan term (monthly payments)", "months", .integer, min: 1) {
                find($0).map { Double($0.termMonths) }
            }
        }

        if base.facility != nil || scenarios.contains(where: { $0.model.facility != nil }) {
            add("facility.pue", ["Facility_PUE"], "PUE", "ratio", .number, min: 1) { $0.facility?.pue }
            add("facility.electricity", ["Electricity_Price"], "Electricity price", "\(cur)/kWh", .price, min: 0) { $0.facility?.electricityPerKilowattHour.first }
            add("facility.electricity_change", ["Electricity_Change"], "Electricity price change", base.facility?.electricityChange.first.isMonthly == true ? "%/month" : "%/year", .percent, min: -0.999999) { $0.facility?.electricityChange.first.value }
            add("facility.colocation", ["Colocation"], "Colocation", "\(cur)/kW/month", .price, min: 0) { $0.facility?.colocationPerKilowattMonth.first }
        }

        for role in base.staff {
            let r = role.name
            func find(_ m: Model) -> StaffRole? { m.staff.first { $0.name == r } }
            add("staff.\(r).count", ["Staff", r, "Count"], "\(r): full-time equivalents", "FTE", .number, min: 0) { find($0)?.count.first }
            add("staff.\(r).cost", ["Staff", r, "Cost"], "\(r): cost per FTE", "\(cur)/year", .money, min: 0) { find($0)?.costPerYear.first }
            add("staff.\(r).cost_change", ["Staff", r, "Cost_Change"], "\(r): cost change",
                role.costChange.first.isMonthly ? "%/month" : "%/year", .percent, min: -0.999999) {
                find($0)?.costChange.first.value
            }
        }

        // Routing shares and escalation rates: the union over scenarios, 0 where a scenario has none.
        // Escalation and fallback targets are text inputs; the Calc formulas send the requests to
        // the API row whose option the cell names.
        let apis = base.serving.filter(\.isAPI).map(\.name)
        for strategy in base.strategies {
            let s = strategy.name
            func find(_ m: Model) -> Strategy? { m.strategy(named: s) }
            let options = Self.union(scenarios.map { find($0.model)?.route.shares.map(\.option) ?? [] })
            for o in options {
                add("strategies.\(s).route.\(o)", ["S", s, "Route", o], "\(s): share to \(o)", "%", .percent, min: 0, max: 1) { m in
                    find(m).map { st in st.route.shares.first { $0.option == o }?.share ?? 0 }
                }
            }
            for item in strategy.oneTimeCosts {
                let key = "strategies.\(s).one_time.\(item.name)", parts = ["S", s, "One_Time", item.name]
                func own(_ m: Model) -> OneTimeCost? { find(m)?.oneTimeCosts.first { $0.name == item.name } }
                add("\(key).cost", parts + ["Cost"], "\(s): one-time \(item.name)", cur, .money, min: 0) { own($0)?.cost }
                add("\(key).month", parts + ["Month"], "\(s): one-time \(item.name), month of the horizon (1 = Start)",
                    "month", .integer, min: 1) { own($0).map { Double($0.month) } }
                add("\(key).capitalize", parts + ["Capitalize"],
                    "\(s): one-time \(item.name), depreciated over (0 = expensed)", "months", .integer, min: 0) {
                    own($0).map { Double($0.capitalizeMonths ?? 0) }
                }
            }
            add("strategies.\(s).escalation.rate", ["S", s, "Escalation"], "\(s): escalation rate", "%", .percent, min: 0, max: 1) { m in
                find(m).map { $0.escalation?.rate ?? 0 }
            }
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
                    add("strategies.\(s).workloads.\(w).route.\(o)", ["S", s, "W", w, "Route", o], "\(s), \(w): share to \(o)", "%", .percent, min: 0, max: 1) { m in
                        own(m)?.route.map { route in route.shares.first { $0.option == o }?.share ?? 0 }
                    }
                }
                if scenarios.contains(where: { own($0.model)?.escalation != nil }) {
                    add("strategies.\(s).workloads.\(w).escalation.rate", ["S", s, "W", w, "Escalation"], "\(s), \(w): escalation rate", "%", .percent, min: 0, max: 1) { m in
                        own(m).map { routing in
                            switch routing.escalation {
                            case .some(.some(let e)): e.rate
                            default: 0
                            }
                        }
                    }
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
