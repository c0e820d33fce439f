import Foundation
import Testing
import TCOTestSupport

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
            try manager.copyItem(at: TCOProcess.productsDirectory.appendingPathComponent("tco"), to: binary)
        }

        func run(_ arguments: [String]) throws -> ProcessOutput {
            try TCOProcess.run(arguments, executable: binary, in: work)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func model(_ relative: String) -> String { TestPaths.repository.appendingPathComponent(relative).path }

    @Test("report writes the files it names, from an empty folder, with the binary alone")
    func report() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["report", Self.model("Models/support-copilot.yaml"), "--output", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = sandbox.work.appendingPathComponent("out")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == [
            "support-copilot-cost-per-mtok.svg", "support-copilot-cumulative-cost.svg",
            "support-copilot-risk-tornado.svg", "support-copilot.md", "support-copilot.xlsx",
        ])
        for name in written {
            #expect(result.stdout.contains("wrote out/\(name)"), "stdout does not name \(name): \(result.stdout)")
        }
        let memo = try String(contentsOf: folder.appendingPathComponent("support-copilot.md"), encoding: .utf8)
        #expect(memo.contains("## Recommendation"))
        // The memo links both charts by relative paths; each chart draws all three strategies.
        #expect(memo.contains(
            "![Cumulative cash cost per strategy, base scenario](support-copilot-cumulative-cost.svg)"))
        #expect(memo.contains(
            "![Levelized cost per million tokens per strategy, base scenario](support-copilot-cost-per-mtok.svg)"))
        func read(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let lines = try read("support-copilot-cumulative-cost.svg")
        let bars = try read("support-copilot-cost-per-mtok.svg")
        for svg in [lines, bars] {
            #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        }
        // The default model has an uncertainty block: the memo says how sure, the workbook has a Risk sheet.
        #expect(memo.contains("is the cheapest in ") && memo.contains(" of 10,000 runs"))
        #expect(memo.contains("## How sure is it?"))
        #expect(memo.contains("](support-copilot-risk-tornado.svg)"))
        #expect(try Self.sheetNames(folder.appendingPathComponent("support-copilot.xlsx")).last == "Risk")
        #expect(lines.components(separatedBy: "<path class=\"series\"").count - 1 == 3)
        #expect(bars.components(separatedBy: "<rect class=\"bar\"").count - 1 == 3)
    }

    /// The sheet names of a workbook, in order, from its xl/workbook.xml.
    static func sheetNames(_ workbook: URL) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = "import re, sys, zipfile; xml = zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode(); "
            + "print('\\n'.join(re.findall(r'<sheet name=\"([^\"]*)\"', xml)))"
        process.arguments = ["python3", "-c", script, workbook.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("when one output cannot be written, none is: the folder keeps what it had, without temporaries")
    func allOrNothing() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let folder = sandbox.work.appendingPathComponent("out")
        // A folder where a chart should go makes that one file impossible to write.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("support-copilot-cost-per-mtok.svg"), withIntermediateDirectories: true)
        let previous = folder.appendingPathComponent("support-copilot.md")
        try "previous memo".write(to: previous, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["report", Self.model("Models/support-copilot.yaml"), "--output", "out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("support-copilot-cost-per-mtok.svg: a folder of that name is in the way"))
        #expect(!result.stdout.contains("wrote"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["support-copilot-cost-per-mtok.svg", "support-copilot.md"])
        #expect(try String(contentsOf: previous, encoding: .utf8) == "previous memo")
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

    @Test("a write that fails part-way (a file-size limit) leaves no output folder and no temporaries")
    func failedWriteLeavesNothing() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        // SIGXFSZ ignored, so the write fails with EFBIG and tco reports it instead of being killed.
        let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" report \"$1\" --output out"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, sandbox.binary.path, Self.model("Models/support-copilot.yaml")]
        process.currentDirectoryURL = sandbox.work
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("error: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.work.path).isEmpty)
    }
}
