import Dispatch
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
    public var inputs: [Input]

    /// The key paths the file writes (after `extends`): a key left out takes its default.
    public var writtenPaths: Set<String> { Set(inputs.map(\.path)) }
    /// The `uncertainty` block, when the model has one (uncertainty.md).
    public var uncertainty: UncertaintyPlan?

    /// One value as written in a model file.
    public struct Input: Sendable {
        /// Dotted key path, e.g. `facility.electricity`.
        public var path: String
        /// The value as written, e.g. `0.11 USD/kWh`.
        public var text: String
        /// Where it is written (after `extends`, the file that wins).
        public var location: SourceLocation
        /// The comment at the end of its line, the figure's source by this project's convention.
        public var source: String?
    }

    /// The source comment of the value at `path`, if one is written.
    public func source(of path: String) -> String? { inputs.first { $0.path == path }?.source }

    /// A named what-if: the model with a scenario's overrides applied.
    public struct Scenario: Sendable {
        public var name: String
        public var model: Model
        /// The overrides as written: dotted key path and value text.
        public var overrides: [(path: String, text: String)]
    }

    /// The scenario called `name`.
    public func scenario(named name: String) -> Scenario? { scenarios.first { $0.name == name } }

    /// Every scenario solved, `base` first: what the reports, the memo and compare show.
    public func solvedScenarios() -> [ScenarioResult] {
        Self.solve(scenarios)
    }

    /// `scenarios` solved on every core; the results do not depend on how many there are.
    public static func solve(_ scenarios: [Scenario]) -> [ScenarioResult] {
        Solver.solve(scenarios.map { ($0.name, $0.model) }, perform: onEveryCore)
    }

    /// Runs the jobs at once on every core (`Jobs.Perform`).
    public static func onEveryCore(_ count: Int, _ job: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: job)
    }
}

/// Why a model file could not be loaded: every problem found, with the text of the files for excerpts.
public struct LoadFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: String]
}
