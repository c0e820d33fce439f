import Foundation
import Testing
import TCOTestSupport

/// `tco solve` and `tco report` on a model that uses version 2 features.
@Suite("tco on version 2 models")
struct Version2CLITests {
    static let example = "Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml"

    @Test("solve shows the NPV after tax when a tax rate is set, and says comparisons are after tax")
    func solveShowsAfterTax() throws {
        let result = try TCOProcess.run(["solve", Self.example, "--scenario", "base"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("NPV after tax"))
        #expect(result.stdout.contains("tax rate 25.0%"))
        let v1 = try TCOProcess.run(["solve", "Models/support-copilot.yaml"])
        #expect(!v1.stdout.contains("NPV after tax"))
    }

    @Test("solve --json lists the version 2 keys after the version 1 ones, in the contract's order")
    func jsonKeyOrder() throws {
        let result = try TCOProcess.run(["solve", "--json", Self.example, "--scenario", "base"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        let strategyKeys = ["\"servers_max\"", "\"npv_cost_after_tax\"", "\"energy_kwh\"", "\"kwh_per_mtok_self_hosted\"",
                            "\"monthly\""]
        let monthlyKeys = ["\"servers\"", "\"one_time\"", "\"financing\"", "\"interest\"", "\"tax_shield\"",
                           "\"after_tax_cost\"", "\"energy_kwh\""]
        for keys in [strategyKeys, monthlyKeys] {
            var position = text.startIndex
            for key in keys {
                let found = try #require(text.range(of: key, range: position..<text.endIndex), "\(key) after its predecessor")
                position = found.upperBound
            }
        }
    }

    @Test("report writes the workbook, with its Schedules sheet, and the memo for the contract's example-v2")
    func reportWritesSchedules() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-v2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try TCOProcess.run(["report", Self.example, "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let book = folder.appendingPathComponent("example-v2.xlsx")
        #expect(FileManager.default.fileExists(atPath: book.path))
        #expect(try OutputsAnywhereTests.sheetNames(book).prefix(3) == ["Summary", "Inputs", "Schedules"])
        let memo = try String(contentsOf: folder.appendingPathComponent("example-v2.md"), encoding: .utf8)
        #expect(memo.contains("NPV of cost after tax"))
    }

    @Test("report writes a workbook and memo for one-time costs, tax, terminal value none and loans")
    func reportAcceptsFinance() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-v2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = "Tests/TCOLoadingTests/Fixtures/valid/finance-v2.yaml"
        let result = try TCOProcess.run(["report", model, "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("finance-v2.xlsx").path))
        let memo = try String(contentsOf: folder.appendingPathComponent("finance-v2.md"), encoding: .utf8)
        #expect(memo.contains("NPV of cost after tax"))
    }

    @Test("compare prints its table and writes the workbook and memo for a version 2 model")
    func compareWritesOutput() throws {
        let small = "Tests/TCOLoadingTests/Fixtures/valid/small.yaml"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-v2-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try TCOProcess.run(["compare", small, Self.example, "--output", folder.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("small-vs-example-v2.xlsx").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("small-vs-example-v2.md").path))
    }
}
