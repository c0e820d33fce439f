import ArgumentParser
import Foundation
import TCOCore
import TCOLoading

/// `tco simulate MODEL [--runs N] [--seed S] [--scenario NAME] [--json]`: Monte Carlo over the
/// model's `uncertainty` block.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How often each strategy is the cheapest, over the ranges of the uncertainty block.",
        discussion: """
            Each run draws every uncertain input once and solves every strategy of every scenario with the same \
            draws. Prints per scenario: NPV of cost (mean, 5th, 50th, 95th percentile), how often each strategy \
            is the cheapest, expected regret, savings against the baseline, and the inputs that decide it. The same \
            model, seed and runs give the same output on any number of cores.
            """)

    @Argument(help: "Model file (YAML) with an 'uncertainty' block.")
    var model: String

    // `.unconditional`: a negative number is taken as the value (and refused with the range), not
    // as an unknown option that leaves the value missing.
    @Option(parsing: .unconditional, help: "Number of runs, 1 to 1000000 (default: the block's, else 10000).")
    var runs: Int?

    @Option(parsing: .unconditional, help: "Seed, 0 to 2^63-1 (default: the block's, else 1).")
    var seed: Int?

    @Option(help: "Simulate only this scenario.")
    var scenario: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    func validate() throws {
        if let runs, !(1...1_000_000).contains(runs) { throw ValidationError("--runs must be from 1 to 1000000") }
        if let seed, seed < 0 { throw ValidationError("--seed must be from 0 to 2^63-1") }
    }

    func run() async throws {
        let loaded = try Terminal.load(model, quiet: json)
        guard let plan = loaded.uncertainty else {
            let diagnostic = Diagnostic.error(
                .missingKey, at: SourceLocation(file: model, line: 1, column: 1), "uncertainty",
                "the model has no 'uncertainty' block to simulate",
                hint: "add e.g. 'uncertainty: {inputs: {workloads.NAME.requests: 1M/month to 2M/month}}'")
            Terminal.printDiagnostics([diagnostic], sources: [:])
            throw ExitCode(1)
        }
        var simulated = loaded.simulationScenarios(plan)
        if let scenario {
            guard let chosen = loaded.scenario(named: scenario) else {
                let names = loaded.scenarios.map(\.name)
                let near = Suggestion.nearest(to: scenario, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                let listed = names.joined(separator: ", ")
                Terminal.error("\(model): no scenario '\(scenario)'\(near); scenarios: \(listed)")
                throw ExitCode.validationFailure
            }
            simulated = simulated.filter { $0.name == chosen.name }
        }
        let runs = self.runs ?? plan.runs
        let seed = self.seed.map { UInt64($0) } ?? plan.seed
        let bar = ProgressBar(total: runs * simulated.count, label: "simulating")
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        let result = await Simulation.run(
            inputs: plan.inputs, scenarios: simulated, baseline: loaded.base.baseline, runs: runs, seed: seed,
            concurrency: ProcessInfo.processInfo.activeProcessorCount, progress: progress)
        bar?.finish()
        if json {
            print(SimulationReport.render(model: loaded.base, result: result))
        } else {
            print(SimulateTable.render(model: loaded.base, result: result, plan: plan))
        }
    }
}
