import Foundation
import TCOLoading
import TCOTestSupport
import Testing

@testable import TCOWorkbook

/// How sheets print: the page header that carries the Inputs sheet's title.
@Suite("Workbook printing")
struct WorkbookPrintTests {
    @Test("a page header keeps to libxlsxwriter's 255 characters, with every & doubled")
    func longTitle() {
        // 150 × "R&D " is 600 characters; doubled ampersands make it 750: cut to fit with "…".
        let header = XLSXWorksheet.pageHeader(String(repeating: "R&D ", count: 150))
        #expect(header.unicodeScalars.count <= 255)
        #expect(header.hasPrefix("&LR&&D R&&D") && header.hasSuffix("…"))
        // Never half of a doubled &: every & is followed by another.
        #expect(!header.dropFirst(2).replacing("&&", with: "").contains("&"))
        #expect(XLSXWorksheet.pageHeader("Inputs — A & B") == "&LInputs — A && B")
    }

    @Test("a model with a 300-character title still exports its workbook")
    func modelWithLongTitle() throws {
        let folder = try TestPaths.temporaryFolder("tco-print")
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try String(
            contentsOf: TestPaths.modelFixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
        let title = String(repeating: "Build & buy ", count: 25)
        let text = source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("model:") ? "model: \"\(title)\"" : String($0) }.joined(separator: "\n")
        let model = folder.appendingPathComponent("long-title.yaml")
        try text.write(to: model, atomically: true, encoding: .utf8)
        let loaded = try ModelLoader().load(model.path).result.get()
        #expect(loaded.base.title == title)
        let book = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookWriter.write(loaded, results: loaded.solvedScenarios(), to: book.path)
        #expect(FileManager.default.fileExists(atPath: book.path))
    }
}
