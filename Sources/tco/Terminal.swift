#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import TCOCore
import TCOLoading
import TCOMemo

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

    /// Refuses an `--output` that is empty, a file, or whose `names` would replace a model file;
    /// `tco report` asks before a long simulation too, so a mistyped folder fails at once.
    static func checkOutputFolder(_ output: String, names: [String], protecting inputs: [LoadedModel]) throws {
        var isFolder: ObjCBool = false
        if output.isEmpty || (FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && !isFolder.boolValue) {
            self.error(output.isEmpty ? "--output needs a folder name" : "'\(output)' is a file, not a folder; --output names a folder")
            throw ExitCode.validationFailure
        }
        // An output must never replace a file the models were read from (`tco report plan.md --output .`
        // with a model called plan.md would otherwise overwrite it with the memo).
        let readFiles = Set(inputs.flatMap { [$0.path] + $0.inputs.map(\.location.file) }.map(canonical))
        for name in names where readFiles.contains(canonical((output as NSString).appendingPathComponent(name))) {
            self.error("writing '\(name)' into '\(output)' would replace a model file; choose another --output folder")
            throw ExitCode.validationFailure
        }
    }

    /// Writes `DIR/<stem>.xlsx`, `DIR/<stem>.md` and the `extras` (name and text) beside them. The memo
    /// is rendered first, so a template error writes nothing; then every file is written to a temporary
    /// name, and all are renamed into place only when every one was written.
    static func writeOutputs(
        to output: String, stem: String, failurePrefix: String = "", memo render: () throws -> String,
        workbook write: (String) throws -> Void, extras: [(name: String, text: String)] = [],
        protecting inputs: [LoadedModel] = []
    ) throws {
        let names = ["\(stem).xlsx", "\(stem).md"] + extras.map(\.name)
        try checkOutputFolder(output, names: names, protecting: inputs)
        let memo: String
        do {
            memo = try render()
        } catch let problem as TemplateError {
            // A template is the user's tool set-up, not the model: located like a compiler error,
            // and a usage error (64), not an invalid model (1).
            FileHandle.standardError.write(Data("\(problem)\n".utf8))
            throw ExitCode.validationFailure
        } catch {
            self.error("\(error)")
            throw ExitCode(1)
        }
        let folderExisted = FileManager.default.fileExists(atPath: output)
        var files = StagedFiles()
        defer { files.discard() }
        func path(_ name: String) -> String { (output as NSString).appendingPathComponent(name) }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try files.stage(path("\(stem).xlsx"), write)
            try files.stage(path("\(stem).md"), text: memo)
            for extra in extras { try files.stage(path(extra.name), text: extra.text) }
            try files.commit()
        } catch {
            files.discard()
            // A folder made for these outputs and left empty goes too.
            if !folderExisted, (try? FileManager.default.contentsOfDirectory(atPath: output))?.isEmpty == true {
                try? FileManager.default.removeItem(atPath: output)
            }
            self.error("\(failurePrefix)cannot write the outputs to '\(output)': \(describe(error))")
            throw ExitCode(1)
        }
        for name in names { print("wrote \(path(name))") }
    }

    /// `path` absolute, with `.`, `..` and symbolic links resolved, to compare two paths.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A file-system error in words, without Foundation's `Error Domain=…` dump.
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        // Swift errors of this tool describe themselves; only Foundation's need translating.
        guard [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(ns.domain) else { return String(describing: error) }
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
