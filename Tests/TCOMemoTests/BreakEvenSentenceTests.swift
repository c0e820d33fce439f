import Testing
@testable import TCOCore
@testable import TCOMemo

/// Every side × position (wins or loses at the forecast) × measure reads true.
@Suite("Break-even sentences")
struct BreakEvenSentenceTests {
    typealias Measure = MemoContext.BreakEvenMeasure

    static let cases: [(BreakEvenSide, Double?, Measure, String)] = [
        // Volume.
        (.above, 0.57, .volume, "wins at the forecast and stays cheaper down to 0.57× the forecast volume"),
        (.above, 3.57, .volume, "is dearer at the forecast and becomes cheaper only above 3.57× the forecast volume"),
        (.below, 0.57, .volume, "is dearer at the forecast and becomes cheaper only below 0.57× the forecast volume"),
        (.below, 3.57, .volume, "wins at the forecast and stays cheaper up to 3.57× the forecast volume"),
        (.always, nil, .volume, "wins at the forecast and at any volume from 0.001× to 1000× the forecast"),
        (.never, nil, .volume, "is dearer at the forecast and at any volume from 0.001× to 1000× the forecast"),
        // API prices.
        (.above, 0.48, .apiPrice, "wins at today's API prices and stays cheaper down to 0.48× those prices"),
        (.above, 1.5, .apiPrice,
         "is dearer at today's API prices and becomes cheaper only above 1.50× those prices"),
        (.below, 0.8, .apiPrice,
         "is dearer at today's API prices and becomes cheaper only below 0.80× those prices"),
        (.below, 2, .apiPrice, "wins at today's API prices and stays cheaper up to 2.00× those prices"),
        (.always, nil, .apiPrice, "wins at today's API prices and at any level from 0.001× to 1000× those prices"),
        (.never, nil, .apiPrice,
         "is dearer at today's API prices and at any level from 0.001× to 1000× those prices"),
        // A multiplier of exactly 1 is where the strategy wins (the bracket end at which it wins).
        (.above, 1, .volume, "wins at the forecast and stays cheaper down to 1.00× the forecast volume"),
        (.below, 1, .apiPrice, "wins at today's API prices and stays cheaper up to 1.00× those prices"),
        // Far multipliers keep their precision.
        (.above, 0.0045, .volume, "wins at the forecast and stays cheaper down to 0.005× the forecast volume"),
        (.above, 250, .apiPrice,
         "is dearer at today's API prices and becomes cheaper only above 250.0× those prices"),
    ]

    @Test("the sentence for each side, position and measure", arguments: cases)
    func sentence(_ side: BreakEvenSide, _ multiplier: Double?, _ measure: Measure, _ expected: String) {
        let breakEven = BreakEven(multiplier: multiplier, side: side)
        #expect(MemoContext.breakEvenSentence(breakEven, of: measure) == expected)
    }

    @Test("wins at the forecast exactly when the sentence says so", arguments: cases)
    func position(_ side: BreakEvenSide, _ multiplier: Double?, _ measure: Measure, _ expected: String) {
        let breakEven = BreakEven(multiplier: multiplier, side: side)
        #expect(MemoContext.winsAtForecast(breakEven) == expected.hasPrefix("wins at"))
    }

    @Test("the volume risk says which way volume must move and what then happens", arguments: [
        (BreakEvenSide.above, 0.9, "falls short of the forecast by 10%, **rent** stops being cheaper than **buy**"),
        (.above, 1.2, "exceeds the forecast by 20%, **rent** becomes cheaper than **buy** (break-even at 1.20×"),
        (.below, 0.8, "falls short of the forecast by 20%, **rent** becomes cheaper than **buy**"),
        (.below, 1.1, "exceeds the forecast by 10%, **rent** stops being cheaper than **buy** (break-even at 1.10×"),
    ])
    func volumeRisk(_ side: BreakEvenSide, _ multiplier: Double, _ expected: String) throws {
        let (loaded, results) = try CompareTests.solved("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml")
        var comparison = try #require(results.first?.comparisons.first { $0.strategy == "rent" })
        comparison.breakEvenVolume = BreakEven(multiplier: multiplier, side: side)
        let risks = MemoContext.risks(model: loaded.base, results: results, winner: "rent", challenger: "rent",
                                      comparison: comparison, losses: [])
        #expect(risks.contains { $0.contains(expected) }, "\(risks)")
    }
}
