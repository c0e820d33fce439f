import ArgumentParser
import TCOCore
import TCOLoading

/// `tco check MODEL…`: loads and validates; writes nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files and print a one-line summary of each.",
        discussion: "Exit status 0 when every file is valid (warnings are printed but allowed); 1 otherwise, with every problem on standard error.")

    @Argument(help: "Model files (YAML).")
    var models: [String]

    func run() throws {
        var failed = false
        for path in models {
            switch ModelLoader().load(path) {
            case (.success(let loaded), let sources):
                Terminal.printDiagnostics(loaded.warnings, sources: sources)
                let model = loaded.base
                let scenarios = loaded.scenarios.map(\.name).joined(separator: ", ")
                print("\(path): ok — \(model.workloads.count) workloads, \(model.strategies.count) strategies, \(loaded.scenarios.count) scenarios (\(scenarios)), horizon \(model.horizonMonths) months from \(model.start)")
            case (.failure(let failure), _):
                Terminal.printDiagnostics(failure.diagnostics, sources: failure.sources)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
