import ArgumentParser
import TCOCore
import TCOLoading

/// `tco solve MODEL [--scenario NAME] [--json]`.
struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve every strategy under every scenario and print the results.")

    @Argument(help: "Model file (YAML).")
    var model: String

    @Option(help: "Solve only this scenario ('base' is the model without overrides).")
    var scenario: String?

    @Flag(help: "Print the results as JSON for other tools (every number, in a fixed key order).")
    var json = false

    func run() throws {
        let loaded = try Terminal.load(model, quiet: json)
        var scenarios = loaded.scenarios
        if let scenario {
            guard let chosen = loaded.scenario(named: scenario) else {
                let names = loaded.scenarios.map(\.name)
                let hint = Suggestion.nearest(to: scenario, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                Terminal.error("\(model): no scenario '\(scenario)'\(hint); scenarios: \(names.joined(separator: ", "))")
                throw ExitCode.validationFailure  // wrong usage, not an invalid model
            }
            scenarios = [chosen]
        }
        let results = LoadedModel.solve(scenarios)
        if json {
            print(JSONReport.render(model: loaded.base, results: results, perform: LoadedModel.onEveryCore))
        } else {
            print(SolveTable.render(model: loaded.base, results: results))
        }
    }
}
