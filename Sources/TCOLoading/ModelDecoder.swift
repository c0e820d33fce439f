import TCOCore

/// Reads a merged `ConfigNode` tree into a `Model`, collecting every problem as a located diagnostic.
final class ModelDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each key path's value is written, for checks that run after decoding.
    var locations: [String: SourceLocation] = [:]
    /// Where a key that is itself a name (an option in a route) is written: an error about the
    /// name points at it, not at its value.
    var keyLocations: [String: SourceLocation] = [:]
    var currency = "USD"
    /// The model's `start` and horizon once read: schedule months and one-time months are counted from them.
    var start: YearMonth?
    var horizonMonths: Int?
    let fallbackLocation: SourceLocation

    init(file: String) {
        fallbackLocation = SourceLocation(file: file, line: 1, column: 1)
    }

    func error(
        _ code: DiagnosticCode, _ location: SourceLocation?, _ path: String, _ message: String, hint: String? = nil
    ) {
        diagnostics.append(.error(code, at: location ?? fallbackLocation, path, message, hint: hint))
    }

    func warning(
        _ code: DiagnosticCode, _ location: SourceLocation?, _ path: String, _ message: String, hint: String? = nil
    ) {
        diagnostics.append(.warning(code, at: location ?? fallbackLocation, path, message, hint: hint))
    }

    func location(of path: String) -> SourceLocation? { locations[path] }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Maps and keys

    /// The node as a map, or an error saying a map was expected.
    func mapping(_ node: ConfigNode, _ path: String, example: String) -> ConfigNode.Mapping? {
        if case .mapping(let m) = node { return m }
        error(.expectedMap, node.location, path, "expected a map of keys, got \(describe(node))", hint: "write it as nested keys, e.g. \(example)")
        return nil
    }

    /// Reports unknown keys (with the nearest known one) and missing required keys; `place` gives
    /// the examples in hints.
    func checkKeys(
        _ map: ConfigNode.Mapping, _ path: String, allowed: [String], required: [String], what: String,
        place: ModelKey.Place? = nil
    ) {
        for entry in map.entries {
            // A map is best pointed at by its key; a single value by the value itself.
            locations[Self.join(path, entry.key)] = entry.value.mapping == nil ? entry.value.location : entry.keyLocation
            if !allowed.contains(entry.key) {
                let near = Suggestion.nearest(to: entry.key, in: allowed)
                error(.unknownKey, entry.keyLocation, Self.join(path, entry.key), "unknown key '\(entry.key)' in \(what)",
                      hint: near.map { "did you mean '\($0)'?" } ?? "known keys here: \(allowed.joined(separator: ", "))")
            }
        }
        for key in required where map[key] == nil || map[key]?.scalar?.isNull == true {
            error(.missingKey, map[key]?.location ?? locations[path] ?? map.location, Self.join(path, key), "missing required key '\(key)' in \(what)",
                  hint: "add it, e.g. '\(key): "
                      + "\(ModelSchema.example(for: key, at: place, currency: currency) ?? "…")'")
        }
    }

    /// Checks a name (of a workload, option, …): letters, digits, `-` and `_`.
    func checkName(_ name: String, at location: SourceLocation, _ path: String) {
        if let problem = Self.nameProblem(name, maximumLength: Self.maximumNameLength) {
            error(.invalidName, location, path, problem.message, hint: problem.hint)
        }
    }

    /// Longest duration (life, lead time, terms) in months: 1,000 years. Far beyond any real asset,
    /// and small enough that month arithmetic never overflows.
    static let longestDuration = 12_000.0

    /// Longest name of a workload, option, hardware, role or strategy: the workbook builds defined
    /// names from up to four of them, and Excel allows 255 characters in a name.
    static let maximumNameLength = 48
    /// Longest scenario name: its sheet is `Calc NAME`, and Excel sheet names have at most 31 characters.
    static let maximumScenarioNameLength = 26

    /// Why `name` is not a valid name, or `nil`.
    static func nameProblem(_ name: String, maximumLength: Int) -> (message: String, hint: String)? {
        let valid = !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        if !valid {
            return ("'\(name)' is not a valid name", "names use letters, digits, '-' and '_' only, e.g. 'support-chat'")
        }
        if name.count > maximumLength {
            return ("'\(name)' is \(name.count) characters long; a name here may have at most \(maximumLength)",
                    "shorten it, e.g. '\(name.prefix(maximumLength))': the workbook uses names as sheet and cell names, "
                    + "which Excel limits")
        }
        return nil
    }

    func describe(_ node: ConfigNode) -> String {
        switch node {
        case .scalar(let s): s.isNull ? "nothing" : "'\(s.text)'"
        case .mapping: "a map"
        case .sequence: "a list"
        }
    }

    // MARK: Scalars

    /// The text of a scalar value, or an error.
    func text(_ node: ConfigNode, _ path: String, example: @autoclosure () -> String) -> (String, SourceLocation)? {
        locations[path] = node.location
        guard case .scalar(let s) = node, !s.isNull else {
            let key = path.split(separator: ".").last ?? ""
            let example = example()
            var hint = "write '\(key): \(example)'"
            if let map = node.mapping, let first = map.entries.first, YearMonth(first.key) != nil {
                hint = "'\(key)' takes one value for the whole horizon; only levels, prices and rates of change "
                    + "(e.g. 'requests', 'price_input', 'growth') may change on known dates"
            }
            error(.expectedValue, node.location, path, "expected a value such as '\(example)', got \(describe(node))",
                  hint: hint)
            return nil
        }
        return (s.text, s.location)
    }

    /// A quantity of one of the `dimensions`, or `nil` (with an error) if absent-but-required or invalid.
    func quantity(
        _ map: ConfigNode.Mapping, _ key: String, _ path: String, _ dimensions: [Dimension],
        place: ModelKey.Place? = nil
    ) -> Quantity? {
        guard let node = map[key] else { return nil }
        return quantity(node, Self.join(path, key), key: key, dimensions, place: place)
    }

    /// The quantity written at `node` (the value of `key`, or one month of its schedule) at `keyPath`.
    func quantity(
        _ node: ConfigNode, _ keyPath: String, key: String, _ dimensions: [Dimension], place: ModelKey.Place? = nil
    ) -> Quantity? {
        // The key's usual example if it is of these dimensions, else the first dimension's; worked out
        // only for an error message (parsing the example for every value was a tenth of a load).
        var example: String {
            let usual = ModelSchema.example(for: key, at: place, currency: currency).flatMap { example in
                Quantity.parse(example, expecting: dimensions, currency: currency).map { _ in example }.ok
            }
            return usual ?? dimensions[0].example(currency: currency)
        }
        guard let (raw, location) = text(node, keyPath, example: example) else { return nil }
        switch Quantity.parse(raw, expecting: dimensions, currency: currency, example: example) {
        case .success(let q):
            guard q.value.isFinite else {
                error(.notANumber, location, keyPath, "'\(raw)' is not a finite amount",
                      hint: "write e.g. '\(example)'")
                return nil
            }
            return q
        case .failure(let problem):
            error(problem.code, location, keyPath, problem.message, hint: problem.hint)
            return nil
        }
    }

    /// A value checked against a range; reports the range in words when it is outside.
    func checked(
        _ value: Double?, _ path: String, _ isAllowed: (Double) -> Bool, _ rule: @autoclosure () -> String,
        example: @autoclosure () -> String, code: DiagnosticCode = .outOfRange
    ) -> Double? {
        guard let value else { return nil }
        if isAllowed(value) { return value }
        // The words only for an error: a model's every number passes through here.
        error(code, location(of: path), path, "\(rule()), got \(Self.format(value, path: path))",
              hint: "e.g. '\(path.split(separator: ".").last ?? ""): \(example())'")
        return nil
    }

    /// A boolean: `true` or `false` only.
    func boolean(_ map: ConfigNode.Mapping, _ key: String, _ path: String) -> Bool? {
        guard let node = map[key] else { return nil }
        let keyPath = Self.join(path, key)
        guard let (raw, location) = text(node, keyPath, example: "true") else { return nil }
        switch raw {
        case "true": return true
        case "false": return false
        default:
            error(.invalidBoolean, location, keyPath, "expected true or false, got '\(raw)'", hint: "booleans are written 'true' or 'false' only")
            return nil
        }
    }

    static func format(_ value: Double, path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        // A month of a schedule (`growth.2028-01`) is formatted as its key.
        let isMonth = parts.count > 1 && YearMonth(parts[parts.count - 1]) != nil
        let last = isMonth ? parts[parts.count - 2] : parts.last ?? ""
        let dimension = ModelKey.all.first { $0.name == last && !$0.dimensions().isEmpty }?.dimensions().first
        if [.percent, .ratePerYear, .ratePerMonth].contains(dimension) || path.contains(".route.") {
            return "\(trim(value * 100))%"
        }
        return trim(value)
    }

    /// A readable number: whole numbers without decimals, others to at most 6 decimals.
    static func trim(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
