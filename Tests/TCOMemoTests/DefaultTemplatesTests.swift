import Foundation
import Testing
@testable import TCOMemo

@Suite("Built-in default templates")
struct DefaultTemplatesTests {
    @Test("the compiled-in template is the one in Templates/", arguments: [
        ("memo.md.mustache", DefaultTemplates.memo), ("compare.md.mustache", DefaultTemplates.compare),
    ])
    func embeddedMatchesFile(_ name: String, embedded: String) throws {
        let file = MemoTests.repository.appendingPathComponent("Templates/\(name)")
        let shipped = try String(contentsOf: file, encoding: .utf8)
        #expect(embedded == shipped, "Templates/\(name) changed: run `make templates` (scripts/embed-templates.sh)")
    }

    @Test("no --template means the built-in template, with a file name that says so in errors")
    func builtInUsedWithoutPath() throws {
        let memo = try MemoTemplate.memo(at: nil)
        #expect(memo.text == DefaultTemplates.memo)
        #expect(memo.file == "Templates/memo.md.mustache (built in)")
        #expect(try MemoTemplate.compare(at: nil).text == DefaultTemplates.compare)
    }
}
