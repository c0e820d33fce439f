import TCOCore

extension ModelDecoder {
    /// One value, or a schedule (a map from `YYYY-MM` to values) of values that `value` reads from
    /// a node at a key path (model-format.md, "Schedules"): months ascending, no month twice, the
    /// first at `start` or earlier. `nil` (with errors) if anything is invalid.
    func schedule<Value>(
        _ node: ConfigNode, _ keyPath: String, value: (ConfigNode, String) -> Value?
    ) -> Schedule<Value>? {
        guard case .mapping(let map) = node else { return value(node, keyPath).map { Schedule($0) } }
        guard !map.entries.isEmpty else {
            error(.expectedValue, map.location, keyPath, "the schedule is empty",
                  hint: "write one value, or months with their values, e.g. '{2027-01: 1.2M/month, 2028-01: 3M/month}'")
            return nil
        }
        var entries: [(month: Int, value: Value)] = []
        var previous: YearMonth?
        var valid = true
        for (index, entry) in map.entries.enumerated() {
            let path = "\(keyPath).\(entry.key)"
            locations[path] = entry.keyLocation
            guard let month = YearMonth(entry.key) else {
                error(.invalidMonth, entry.keyLocation, path, "'\(entry.key)' is not a month written YYYY-MM",
                      hint: "a schedule maps months to values, e.g. '{2027-01: 1.2M/month, 2028-01: 3M/month}'")
                valid = false
                _ = value(entry.value, path)
                continue
            }
            if let previous, month.year * 12 + month.month <= previous.year * 12 + previous.month {
                let problem = month == previous
                    ? "month \(month) is written twice in the schedule"
                    : "month \(month) comes after \(previous) in the schedule; months must be in ascending order"
                error(.scheduleOrder, entry.keyLocation, path, problem,
                      hint: "write each month once, from the earliest to the latest")
                valid = false
            }
            if index == 0, let start, month.monthOfHorizon(startingIn: start) > 1 {
                error(.scheduleStartsLate, entry.keyLocation, path,
                      "the schedule starts in \(month), after the model's start (\(start)), so month 1 has no value",
                      hint: "begin the schedule at \(start) or earlier, e.g. '{\(start): …, \(month): …}'")
                valid = false
            }
            previous = month
            guard let decoded = value(entry.value, path) else {
                valid = false
                continue
            }
            if let start { entries.append((month.monthOfHorizon(startingIn: start), decoded)) }
        }
        guard valid, start != nil else { return nil }
        return Schedule(entries: entries)
    }

    /// An amount, or a schedule of amounts, of one of the `dimensions`, each allowed by `isAllowed`
    /// (else an error that states `rule`); `nil` if absent or invalid.
    func amounts(
        _ map: ConfigNode.Mapping, _ key: String, _ path: String, _ dimensions: [Dimension],
        place: ModelKey.Place? = nil, isAllowed: (Double) -> Bool = { $0 >= 0 },
        rule: String = "must not be negative", example: String
    ) -> Schedule<Double>? {
        guard let node = map[key] else { return nil }
        return schedule(node, Self.join(path, key)) { node, valuePath in
            checked(quantity(node, valuePath, key: key, dimensions, place: place)?.value, valuePath, isAllowed, rule,
                    example: example)
        }
    }

    /// A rate of change (`%/year` or `%/month`, above −100 %), or a schedule of rates.
    func rates(_ map: ConfigNode.Mapping, _ key: String, _ path: String) -> Schedule<Rate>? {
        guard let node = map[key] else { return nil }
        return schedule(node, Self.join(path, key)) { node, valuePath in rate(node, valuePath, key: key) }
    }

    /// One rate of change written at `node`.
    func rate(_ node: ConfigNode, _ keyPath: String, key: String) -> Rate? {
        guard let q = quantity(node, keyPath, key: key, [.ratePerYear, .ratePerMonth]) else { return nil }
        let monthly = q.dimension == .ratePerMonth
        let value = checked(q.value, keyPath, { $0 > -1 },
                            "a rate of change must be above -100%\(monthly ? "/month" : "/year")", example: "-20%/year")
        return value.map { Rate($0, monthly: monthly) }
    }

    /// A month written `YYYY-MM`, or an error.
    func month(_ node: ConfigNode, _ keyPath: String, example: String = "2027-01") -> YearMonth? {
        guard let (raw, location) = text(node, keyPath, example: example) else { return nil }
        guard let month = YearMonth(raw) else {
            error(.invalidMonth, location, keyPath, "expected a month as YYYY-MM, got '\(raw)'",
                  hint: "e.g. '\(keyPath.split(separator: ".").last ?? ""): \(example)'")
            return nil
        }
        return month
    }

    /// One of `words`, or an error naming them.
    func word(_ map: ConfigNode.Mapping, _ key: String, _ path: String, _ words: [String]) -> String? {
        guard let node = map[key] else { return nil }
        let keyPath = Self.join(path, key)
        guard let (raw, location) = text(node, keyPath, example: words[0]) else { return nil }
        guard words.contains(raw) else {
            let listed = words.map { "'\($0)'" }.joined(separator: " or ")
            error(.invalidWord, location, keyPath, "expected \(listed), got '\(raw)'",
                  hint: Suggestion.nearest(to: raw, in: words).map { "did you mean '\($0)'?" }
                      ?? "write '\(key): \(words[0])'")
            return nil
        }
        return raw
    }
}
