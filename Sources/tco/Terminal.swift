#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import TCOCore
import TCOLoading

/// Writing to the terminal: diagnostics to standard error.
enum Terminal {
    static func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: String]) {
        for diagnostic in diagnostics {
            let block = DiagnosticRenderer.render(diagnostic, sources: sources) + "\n"
            FileHandle.standardError.write(Data(block.utf8))
        }
    }

    /// Loads a model; prints its warnings (unless `quiet`), or every problem and exits with status 1.
    static func load(_ path: String, quiet: Bool = false) throws -> LoadedModel {
        switch ModelLoader().load(path) {
        case (.success(let loaded), let sources):
            if !quiet { printDiagnostics(loaded.warnings, sources: sources) }
            return loaded
        case (.failure(let failure), _):
            printDiagnostics(failure.diagnostics, sources: failure.sources)
            throw ExitCode(1)
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}
