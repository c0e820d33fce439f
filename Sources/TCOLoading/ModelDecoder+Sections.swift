import TCOCore

extension ModelDecoder {
    /// Decodes the whole tree; `nil` when any required part is missing or invalid.
    func decodeModel(_ root: ConfigNode) -> Model? {
        guard let top = mapping(root, "", example: "'model: My decision'") else { return nil }
        checkKeys(top, "", allowed: ModelSchema.topLevel, required: ModelSchema.topLevelRequired, what: "the model")

        if let node = top["currency"], let (code, location) = text(node, "currency", example: "USD") {
            if code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = code
            } else {
                error(.invalidCurrency, location, "currency", "expected a three-letter ISO currency code, got '\(code)'", hint: "e.g. 'currency: USD' or 'currency: EUR'")
            }
        }
        let title = top["model"].flatMap { text($0, "model", example: "Support copilot — build vs buy")?.0 }
        if let node = top["start"], let (raw, location) = text(node, "start", example: "2027-01") {
            start = YearMonth(raw)
            if start == nil {
                error(.invalidMonth, location, "start", "expected a month as YYYY-MM, got '\(raw)'", hint: "e.g. 'start: 2027-01'")
            }
        }
        let horizon = checked(quantity(top, "horizon", "", [.duration])?.value, "horizon", { (1...360).contains($0) },
                              "the horizon must be from 1 month to 30 years", example: "5 years")
        horizonMonths = horizon.map { Int($0) }
        var discountRate: Double?
        if let q = quantity(top, "discount_rate", "", [.percent, .ratePerYear]) {
            discountRate = checked(q.value, "discount_rate", { (0...1).contains($0) }, "the discount rate must be from 0% to 100%", example: "9%")
        }

        let workloads = decodeWorkloads(top["workloads"])
        let hardware = decodeHardware(top["hardware"])
        let serving = decodeServing(top["serving"])
        let facility = decodeFacility(top["facility"])
        let staff = decodeStaff(top["staff"])
        let strategies = decodeStrategies(top["strategies"])
        let baseline = top["baseline"].flatMap { text($0, "baseline", example: "buy")?.0 }
        let finance = decodeFinance(top["finance"])
        if let node = top["uncertainty"] {
            // Read past: Monte Carlo is not part of this version (it must still be a map).
            _ = mapping(node, "uncertainty", example: "'uncertainty: {runs: 10000, inputs: {...}}'")
        }

