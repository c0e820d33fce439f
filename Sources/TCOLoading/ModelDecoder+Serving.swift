import TCOCore

extension ModelDecoder {
    func decodeServing(_ node: ConfigNode?) -> [ServingOption]? {
        guard let entries = entities(node, "serving", example: "'frontier: {kind: api, price_input: 3 \(currency)/Mtok, price_output: 15 \(currency)/Mtok}'", required: true) else { return nil }
        var result: [ServingOption] = []
        for (name, map) in entries {
            let path = "serving.\(name)"
            guard let kindNode = map["kind"] else {
                checkKeys(map, path, allowed: ModelSchema.api + ModelSchema.selfHosted + ModelSchema.rented, required: ["kind"], what: "serving option '\(name)'")
                continue
            }
            guard let (kind, kindLocation) = text(kindNode, "\(path).kind", example: "api") else { continue }
            guard ModelSchema.kinds.contains(kind) else {
                let near = Suggestion.nearest(to: kind, in: ModelSchema.kinds)
                error(.unknownKind, kindLocation, "\(path).kind", "unknown kind '\(kind)'",
                      hint: near.map { "did you mean '\($0)'?" } ?? "a serving option is 'api', 'self_hosted' or 'rented'")
                continue
            }
            let what = "\(kind) option '\(name)'"
            switch kind {
            case "api":
                checkKeys(map, path, allowed: ModelSchema.api, required: ModelSchema.apiRequired, what: what,
                          place: .api)
                if let pricing = apiPricing(map, path) {
                    result.append(ServingOption(name: name, kind: .api(pricing)))
                }
            case "self_hosted":
                checkKeys(map, path, allowed: ModelSchema.selfHosted, required: ModelSchema.selfHostedRequired, what: what)
                let serving = gpuServing(map, path)
                let hardware = map["hardware"].flatMap { text($0, "\(path).hardware", example: "h100-server")?.0 }
                if let serving, let hardware {
                    result.append(ServingOption(name: name, kind: .selfHosted(serving, hardware: hardware)))
                }
            default:
                checkKeys(map, path, allowed: ModelSchema.rented, required: ModelSchema.rentedRequired, what: what,
                          place: .rented)
                let serving = gpuServing(map, path)
                let pricing = rentedPricing(map, path)
                if let serving, let pricing {
                    result.append(ServingOption(name: name, kind: .rented(serving, pricing)))
                }
            }
        }
        return result
    }

    private func gpuServing(_ map: ConfigNode.Mapping, _ path: String) -> GPUServing? {
        let decode = number(map, "decode_throughput", path, at: .selfHosted)
        let prefill = number(map, "prefill_throughput", path, at: .selfHosted)
        let utilization = number(map, "max_utilization", path, at: .selfHosted,
                                 rule: "max utilization must be above 0% and at most 100%")
        guard let decode, let prefill, let utilization else { return nil }
        return GPUServing(decodeThroughput: decode, prefillThroughput: prefill, maxUtilization: utilization)
    }

