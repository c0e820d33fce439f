import TCOCore

/// A scenario's override: a dotted key path into the model and the value written for it.
struct ScenarioOverride: Sendable {
    var path: String
    var keyLocation: SourceLocation
    var value: ConfigNode

    var segments: [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    /// Why the path cannot be overridden in `root`, or `nil` when it names a single value the format
    /// defines there (written in the file or left to its default). model-format.md, "Scenarios".
    func problem(in root: ConfigNode.Mapping) -> (code: DiagnosticCode, message: String, hint: String)? {
        let s = segments
        guard let section = s.first, !s.contains(where: \.isEmpty) else {
            return (.invalidScenarioPath, "'\(path)' is not a dotted key path", "write e.g. 'workloads.support-chat.growth: 80%/year'")
        }
        if ModelSchema.notOverridable.contains(section) {
            return (.notOverridable, "'\(section)' cannot be overridden by a scenario", "scenarios change assumptions such as 'facility.electricity' or 'workloads.NAME.growth'")
        }
        func unknown(_ key: String, among keys: [String], what: String) -> (DiagnosticCode, String, String) {
            let near = Suggestion.nearest(to: key, in: keys)
            return (.invalidScenarioPath, "'\(path)': \(what) '\(key)' does not exist",
                    near.map { "did you mean '\($0)'?" } ?? (keys.isEmpty ? "nothing is defined there" : "known: \(keys.joined(separator: ", "))"))
        }
        func wholeEntity(_ what: String) -> (DiagnosticCode, String, String) {
            (.notOverridable, "'\(path)' names a whole \(what); a scenario overrides single values", "override one of its keys, e.g. '\(path).\(exampleKey(section))'")
        }
        func names(_ key: String) -> [String] { root[key]?.mapping?.entries.map(\.key) ?? [] }
        func fieldCheck(_ field: String, allowed: [String], rest: ArraySlice<String>, what: String) -> (DiagnosticCode, String, String)? {
            guard allowed.contains(field) else { return unknown(field, among: allowed, what: "key") }
            if field == "kind" { return (.notOverridable, "a serving option's kind cannot be overridden", "define another serving option and override the routes instead") }
            if !rest.isEmpty { return (.invalidScenarioPath, "'\(path)' goes below '\(field)', which is a single value", "end the path at '\(field)'") }
            return nil
        }
        switch section {
        case "discount_rate":
            return s.count == 1 ? nil : (.invalidScenarioPath, "'discount_rate' is a single value", "write 'discount_rate: 12%'")
        case "workloads", "hardware", "staff":
            guard s.count >= 2 else { return wholeEntity("section") }
            guard names(section).contains(s[1]) else { return unknown(s[1], among: names(section), what: section == "staff" ? "staff role" : String(section.dropLast(section == "hardware" ? 0 : 1))) }
            guard s.count >= 3 else { return wholeEntity("entity") }
            let allowed = section == "workloads" ? ModelSchema.workload : section == "hardware" ? ModelSchema.hardware : ModelSchema.staffRole
            return fieldCheck(s[2], allowed: allowed, rest: s.dropFirst(3), what: section)
        case "serving":
            guard s.count >= 2 else { return wholeEntity("section") }
            guard let option = root["serving"]?.mapping?[s[1]]?.mapping else { return unknown(s[1], among: names("serving"), what: "serving option") }
            guard s.count >= 3 else { return wholeEntity("entity") }
            let kind = option["kind"]?.scalar?.text ?? ""
            return fieldCheck(s[2], allowed: ModelSchema.servingKeys(kind: kind), rest: s.dropFirst(3), what: "serving")
        case "facility":
            guard s.count >= 2 else { return wholeEntity("section") }
            return fieldCheck(s[1], allowed: ModelSchema.facility, rest: s.dropFirst(2), what: "facility")
        case "strategies":
            guard s.count >= 2 else { return wholeEntity("section") }
            guard let strategy = root["strategies"]?.mapping?[s[1]]?.mapping else { return unknown(s[1], among: names("strategies"), what: "strategy") }
            guard s.count >= 3 else { return wholeEntity("entity") }
            if s[2] == "workloads" {
                let block = strategy["workloads"]?.mapping
                guard s.count >= 4 else { return wholeEntity("block") }
                guard let own = block?[s[3]]?.mapping else {
                    return (.invalidScenarioPath, "'\(path)': strategy '\(s[1])' has no settings for workload '\(s[3])'",
                            "a scenario may override only per-workload settings the strategy has; override '\(s.prefix(2).joined(separator: ".")).route' instead")
                }
                guard s.count >= 5 else { return wholeEntity("block") }
                return routeOrEscalation(s[4], rest: s.dropFirst(5), owner: own)
            }
            return routeOrEscalation(s[2], rest: s.dropFirst(3), owner: strategy, allowed: ModelSchema.strategy)
        default:
            return unknown(section, among: ModelSchema.topLevel.filter { !ModelSchema.notOverridable.contains($0) }, what: "section")
        }
    }

    private func routeOrEscalation(_ field: String, rest: ArraySlice<String>, owner: ConfigNode.Mapping,
                                   allowed: [String] = ModelSchema.strategyWorkload) -> (DiagnosticCode, String, String)? {
        guard allowed.contains(field), field != "workloads" else {
            let near = Suggestion.nearest(to: field, in: allowed)
            return (.invalidScenarioPath, "'\(path)': key '\(field)' does not exist here", near.map { "did you mean '\($0)'?" } ?? "known: \(allowed.joined(separator: ", "))")
        }
        if field == "route", !rest.isEmpty {
            return (.notOverridable, "'\(path)' overrides a single share inside a route", "override the whole route, e.g. '\(segments.prefix(segments.count - rest.count).joined(separator: ".")): {slm-8b: 90%, frontier: 10%}'")
        }
        if field == "escalation", let key = rest.first {
            guard rest.count == 1, ModelSchema.escalation.contains(key) else {
                return (.invalidScenarioPath, "'\(path)': key '\(key)' does not exist in an escalation", "an escalation has 'rate' and 'to'")
            }
            guard owner["escalation"]?.mapping != nil else {
                return (.invalidScenarioPath, "'\(path)': there is no escalation map here to change", "override the whole escalation, e.g. '...escalation: {rate: 10%, to: frontier}'")
            }
            return nil
        }
        if field == "fallback", !rest.isEmpty { return (.invalidScenarioPath, "'\(path)' goes below 'fallback', which is a single value", "end the path at 'fallback'") }
        return nil
    }

    private func exampleKey(_ section: String) -> String {
        switch section {
        case "workloads": "growth"
        case "serving": "price_input"
        case "hardware": "price"
        case "staff": "count"
        case "strategies": "route"
        default: "electricity"
        }
    }

    /// `root` with the value at `path` replaced (or added where it was left to its default).
    func applied(to root: ConfigNode) -> ConfigNode {
        Self.set(value, at: ArraySlice(segments), in: root, keyLocation: keyLocation)
    }

    private static func set(_ value: ConfigNode, at path: ArraySlice<String>, in node: ConfigNode, keyLocation: SourceLocation) -> ConfigNode {
        guard let key = path.first else { return value }
        var map = node.mapping ?? ConfigNode.Mapping(entries: [], location: keyLocation)
        let child = map[key] ?? .mapping(ConfigNode.Mapping(entries: [], location: keyLocation))
        map.set(key, set(value, at: path.dropFirst(), in: child, keyLocation: keyLocation), keyLocation: keyLocation)
        return .mapping(map)
    }
}
