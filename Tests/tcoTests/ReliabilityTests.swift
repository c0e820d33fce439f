import Foundation
import Testing
import TCOTestSupport

/// Output faults: a report that cannot be written whole is an error, and leaves nothing behind.
@Suite("tco report under output faults")
struct ReliabilityTests {
    static func shell(_ script: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = TestPaths.repository
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test("a file-size limit (as a full disk) makes report fail with exit 1 and write nothing")
    func fileSizeLimit() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tco = TCOProcess.productsDirectory.appendingPathComponent("tco").path
        // 20 blocks of 512 bytes: the model loads, the workbook (over 100 kB) cannot be written.
        let result = try Self.shell(
            "trap '' XFSZ; ulimit -f 20; exec '\(tco)' report Models/support-copilot.yaml --output '\(folder.path)'")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error:"))
        #expect(!result.stderr.contains("Error Domain="))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test("report never replaces the model it reads, and --output must be a folder")
    func neverOverwritesModel() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("plan.md")
        try FileManager.default.copyItem(
            at: TestPaths.repository.appendingPathComponent("Models/support-copilot.yaml"), to: model)
        let before = try Data(contentsOf: model)
        let result = try AdoptionTests.run(["report", "plan.md", "--output", "."], in: folder)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("would replace a model file"))
        #expect(try Data(contentsOf: model) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["plan.md"])

        let aFile = try AdoptionTests.run(["report", "plan.md", "--output", "plan.md"], in: folder)
        #expect(aFile.status == 64)
        #expect(aFile.stderr.contains("is a file, not a folder"))
        #expect(!aFile.stderr.contains("Error Domain="))
    }

    @Test("compare A A --output (nothing changed) writes its memo: tags of an empty list are not unknown")
    func compareWithItself() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try AdoptionTests.run(["init", "m.yaml"], in: folder)
        let result = try AdoptionTests.run(["compare", "m.yaml", "m.yaml", "--output", "cmp"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let memo = try String(contentsOf: folder.appendingPathComponent("cmp/m-vs-m.md"), encoding: .utf8)
        #expect(memo.contains("No input differs."))
    }

    @Test("model text cannot break the memo's Markdown: '|' in a source, HTML, line breaks in the title")
    func markdownIntegrity() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try AdoptionTests.run(["init", "m.yaml"], in: folder)
        let path = folder.appendingPathComponent("m.yaml")
        var text = try String(contentsOf: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "price_input: 3 USD/Mtok            # provider's price page, per million input tokens (note the date read)",
            with: "price_input: 3 USD/Mtok   # A | B <script>alert(1)</script> <img src=x onerror=alert(1)>")
        text = text.replacingOccurrences(
            of: "model: My AI assistant — API vs own GPUs vs rented GPUs",
            with: "model: \"My title\\n# Injected heading\"")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let result = try AdoptionTests.run(["report", "m.yaml", "--output", "out"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let memo = try String(contentsOf: folder.appendingPathComponent("out/m.md"), encoding: .utf8)
        #expect(!memo.contains("<script>"))
        #expect(!memo.contains("<img"))
        #expect(!memo.contains("\n# Injected heading"))
        let row = try #require(memo.split(separator: "\n").first { $0.contains("serving.frontier.price_input") })
        // Three columns: | key | value | source | → four unescaped bars.
        let bars = row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1
        #expect(bars == 4, "\(row)")
    }
}
