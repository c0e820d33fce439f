import Foundation
import Testing

/// End-to-end: runs the built `tco` binary as a user would.
@Suite("tco command line")
struct CLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("tco")
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// `make test` builds the debug products first; the binary sits beside the test bundle there.
    static var productsDirectory: URL {
        let candidates = [".build/debug", ".build/release"].map { repository.appendingPathComponent($0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("tco").path) } ?? candidates[0]
    }
    @Test("check accepts the shipped models and prints a summary")
    func checkAccepts() throws {
        let result = try Self.run(["check", "Models/support-copilot.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Models/support-copilot.yaml: ok"))
    }
}
