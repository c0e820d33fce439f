import TCOCore

extension UncertaintyReader {
    /// One `PATH: RANGE` entry: the path by the scenario rules, a continuous value that is not a
    /// schedule, and a distribution of the key's dimension inside its allowed range.
    mutating func readInput(
        _ entry: ConfigNode.Mapping.Entry, root: ConfigNode.Mapping, model: Model, written: Set<String>
    ) -> UncertainInput? {
        let path = entry.key
        let keyPath = "uncertainty.inputs.\(path)"
        let override = ScenarioOverride(path: path, keyLocation: entry.keyLocation, value: entry.value)
        if let (code, message, hint) = override.problem(in: root) {
            error(code, entry.keyLocation, keyPath, message, hint: hint)
            return nil
        }
        if Self.node(at: path, in: root)?.mapping != nil {
            error(.notContinuous, entry.keyLocation, keyPath,
                  "'\(path)' is written as a schedule; a range on a curve is not defined",
                  hint: "give the value one figure in the model (a rate of change for the trend) and put the range on it")
            return nil
        }
        let setter: InputSetter
        switch InputSetter.make(path: path, in: model, written: written) {
        case .success(let found): setter = found
        case .failure:
            error(.notContinuous, entry.keyLocation, keyPath,
                  "'\(path)' is not a continuous value (a count, a duration, a name, a route or a list)",
                  hint: "ranges go on amounts such as prices, volumes, rates and shares, e.g. 'workloads.NAME.requests'")
            return nil
        }
        guard let text = entry.value.scalar?.text else {
            error(.expectedValue, entry.value.location, keyPath, "expected a range such as 'A to B'",
                  hint: "write 'A to B' (a 90 % interval), 'triangular(low, mode, high)' or 'uniform(low, high)'")
            return nil
        }
        guard let distribution = parseDistribution(text, setter: setter, location: entry.value.location, path: keyPath)
        else { return nil }
        let (low, high) = setter.clampRange
        return UncertainInput(path: path, distribution: distribution, lowest: low, highest: high, apply: setter.apply)
    }

    /// `A to B`, `triangular(low, mode, high)` or `uniform(low, high)`, in the unit the model stores.
    mutating func parseDistribution(
        _ text: String, setter: InputSetter, location: SourceLocation, path: String
    ) -> Distribution? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let example = setter.dimensions[0].example(currency: currency)
        let hint = "write '\(example) to …' (a 90 % interval), 'triangular(low, mode, high)' or 'uniform(low, high)'"
        var parts: [String]
        var kind: String
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            kind = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            parts = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        } else if let to = trimmed.range(of: " to ") {
            kind = "to"
            parts = [String(trimmed[..<to.lowerBound]), String(trimmed[to.upperBound...])]
        } else {
            error(.wrongDimension, location, path, "'\(text)' is not a range", hint: hint)
            return nil
        }
        let expected = kind == "triangular" ? 3 : 2
        guard ["to", "triangular", "uniform"].contains(kind), parts.count == expected else {
            error(.wrongDimension, location, path, "'\(text)' is not a range", hint: hint)
            return nil
        }
        var values: [Double] = []
        var period: Dimension?
        for part in parts {
            switch Quantity.parse(part, expecting: setter.dimensions, currency: currency,
                                  example: setter.example.isEmpty ? nil : setter.example) {
            case .failure(let problem):
                error(problem.code, location, path, problem.message, hint: problem.hint ?? hint)
                return nil
            case .success(let quantity):
                if [.ratePerYear, .ratePerMonth].contains(quantity.dimension) {
                    if let period, period != quantity.dimension {
                        error(.wrongDimension, location, path, "both ends of a rate use the same period",
                              hint: "write both in %/year or both in %/month")
                        return nil
                    }
                    period = quantity.dimension
                }
                // Maintenance is stored per year; a monthly rate is 12 times smaller.
                let perYear = setter.dimensions == [.ratePerYear, .ratePerMonth] && quantity.dimension == .ratePerMonth
                values.append(perYear ? quantity.value * 12 : quantity.value)
            }
        }
        let shown = setter.example.isEmpty
            ? (setter.dimensions.first ?? .number).example(currency: currency) : setter.example
        for (part, value) in zip(parts, values) where !setter.allows(value) {
            error(.outOfRange, location, path,
                  "'\(part)' is outside the key's allowed values: a value "
                    + ModelDecoder.rule(setter.bounds, setter.dimensions),
                  hint: "keep both ends (and the mode) inside them, e.g. '\(shown)'")
            return nil
        }
        switch kind {
        case "to" where values[0] < values[1]:
            return .interval(low: values[0], high: values[1])
        case "uniform" where values[0] < values[1]:
            return .uniform(low: values[0], high: values[1])
        case "triangular" where values[0] <= values[1] && values[1] <= values[2] && values[0] < values[2]:
            return .triangular(low: values[0], mode: values[1], high: values[2])
        default:
            error(.outOfRange, location, path, "the ends of '\(text)' are not in order",
                  hint: kind == "triangular" ? "low ≤ mode ≤ high, with low < high" : "the first value must be below the second")
            return nil
        }
    }

    /// The node at a dotted path of the tree, if written.
    static func node(at path: String, in root: ConfigNode.Mapping) -> ConfigNode? {
        var node: ConfigNode? = .mapping(root)
        for key in path.split(separator: ".") { node = node?.mapping?[String(key)] }
        return node
    }
}