    func decodeStrategies(_ node: ConfigNode?) -> [Strategy]? {
        guard let entries = entities(node, "strategies", example: "'buy: {route: {frontier: 100%}}'", required: true) else { return nil }
        var result: [Strategy] = []
        for (name, map) in entries {
            let path = "strategies.\(name)"
            checkKeys(map, path, allowed: ModelSchema.strategy, required: ["route"], what: "strategy '\(name)'",
                      place: .strategy)
            let route = map["route"].flatMap { decodeRoute($0, "\(path).route") }
            let escalation = map["escalation"].flatMap { decodeEscalation($0, "\(path).escalation") }
            let fallback = map["fallback"].flatMap { text($0, "\(path).fallback", example: "frontier")?.0 }
            var overrides: [WorkloadRouting] = []
            if let node = map["workloads"], let block = mapping(node, "\(path).workloads", example: "'invoice-extraction: {route: {slm-8b: 100%}}'") {
                for entry in block.entries {
                    let wpath = "\(path).workloads.\(entry.key)"
                    locations[wpath] = entry.keyLocation
                    guard let wmap = mapping(entry.value, wpath, example: "'{route: {slm-8b: 100%}}'") else { continue }
                    locations[wpath] = entry.keyLocation
                    checkKeys(wmap, wpath, allowed: ModelSchema.strategyWorkload, required: [], what: "the settings of workload '\(entry.key)' in strategy '\(name)'")
                    let ownRoute = wmap["route"].flatMap { decodeRoute($0, "\(wpath).route") }
                    let ownEscalation = wmap["escalation"].flatMap { decodeEscalation($0, "\(wpath).escalation") }
                    overrides.append(WorkloadRouting(workload: entry.key, route: ownRoute, escalation: ownEscalation))
                }
            }
            var oneTime: [OneTimeCost]? = []
            if let node = map["one_time"] { oneTime = decodeOneTimeCosts(node, "\(path).one_time") }
            if let route, let oneTime {
                result.append(Strategy(
                    name: name, route: route, escalation: escalation ?? nil, workloadOverrides: overrides,
                    fallback: fallback, oneTimeCosts: oneTime))
            }
        }
        return result
    }

    /// A route: option → share, shares from 0 % to 100 % adding up to 100 % (within 10^-9).
    func decodeRoute(_ node: ConfigNode, _ path: String) -> Route? {
        guard let map = mapping(node, path, example: "'{slm-8b: 80%, frontier: 20%}'") else { return nil }
        var shares: [(option: String, share: Double)] = []
        var valid = true
        for entry in map.entries {
            keyLocations["\(path).\(entry.key)"] = entry.keyLocation
            guard let value = share(map, entry.key, path, example: "80%") else {
                valid = false
                continue
            }
            shares.append((entry.key, value))
        }
        if map.entries.isEmpty {
            error(.emptyRoute, map.location, path, "the route is empty", hint: "give every request a destination, e.g. 'route: {frontier: 100%}'")
            return nil
        }
        guard valid else { return nil }
        let total = shares.reduce(0) { $0 + $1.share }
        if abs(total - 1) > 1e-9 {
            error(.routeSharesSum, map.location, path, "route shares add up to \(Self.trim(total * 100))%, not 100%",
                  hint: "adjust the shares so that they add up to 100%, e.g. '\(Self.balanced(shares))'")
            return nil
        }
        return Route(shares)
    }

    /// An escalation map `{rate, to}` or `none` (returned as `.some(nil)`).
    func decodeEscalation(_ node: ConfigNode, _ path: String) -> Escalation?? {
        if case .scalar(let s) = node, s.text == "none" {
            locations[path] = s.location
            return .some(nil)
        }
        guard let map = mapping(node, path, example: "'{rate: 10%, to: frontier}' or 'none'") else { return nil }
        checkKeys(map, path, allowed: ModelSchema.escalation, required: ModelSchema.escalation, what: "an escalation")
        let rate = number(map, "rate", path, at: .escalation)
        let to = map["to"].flatMap { text($0, "\(path).to", example: "frontier")?.0 }
        guard let rate, let to else { return nil }
        return .some(Escalation(rate: rate, to: to))
    }

    /// The route with its first share changed so that the shares add up to 100 %: an example in the
    /// user's own option names (`{legal-llm: 85%, frontier: 15%}` for 75 % + 15 %).
    static func balanced(_ shares: [(option: String, share: Double)]) -> String {
        guard !shares.isEmpty else { return "{frontier: 100%}" }
        let rest = shares.dropFirst().reduce(0) { $0 + $1.share }
        var fixed = shares
        if rest <= 1 {
            fixed[0].share = 1 - rest
        } else {
            // The others alone exceed 100 %: scale every share down in proportion.
            let total = shares.reduce(0) { $0 + $1.share }
            fixed = shares.map { ($0.option, $0.share / total) }
        }
        return "{" + fixed.map { "\($0.option): \(trim(($0.share * 100 * 100).rounded() / 100))%" }
            .joined(separator: ", ") + "}"
    }
}
