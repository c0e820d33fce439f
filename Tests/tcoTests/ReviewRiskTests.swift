import Foundation
import Testing

/// The review page's decision says how sure it is when the model has an `uncertainty` block.
@Suite("tco serve: how sure is the decision", .serialized)
struct ReviewRiskTests {
    @Test("with an uncertainty block the decision states its share of the block's runs; without one it does not")
    func decisionStatesProbability() throws {
        let server = try ReviewServerTests.Server(model: "Models/support-copilot.yaml")
        defer { server.stop() }
        let page = try server.get("/")
        #expect(page.status == 200)
        let decision = try #require(page.body.range(of: #"<p class="decision" id="decision">.*?</p>"#,
                                                    options: .regularExpression).map { String(page.body[$0]) })
        #expect(decision.contains("is the cheapest in "), "\(decision)")
        // The block's 10,000 runs, as the memo and `tco simulate` use them: the three say the same share.
        #expect(decision.contains(" of 10,000 runs") || decision.contains("all 10,000 runs"), "\(decision)")

        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try AdoptionTests.run(["init", "m.yaml"], in: folder)
        // The starter without its uncertainty block (its last section).
        let starter = folder.appendingPathComponent("m.yaml")
        let text = try String(contentsOf: starter, encoding: .utf8)
        let cut = try #require(text.range(of: "\nuncertainty:"))
        try String(text[..<cut.lowerBound]).appending("\n").write(to: starter, atomically: true, encoding: .utf8)
        let plain = try ReviewServerTests.Server(model: "m.yaml", in: folder)
        defer { plain.stop() }
        #expect(!(try plain.get("/").body.contains(" runs")))
    }
}
