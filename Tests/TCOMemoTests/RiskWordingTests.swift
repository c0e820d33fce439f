import Testing
@testable import TCOMemo

/// The sentences on how sure a recommendation is: never more certain than the runs.
@Suite("risk wording")
struct RiskWordingTests {
    @Test(
        "a share of runs in words",
        arguments: [
            (0.62, 10_000, "in 62 % of 10,000 runs"),
            (1.0, 10_000, "in all 10,000 runs"),
            (0.0, 10_000, "in none of the 10,000 runs"),
            (0.9999, 10_000, "in 9,999 of 10,000 runs"),
            (0.9951, 10_000, "in 9,951 of 10,000 runs"),
            (0.9949, 10_000, "in 99 % of 10,000 runs"),
            (0.0003, 10_000, "in 3 of 10,000 runs"),
            (0.005, 10_000, "in 1 % of 10,000 runs"),
            (0.5, 2, "in 50 % of 2 runs"),
            (1.0, 1, "in the single run"),
            (0.0, 1, "not in the single run"),
        ] as [(Double, Int, String)])
    func inRuns(_ share: Double, _ runs: Int, _ expected: String) {
        #expect(RiskWording.inRuns(share: share, runs: runs) == expected)
    }

    @Test(
        "the lead sentence: a close call below 80 % says so first, with the rival and what decides it",
        arguments: [
            (0.62, 10_000, ["a.b", "c.d", "e.f", "g.h"],
             "A close call: **rent** is the cheapest in 62 % of 10,000 runs over the uncertainty ranges, "
                + "**buy** in 38 % of 10,000 runs; it turns on `a.b`, `c.d` and `e.f`."),
            (0.7999, 10_000, ["a.b"],
             "A close call: **rent** is the cheapest in 80 % of 10,000 runs over the uncertainty ranges, "
                + "**buy** in 20 % of 10,000 runs; it turns on `a.b`."),
            (0.8, 10_000, ["a.b", "c.d"],
             "**rent** is the cheapest in 80 % of 10,000 runs over the uncertainty ranges; what moves it most is "
                + "`a.b` and `c.d`."),
            (1.0, 10_000, [],
             "**rent** is the cheapest in all 10,000 runs over the uncertainty ranges."),
        ] as [(Double, Int, [String], String)])
    func lead(_ share: Double, _ runs: Int, _ deciding: [String], _ expected: String) {
        let sentence = RiskWording.lead(
            strategy: "rent", share: share, runs: runs, rival: ("buy", 1 - share), deciding: deciding)
        #expect(sentence == expected)
        #expect(!sentence.contains("certainly") && !sentence.contains(" certain "))
        #expect(!sentence.contains("100 %") || share == 1)
    }

    @Test("a rival that never wins is not named")
    func rivalNeverWins() {
        let sentence = RiskWording.lead(strategy: "rent", share: 0.5, runs: 100, rival: ("buy", 0), deciding: [])
        #expect(sentence == "A close call: **rent** is the cheapest in 50 % of 100 runs over the uncertainty ranges.")
    }

    @Test("a close call's verdict is hedged; any other paragraph is left as it is")
    func hedgedVerdict() {
        #expect(RiskWording.hedged("Adopt **rent**. Over 5 years …", strategy: "rent")
            == "On the forecast inputs **rent** is cheaper; settle the inputs it turns on before adopting it. "
                + "Over 5 years …")
        #expect(RiskWording.hedged("Keep **buy**. No alternative …", strategy: "buy")
            == "On the forecast inputs **buy** stays the cheapest; settle the inputs it turns on before ruling out "
                + "the others. No alternative …")
        #expect(RiskWording.hedged("Something else.", strategy: "buy") == "Something else.")
    }
}
