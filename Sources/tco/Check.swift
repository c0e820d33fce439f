import ArgumentParser
import TCOCore
import TCOLoading

/// `tco check MODEL… [--format text|json]`: loads and validates; writes nothing.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate model files and print a one-line summary of each.",
        discussion: """
            Exit status 0 when every file is valid (warnings are printed but allowed); 1 otherwise, with every \
            problem on standard error. With --format json, every diagnostic is printed on standard output as \
            JSON (file, line, column, severity, code, key_path, message, hint) for editors and CI.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Model files (YAML).")
    var models: [String]

    @Option(help: "Output format: text (compiler-style, on standard error) or json (on standard output).")
    var format: Format = .text

    func run() throws {
        var files: [(path: String, isValid: Bool, diagnostics: [Diagnostic])] = []
        for path in models {
            switch ModelLoader().load(path) {
            case (.success(let loaded), let sources):
                files.append((path, true, loaded.warnings))
                guard format == .text else { continue }
                Terminal.printDiagnostics(loaded.warnings, sources: sources)
                let model = loaded.base
                let scenarios = loaded.scenarios.map(\.name).joined(separator: ", ")
                print("""
                    \(path): ok — \(count(model.workloads.count, "workload")), \
                    \(count(model.strategies.count, "strategy", "strategies")), \
                    \(count(loaded.scenarios.count, "scenario")) (\(scenarios)), horizon \(model.horizonMonths) months \
                    from \(model.start)
                    """)
            case (.failure(let failure), _):
                files.append((path, false, failure.diagnostics))
                if format == .text { Terminal.printDiagnostics(failure.diagnostics, sources: failure.sources) }
            }
        }
        if format == .json { print(Diagnostic.json(files: files)) }
        if files.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }

    /// `1 workload`, `3 workloads`.
    private func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
