import Foundation
import Testing

/// `tco report` and `tco compare --output` as a finance analyst runs them: the binary copied on
/// its own into some folder (as `make install` does) and run from an unrelated empty folder.
@Suite("tco outputs from any folder")
struct OutputsAnywhereTests {
    /// A scratch folder with `bin/tco` (a copy of the built binary) and an empty `work/` folder.
    struct Sandbox {
        let root: URL
        var binary: URL { root.appendingPathComponent("bin/tco") }
        var work: URL { root.appendingPathComponent("work") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("tco-anywhere-\(UUID().uuidString)")
            let manager = FileManager.default
            try manager.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try manager.createDirectory(at: work, withIntermediateDirectories: true)
            try manager.copyItem(at: CLITests.productsDirectory.appendingPathComponent("tco"), to: binary)
        }

        func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            try CLITests.run(arguments, executable: binary, in: work)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func model(_ relative: String) -> String { CLITests.repository.appendingPathComponent(relative).path }

    @Test("report writes the files it names, from an empty folder, with the binary alone")
    func report() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["report", Self.model("Models/support-copilot.yaml"), "--output", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = sandbox.work.appendingPathComponent("out")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["support-copilot.md", "support-copilot.xlsx"])
        for name in written {
            #expect(result.stdout.contains("wrote out/\(name)"), "stdout does not name \(name): \(result.stdout)")
        }
        let memo = try String(contentsOf: folder.appendingPathComponent("support-copilot.md"), encoding: .utf8)
        #expect(memo.contains("## Recommendation"))
    }

    @Test("compare --output writes the files it names, from an empty folder, with the binary alone")
    func compare() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let a = Self.model("Models/support-copilot.yaml"), b = Self.model("Models/support-copilot-h200.yaml")
        let result = try sandbox.run(["compare", a, b, "--output", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = sandbox.work.appendingPathComponent("out")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let stem = "support-copilot-vs-support-copilot-h200"
        #expect(written == ["\(stem).md", "\(stem).xlsx"])
        for name in written {
            #expect(result.stdout.contains("wrote out/\(name)"), "stdout does not name \(name): \(result.stdout)")
        }
        let memo = try String(contentsOf: folder.appendingPathComponent("\(stem).md"), encoding: .utf8)
        #expect(memo.contains("## What changed in the inputs"))
    }
}
