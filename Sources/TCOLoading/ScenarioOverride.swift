import TCOCore

/// A scenario's override: a dotted key path into the model and the value written for it.
struct ScenarioOverride: Sendable {
    var path: String
    var keyLocation: SourceLocation
    var value: ConfigNode

    var segments: [String] { path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

    typealias Problem = (code: DiagnosticCode, message: String, hint: String)

    /// Why the path cannot be overridden in `root`, or `nil` when it names a single value the format
    /// defines there (written in the file or left to its default). model-format.md, "Scenarios".
    func problem(in root: ConfigNode.Mapping) -> Problem? {
        let s = segments
        guard let section = s.first, !s.contains(where: \.isEmpty) else {
            return (.invalidScenarioPath, "'\(path)' is not a dotted key path", "write e.g. 'workloads.support-chat.growth: 80%/year'")
        }
        if ModelSchema.notOverridable.contains(section) {
            return (.notOverridable, "'\(section)' cannot be overridden by a scenario", "scenarios change assumptions such as 'facility.electricity' or 'workloads.NAME.growth'")
        }
        func names(_ key: String) -> [String] { root[key]?.mapping?.entries.map(\.key) ?? [] }
        switch section {
        case "discount_rate":
            return s.count == 1 ? nil : (.invalidScenarioPath, "'discount_rate' is a single value", "write 'discount_rate: 12%'")
        case "workloads", "hardware", "staff":
            guard s.count >= 2 else { return wholeEntity("section", section) }
            guard names(section).contains(s[1]) else { return unknown(s[1], among: names(section), what: section == "staff" ? "staff role" : String(section.dropLast(section == "hardware" ? 0 : 1))) }
            guard s.count >= 3 else { return wholeEntity("entity", section) }
            let allowed = section == "workloads" ? ModelSchema.workload : section == "hardware" ? ModelSchema.hardware : ModelSchema.staffRole
            return fieldCheck(s[2], allowed: allowed, rest: s.dropFirst(3))
        case "serving":
            guard s.count >= 2 else { return wholeEntity("section", section) }
            guard let option = root["serving"]?.mapping?[s[1]]?.mapping else { return unknown(s[1], among: names("serving"), what: "serving option") }
            guard s.count >= 3 else { return wholeEntity("entity", section) }
            let kind = option["kind"]?.scalar?.text ?? ""
            if s[2] == "long_context", kind == "api" {
                return inMap(option["long_context"]?.mapping, s.dropFirst(3), allowed: ModelSchema.longContext,
                             what: "long_context map", example: "price_input")
            }
            return fieldCheck(s[2], allowed: ModelSchema.servingKeys(kind: kind), rest: s.dropFirst(3))
        case "facility":
            guard s.count >= 2 else { return wholeEntity("section", section) }
            return fieldCheck(s[1], allowed: ModelSchema.facility, rest: s.dropFirst(2))
        case "finance":
            guard s.count >= 2 else { return wholeEntity("section", section) }
            if s[1] == "financing" {
                let loans = root["finance"]?.mapping?["financing"]?.mapping
                guard s.count >= 3 else { return wholeEntity("section", section) }
                guard loans?[s[2]] != nil else {
                    return (.invalidScenarioPath, "'\(path)': the file has no loan for '\(s[2])' to change",
                            "a scenario changes a loan the file writes under 'finance.financing'; "
                                + "add the loan there first")
                }
                return inMap(loans?[s[2]]?.mapping, s.dropFirst(3), allowed: ModelSchema.loan, what: "loan",
                             example: "rate")
            }
            return fieldCheck(s[1], allowed: ModelSchema.finance, rest: s.dropFirst(2))
        case "strategies":
            guard s.count >= 2 else { return wholeEntity("section", section) }
            guard let strategy = root["strategies"]?.mapping?[s[1]]?.mapping else { return unknown(s[1], among: names("strategies"), what: "strategy") }
            guard s.count >= 3 else { return wholeEntity("entity", section) }
            if s[2] == "workloads" {
                let block = strategy["workloads"]?.mapping
                guard s.count >= 4 else { return wholeEntity("block", section) }
                guard let own = block?[s[3]]?.mapping else {
                    return (.invalidScenarioPath, "'\(path)': strategy '\(s[1])' has no settings for workload '\(s[3])'",
                            "a scenario may override only per-workload settings the strategy has; override '\(s.prefix(2).joined(separator: ".")).route' instead")
                }
                guard s.count >= 5 else { return wholeEntity("block", section) }
                return routeOrEscalation(s[4], rest: s.dropFirst(5), owner: own)
            }
            if s[2] == "one_time" {
                let costs = strategy["one_time"]?.mapping
                guard s.count >= 4 else { return wholeEntity("section", section) }
                guard costs?[s[3]] != nil else {
                    return (.invalidScenarioPath, "'\(path)': strategy '\(s[1])' has no one-time cost '\(s[3])'",
                            Suggestion.nearest(to: s[3], in: costs?.entries.map(\.key) ?? [])
                                .map { "did you mean '\($0)'?" }
                                ?? "a scenario changes a one-time cost the file writes; add it under "
                                + "'strategies.\(s[1]).one_time' first")
                }
                return inMap(costs?[s[3]]?.mapping, s.dropFirst(4), allowed: ModelSchema.oneTime, what: "one-time cost",
                             example: "cost")
            }
            return routeOrEscalation(s[2], rest: s.dropFirst(3), owner: strategy, allowed: ModelSchema.strategy)
        default:
            return unknown(section, among: ModelSchema.topLevel.filter { !ModelSchema.notOverridable.contains($0) }, what: "section")
        }
    }

    private func unknown(_ key: String, among keys: [String], what: String) -> Problem {
        let near = Suggestion.nearest(to: key, in: keys)
        let listed = keys.isEmpty ? "nothing is defined there" : "known: \(keys.joined(separator: ", "))"
        return (.invalidScenarioPath, "'\(path)': \(what) '\(key)' does not exist",
                near.map { "did you mean '\($0)'?" } ?? listed)
    }

    private func wholeEntity(_ what: String, _ section: String) -> Problem {
        (.notOverridable, "'\(path)' names a whole \(what); a scenario overrides single values",
         "override one of its keys, e.g. '\(path).\(exampleKey(section))'")
    }

    /// A single key of a map the file writes (a `long_context` map, a loan, a one-time cost): the map
    /// as a whole is not a value, and a key of a map the file does not have is nowhere to go.
    private func inMap(
        _ map: ConfigNode.Mapping?, _ rest: ArraySlice<String>, allowed: [String], what: String, example: String
    ) -> Problem? {
        guard let key = rest.first else {
            return (.notOverridable, "'\(path)' names a whole \(what); a scenario overrides single values",
                    "override one of its keys, e.g. '\(path).\(example)'")
        }
        guard map != nil else {
            return (.invalidScenarioPath, "'\(path)': there is no \(what) here to change",
                    "a scenario changes the keys of a \(what) the file writes; add it to the file first")
        }
        return fieldCheck(key, allowed: allowed, rest: rest.dropFirst())
    }

    /// A key of a map (`allowed`) with nothing below it; lists and schedules are overridden whole.
    private func fieldCheck(_ field: String, allowed: [String], rest: ArraySlice<String>) -> Problem? {
        guard allowed.contains(field) else { return unknown(field, among: allowed, what: "key") }
        if field == "kind" {
            return (.notOverridable, "a serving option's kind cannot be overridden",
                    "define another serving option and override the routes instead")
        }
        guard rest.isEmpty else {
            let upTo = segments.prefix(segments.count - rest.count).joined(separator: ".")
            if ModelSchema.isSchedule(path: Array(segments.prefix(segments.count - rest.count))) {
                return (.notOverridable, "'\(path)' overrides one month of a schedule",
                        "override the whole schedule, e.g. '\(upTo): {2027-01: …, 2028-01: …}', or a single value")
            }
            if field == "commitments" || field == "strategies" {
                return (.notOverridable, "'\(path)' overrides part of a list",
                        "override the whole list, e.g. '\(upTo): []'")
            }
            if field == "long_context" || field == "financing" || field == "one_time" {
                return (.invalidScenarioPath, "'\(path)': there is no such map here to change",
                        "a scenario changes the keys of a map the file writes")
            }
            return (.invalidScenarioPath, "'\(path)' goes below '\(field)', which is a single value",
                    "end the path at '\(field)'")
        }
        if field == "long_context" || field == "financing" || field == "one_time" {
            return (.notOverridable, "'\(path)' names a whole map; a scenario overrides single values",
                    "override one of its keys instead")
        }
        return nil
    }

    private func routeOrEscalation(_ field: String, rest: ArraySlice<String>, owner: ConfigNode.Mapping,
                                   allowed: [String] = ModelSchema.strategyWorkload) -> Problem? {
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
        case "finance": "tax_rate"
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
