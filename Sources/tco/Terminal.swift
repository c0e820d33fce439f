#if canImport(Glibc)
import Glibc
#endif
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

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}
