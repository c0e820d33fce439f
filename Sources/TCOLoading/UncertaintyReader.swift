import TCOCore

/// The `uncertainty` block of a model, ready to simulate (uncertainty.md).
public struct UncertaintyPlan: Sendable {
    public var runs: Int
    public var seed: UInt64
    public var inputs: [UncertainInput]
    /// Where each input's range is written, for messages and the memo's sources.
    public var locations: [SourceLocation]
    /// Each input's range as written, e.g. `8M/month to 16M/month`.
    public var texts: [String]

    public static let defaultRuns = 10_000
    public static let defaultSeed: UInt64 = 1
}

/// Reads the `uncertainty` block with located errors: paths by the scenario rules, continuous values
/// only, no schedules, values of the key's dimension inside its allowed range.
struct UncertaintyReader {
    let file: String
    let currency: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, currency: String) {
        self.file = file
        self.currency = currency
    }

    mutating func error(_ code: DiagnosticCode, _ location: SourceLocation, _ path: String, _ message: String,
                        hint: String) {
        diagnostics.append(.error(code, at: location, path, message, hint: hint))
    }

    mutating func read(_ node: ConfigNode, root: ConfigNode.Mapping, model: Model, written: Set<String>) -> UncertaintyPlan? {
        guard case .mapping(let block) = node else {
            error(.expectedMap, node.location, "uncertainty", "expected a map with 'runs', 'seed' and 'inputs'",
                  hint: "e.g. 'uncertainty: {runs: 10000, inputs: {workloads.chat.requests: 1M/month to 2M/month}}'")
            return nil
        }
        for entry in block.entries where !["runs", "seed", "inputs"].contains(entry.key) {
            let near = Suggestion.nearest(to: entry.key, in: ["runs", "seed", "inputs"])
            error(.unknownKey, entry.keyLocation, "uncertainty.\(entry.key)", "unknown key '\(entry.key)' in uncertainty",
                  hint: near.map { "did you mean '\($0)'?" } ?? "known keys here: runs, seed, inputs")
        }
        let runs = wholeNumber(block["runs"], "uncertainty.runs", 1...1_000_000, example: "10000")
        let seed = wholeNumber(block["seed"], "uncertainty.seed", 0...Int.max, example: "7")
        var inputs: [UncertainInput] = [], locations: [SourceLocation] = [], texts: [String] = []
        if let node = block["inputs"] {
            guard case .mapping(let map) = node else {
                error(.expectedMap, node.location, "uncertainty.inputs", "expected a map of key paths to ranges",
                      hint: "e.g. 'workloads.chat.requests: 1M/month to 2M/month'")
                return nil
            }
            for entry in map.entries {
                if let input = readInput(entry, root: root, model: model, written: written) {
                    inputs.append(input)
                    locations.append(entry.value.location)
                    texts.append(entry.value.scalar?.text ?? "")
                }
            }
        }
        guard !diagnostics.hasErrors else { return nil }
        return UncertaintyPlan(
            runs: runs ?? UncertaintyPlan.defaultRuns, seed: seed.map { UInt64($0) } ?? UncertaintyPlan.defaultSeed,
            inputs: inputs, locations: locations, texts: texts)
    }

    private mutating func wholeNumber(_ node: ConfigNode?, _ path: String, _ range: ClosedRange<Int>, example: String) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.text, let value = Int(text.replacing("_", with: "")), range.contains(value) else {
            error(.outOfRange, node.location, path,
                  "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \(describe(node))",
                  hint: "e.g. '\(path.split(separator: ".").last ?? ""): \(example)'")
            return nil
        }
        return value
    }

    private func describe(_ node: ConfigNode) -> String {
        node.scalar.map { "'\($0.text)'" } ?? "a map"
    }
}
