import Foundation

/// What a finished process printed and returned.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the built `tco` binary (or another program) as a user would.
public enum TCOProcess {
    /// Where `make test` (and `swift build`) put the debug products.
    public static var productsDirectory: URL {
        let candidates = [".build/debug", ".build/release"].map { TestPaths.repository.appendingPathComponent($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("tco").path) }
            ?? candidates[0]
    }

    /// The built `tco`.
    public static var tco: URL { productsDirectory.appendingPathComponent("tco") }

    /// Runs `executable` (default: the built `tco`) with `arguments` in `directory` (default: the
    /// repository), with `environment` added to this process's, and waits for it.
    public static func run(
        _ arguments: [String], executable: URL? = nil, in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable ?? tco
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? TestPaths.repository
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting: a full pipe would block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
