import TCOCore

/// A model file read, merged with its `extends` chain, validated, and resolved per scenario.
public struct LoadedModel: Sendable {
    /// The file as the user named it.
    public var path: String
    /// The model without overrides (scenario `base`).
    public var base: Model
    /// Every scenario, `base` first, then in file order, each with its overrides applied.
    public var scenarios: [Scenario]
    /// Warnings found while loading (definitions nobody uses).
    public var warnings: [Diagnostic]
    /// Every input value after `extends` as written, by dotted key path, in file order (for `compare`).
    public var inputs: [(path: String, text: String)]

    /// A named what-if: the model with a scenario's overrides applied.
    public struct Scenario: Sendable {
        public var name: String
        public var model: Model
        /// The overrides as written: dotted key path and value text.
        public var overrides: [(path: String, text: String)]
    }

    /// The scenario called `name`.
    public func scenario(named name: String) -> Scenario? { scenarios.first { $0.name == name } }
}

/// Why a model file could not be loaded: every problem found, with the text of the files for excerpts.
public struct LoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]
}