        guard let title, let start, let horizon, let discountRate, let workloads, let serving, let strategies, let baseline,
            let hardware, let staff, let finance, !diagnostics.hasErrors
        else { return nil }
        return Model(
            title: title, currency: currency, start: start, horizonMonths: Int(horizon), discountRate: discountRate,
            workloads: workloads, serving: serving, hardware: hardware, facility: facility ?? nil, staff: staff,
            strategies: strategies, baseline: baseline, finance: finance)
    }

    /// The entries of a section map (`workloads`, `serving`, …), with each name checked.
    func entities(_ node: ConfigNode?, _ section: String, example: String, required: Bool) -> [(String, ConfigNode.Mapping)]? {
        guard let node else { return required ? nil : [] }
        guard let map = mapping(node, section, example: example) else { return nil }
        var result: [(String, ConfigNode.Mapping)] = []
        if required, map.entries.isEmpty {
            error(.emptySection, map.location, section, "'\(section)' is empty", hint: "define at least one, e.g. \(example)")
        }
        for entry in map.entries {
            let path = Self.join(section, entry.key)
            checkName(entry.key, at: entry.keyLocation, path)
            locations[path] = entry.keyLocation
            if let inner = mapping(entry.value, path, example: example) {
                result.append((entry.key, inner))
            }
        }
        return result
    }

    func decodeWorkloads(_ node: ConfigNode?) -> [Workload]? {
        guard let entries = entities(node, "workloads", example: "'support-chat: {requests: 1.2M/month, input_tokens: 1800, output_tokens: 350}'", required: true) else { return nil }
        var result: [Workload] = []
        for (name, map) in entries {
            let path = "workloads.\(name)"
            checkKeys(map, path, allowed: ModelSchema.workload, required: ModelSchema.workloadRequired,
                      what: "workload '\(name)'", place: .workload)
            let requests = amounts(map, "requests", path, at: .workload)
            let growth = rates(map, "growth", path)
            let input = number(map, "input_tokens", path, at: .workload)
            let output = number(map, "output_tokens", path, at: .workload)
            let cached = number(map, "cached_input", path, at: .workload)
            let cacheWrite = number(map, "cache_write", path, at: .workload)
            let batch = number(map, "batch", path, at: .workload)
            if let cached, let cacheWrite, cached + cacheWrite > 1 + 1e-12 {
                error(.cacheSharesSum, location(of: "\(path).cache_write"), "\(path).cache_write",
                      "cached_input (\(Self.trim(cached * 100))%) and cache_write (\(Self.trim(cacheWrite * 100))%) "
                          + "add up to \(Self.trim((cached + cacheWrite) * 100))% of input tokens, more than 100%",
                      hint: "an input token is read from the cache, written to it, or neither: "
                          + "lower one of the two so that they add up to at most 100%")
            }
            let peak = number(map, "peak_to_average", path, at: .workload,
                              rule: "peak-to-average must be at least 1 (peak load is never below average load)")
            let sensitive = boolean(map, "sensitive", path)
            if let requests, let input, let output {
                result.append(Workload(
                    name: name, requests: requests, growth: growth ?? .zero, inputTokens: input, outputTokens: output,
                    cachedInput: cached ?? 0, cacheWrite: cacheWrite ?? 0, batch: batch ?? 0, peakToAverage: peak ?? 1,
                    sensitive: sensitive ?? false))
            }
        }
        return result
    }

    func nonNegative(_ value: Double?, _ path: String, example: String) -> Double? {
        checked(value, path, { $0 >= 0 }, "must not be negative", example: example)
    }

    /// A share from 0 % to 100 %.
    func share(_ map: ConfigNode.Mapping, _ key: String, _ path: String, example: String) -> Double? {
        checked(quantity(map, key, path, [.percent])?.value, Self.join(path, key), { (0...1).contains($0) },
                "must be from 0% to 100%", example: example)
    }

    func decodeHardware(_ node: ConfigNode?) -> [Hardware]? {
        guard let entries = entities(node, "hardware", example: "'h100-server: {gpus: 8, price: 280k \(currency), power: 10.2 kW, life: 4 years}'", required: false) else { return nil }
        var result: [Hardware] = []
        for (name, map) in entries {
            let path = "hardware.\(name)"
            checkKeys(map, path, allowed: ModelSchema.hardware, required: ModelSchema.hardwareRequired, what: "hardware '\(name)'")
            let gpus = checked(quantity(map, "gpus", path, [.number])?.value, "\(path).gpus", { $0 >= 1 && $0 == $0.rounded() && $0 <= 1_000_000 },
                               "GPUs per server must be a whole number of at least 1", example: "8", code: .notWholeNumber)
            let price = number(map, "price", path, at: .hardware)
            let power = number(map, "power", path, at: .hardware)
            var idle = quantity(map, "idle_power", path, [.power])?.value
            if let value = idle, let power {
                idle = checked(value, "\(path).idle_power", { $0 >= 0 && $0 <= power }, "idle power must be from 0 kW to the full-load power (\(Self.trim(power)) kW)", example: "3 kW")
            }
            let life = checked(quantity(map, "life", path, [.duration])?.value, "\(path).life",
                               { $0 >= 1 && $0 <= Self.longestDuration },
                               "life must be at least 1 month and at most 1,000 years", example: "4 years")
            let residual = number(map, "residual", path, at: .hardware,
                                  rule: "residual must be from 0% to below 100% of price")
            var maintenance: Double?
            if let q = quantity(map, "maintenance", path, [.ratePerYear, .ratePerMonth]) {
                maintenance = nonNegative(q.dimension == .ratePerMonth ? q.value * 12 : q.value, "\(path).maintenance", example: "8%/year")
            }
            let lead = checked(quantity(map, "lead_time", path, [.duration])?.value, "\(path).lead_time",
                               { $0 >= 0 && $0 <= Self.longestDuration }, "must be from 0 months to 1,000 years",
                               example: "3 months")
            if let gpus, let price, let power, let life {
                result.append(Hardware(
                    name: name, gpus: Int(gpus), price: price, power: power, idlePower: idle, lifeMonths: Int(life),
                    residual: residual ?? 0, maintenancePerYear: maintenance ?? 0, leadTimeMonths: Int(lead ?? 0)))
            }
        }
        return result
    }

    func decodeFacility(_ node: ConfigNode?) -> Facility?? {
        guard let node else { return .some(nil) }
        guard let map = mapping(node, "facility", example: "'facility: {electricity: 0.11 \(currency)/kWh}'") else { return nil }
        checkKeys(map, "facility", allowed: ModelSchema.facility, required: [], what: "the facility")
        let pue = number(map, "pue", "facility", at: .facility, rule: "PUE must be at least 1")
        let electricity = amounts(map, "electricity", "facility", at: .facility)
        let change = rates(map, "electricity_change", "facility")
        let colocation = amounts(map, "colocation", "facility", at: .facility)
        guard map["electricity"] == nil || electricity != nil else { return nil }
        return Facility(pue: pue ?? 1, electricity: electricity ?? Schedule(0), electricityChange: change ?? .zero,
                        colocation: colocation ?? Schedule(0))
    }

    /// Who pays a staff role: `in_house`, `all`, or a list of strategy names (checked against the
    /// strategies with the other rules).
    func staffPayers(_ node: ConfigNode, _ path: String) -> StaffRole.Payers? {
        locations[path] = node.location
        if let list = node.sequence {
            var names: [String] = []
            for (index, item) in list.items.enumerated() {
                guard let (name, location) = text(item, "\(path)[\(index + 1)]", example: "hybrid") else { return nil }
                locations["\(path).\(name)"] = location
                names.append(name)
            }
            return .strategies(names)
        }
        guard let (raw, location) = text(node, path, example: "in_house") else { return nil }
        switch raw {
        case "in_house": return .inHouse
        case "all": return .all
        default:
            error(.invalidWord, location, path, "expected 'in_house', 'all' or a list of strategies, got '\(raw)'",
                  hint: "a list is written in brackets, even with one strategy: 'strategies: [\(raw)]'")
            return nil
        }
    }

    func decodeStaff(_ node: ConfigNode?) -> [StaffRole]? {
        guard let entries = entities(node, "staff", example: "'ml-platform-engineer: {count: 2, cost: 220k \(currency)/year}'", required: false) else { return nil }
        var result: [StaffRole] = []
        for (name, map) in entries {
            let path = "staff.\(name)"
            checkKeys(map, path, allowed: ModelSchema.staffRole, required: ModelSchema.staffRoleRequired,
                      what: "staff role '\(name)'", place: .staffRole)
            let count = amounts(map, "count", path, at: .staffRole)
            let cost = amounts(map, "cost", path, at: .staffRole)
            let change = rates(map, "cost_change", path)
            let payers = map["strategies"].flatMap { staffPayers($0, "\(path).strategies") }
            if let count, let cost {
                result.append(StaffRole(name: name, count: count, costPerYear: cost, costChange: change ?? .zero,
                                        payers: payers ?? .inHouse))
            }
        }
        return result
    }
}
