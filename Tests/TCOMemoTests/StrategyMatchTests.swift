import Testing
import TCOCore
import TCOLoading
@testable import TCOMemo

/// `tco compare --match OLD=NEW`: strategies whose names differ between the two versions.
@Suite("Comparing strategies renamed between versions")
struct StrategyMatchTests {
    static let specExample = "Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml"
    /// The spec example with hybrid renamed own-gpus, rent renamed rented-gpus, and faster self-hosted serving.
    static let renamed = "Tests/TCOMemoTests/Fixtures/models/spec-example-renamed.yaml"
    static let matches = [
        ModelComparison.StrategyMatch(old: "hybrid", new: "own-gpus"),
        ModelComparison.StrategyMatch(old: "rent", new: "rented-gpus"),
    ]

    @Test("without --match, renamed strategies are listed as not compared and only shared names are")
    func unmatched() throws {
        let (a, ra) = try CompareTests.solved(Self.specExample)
        let (b, rb) = try CompareTests.solved(Self.renamed)
        let c = ModelComparison(a, ra, b, rb)
        #expect(c.unpairedOld == ["hybrid", "rent"])
        #expect(c.unpairedNew == ["own-gpus", "rented-gpus"])
        #expect(Set(c.results.map(\.strategy)) == ["buy"])
        // rent wins in A, rented-gpus in B: unrelated names, so the decision reads as changed.
        #expect(c.winners.first { $0.scenario == "base" }?.decisionChanges == true)
    }

    @Test("with --match, each pair is compared under both names and a renamed winner is the same decision")
    func matched() throws {
        let (a, ra) = try CompareTests.solved(Self.specExample)
        let (b, rb) = try CompareTests.solved(Self.renamed)
        let c = ModelComparison(a, ra, b, rb, matches: Self.matches)
        #expect(c.unpairedOld.isEmpty && c.unpairedNew.isEmpty)
        let base = c.results.filter { $0.scenario == "base" }
        #expect(base.map(\.label) == ["buy", "hybrid → own-gpus", "rent → rented-gpus"])
        let hybrid = try #require(base.first { $0.strategy == "hybrid" })
        #expect(hybrid.old == ra[0].strategy(named: "hybrid"))
        #expect(hybrid.new == rb[0].strategy(named: "own-gpus"))
        #expect(hybrid.newPayback == rb[0].comparisons.first { $0.strategy == "own-gpus" }?.paybackMonth)
        // Faster decode needs fewer servers: capex and peak servers move, and the memo shows both.
        #expect(hybrid.new.serversMax < hybrid.old.serversMax && hybrid.new.capex < hybrid.old.capex)
        #expect(c.winners.allSatisfy { !$0.decisionChanges })
        // A matched strategy's inputs are compared under A's name: only the title and the two
        // throughputs differ, no route listed as absent in one version and added in the other.
        #expect(c.inputChanges.map(\.path) == ["model", "serving.slm-8b.decode_throughput",
                                               "serving.rented-slm.decode_throughput"])

        let memo = try MemoTemplate.compare(at: nil).render(CompareContext.make(c, a: a, b: b))
        #expect(memo.contains(
            "Strategies compared under different names (A → B): hybrid → own-gpus, rent → rented-gpus."))
        #expect(memo.contains("| Capex A | Capex B | Peak servers A | Peak servers B |"))
        #expect(memo.contains("| hybrid → own-gpus | $3.61M | $3.60M | -$10.7k | $1.88 | $1.88 "
            + "| $840.0k | $560.0k | 2 | 1 | month 18 | month 18 |"))
        #expect(!memo.contains("the decision changes"))
    }

    @Test("a --match name that is not a strategy is named, with the nearest one; a name matched twice too")
    func problems() throws {
        let (a, _) = try CompareTests.solved(Self.specExample)
        let (b, _) = try CompareTests.solved(Self.renamed)
        #expect(ModelComparison.problems(with: Self.matches, a: a, b: b).isEmpty)
        let typo = ModelComparison.problems(with: [.init(old: "hybrd", new: "own-gpus")], a: a, b: b)
        #expect(typo.count == 1)
        #expect(typo.first?.contains("A (\(a.path)) has no strategy 'hybrd'; did you mean 'hybrid'?") == true)
        let wrongSide = ModelComparison.problems(with: [.init(old: "own-gpus", new: "hybrid")], a: a, b: b)
        #expect(wrongSide.count == 2)
        let twice = ModelComparison.problems(
            with: [.init(old: "hybrid", new: "own-gpus"), .init(old: "hybrid", new: "rented-gpus")], a: a, b: b)
        #expect(twice == ["--match: strategy 'hybrid' of A is matched more than once"])
    }
}
