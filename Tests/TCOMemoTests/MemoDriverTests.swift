import Testing
import TCOCore
import TCOLoading
@testable import TCOMemo
import TCOTestSupport

@Suite("memo: drivers near a price tier")
struct MemoDriverTests {
    static let example = TestPaths.modelFixtures.appendingPathComponent("valid/example-v2.yaml").path

    @Test("input tokens whose ±20 % step reaches a long-context threshold say so")
    func thresholdNote() throws {
        let model = try ModelLoader().load(Self.example).result.get().base
        // deal-room-qa: 250k input tokens; −20 % = 0.8 × 250,000 = 200,000, which is not above the
        // 200k threshold (prices apply strictly above it): the low case leaves the long-context tier.
        let note = MemoContext.thresholdNote("workloads.deal-room-qa.input_tokens", model)
        #expect(note.contains("200,000 tokens"))
        // contract-review: 12,000 tokens; +20 % = 14,400, far below 200k: no note.
        #expect(MemoContext.thresholdNote("workloads.contract-review.input_tokens", model).isEmpty)
        #expect(MemoContext.thresholdNote("workloads.deal-room-qa.output_tokens", model).isEmpty)
    }
}
