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

    /// Writes `DIR/<stem>.xlsx` and `DIR/<stem>.md`. The memo is rendered first, so a template
    /// error writes nothing; each file is written to a temporary name and renamed into place.
    static func writeOutputs(
        to output: String, stem: String, failurePrefix: String = "", memo render: () throws -> String, workbook write: (String) throws -> Void
    ) throws {
        let memo: String
        do {
            memo = try render()
        } catch {
            self.error("\(error)")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let workbook = (output as NSString).appendingPathComponent("\(stem).xlsx")
            try write(workbook)
            let memoPath = (output as NSString).appendingPathComponent("\(stem).md")
            try Data(memo.utf8).write(to: URL(fileURLWithPath: memoPath), options: .atomic)
            print("wrote \(workbook)")
            print("wrote \(memoPath)")
        } catch {
            self.error("\(failurePrefix)\(error)")
            throw ExitCode(1)
        }
    }

    /// A file-system error in words, without Foundation's `Error Domain=…` dump.
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))).lowercased() }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteFileExists: return "the file already exists"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on the disk"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            case .fileWriteInvalidFileName: return "the file name is not valid"
            default: break
            }
        }
        return ns.localizedDescription
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }
}
