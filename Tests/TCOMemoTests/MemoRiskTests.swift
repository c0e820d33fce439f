import Foundation
import Testing
import TCOCore
import TCOLoading
@testable import TCOMemo

/// The memo with a Monte Carlo simulation: the recommendation states its share of runs, a close call
/// says so in its first sentence, and the section lists the shares and the tornado.
@Suite("memo: how sure is it")
struct MemoRiskTests {
    static func simulated(runs: Int) async throws -> (LoadedModel, [ScenarioResult], RiskAnalysis) {
        let path = MemoTests.repository.appendingPathComponent("Models/support-copilot.yaml").path
        let loaded = try ModelLoader().load(path).result.get()
        let risk = try #require(await RiskAnalysis.simulate(loaded, maximumRuns: runs, concurrency: 2))
        return (loaded, loaded.solvedScenarios(), risk)
    }

    @Test("the default model's memo states the probability of its recommendation and lists the tornado")
    func defaultModel() async throws {
        let (loaded, results, risk) = try await Self.simulated(runs: 300)
        let context = MemoContext.make(loaded, results: results, chartStem: "m", risk: risk)
        let recommendation = try #require(context["recommendation"] as? String)
        let winner = try #require(context["recommended"] as? String)
        let share = try #require(risk.base?.strategies.first { $0.name == winner }?.pLowest)
        #expect(recommendation.contains("is the cheapest \(RiskWording.inRuns(share: share, runs: 300))"))
        let firstSentence = String(recommendation.prefix { $0 != "." })
        #expect(firstSentence.hasPrefix("A close call") == (share < 0.8), "\(recommendation)")
        let memo = try MemoTemplate.memo(at: nil).render(context)
        #expect(memo.contains("## How sure is it?"))
        #expect(memo.contains("](m-risk-tornado.svg)"))
        for input in risk.result.inputs { #expect(memo.contains("| `\(input)` |")) }
        let files = MemoCharts.riskFiles(loaded, risk: risk, stem: "m")
        #expect(files.map(\.name) == ["m-risk-tornado.svg"])
        #expect(files.first?.svg.contains("<svg") == true)
    }

    @Test("a close call is named in the recommendation's first sentence")
    func closeCall() async throws {
        let (loaded, results, risk) = try await Self.simulated(runs: 50)
        var close = risk
        // The recommended strategy wins only 54 % of runs: a close call, whatever the other numbers.
        let winner = try #require(MemoContext.make(loaded, results: results)["recommended"] as? String)
        for index in close.result.scenarios[0].strategies.indices {
            let name = close.result.scenarios[0].strategies[index].name
            close.result.scenarios[0].strategies[index].pLowest = name == winner ? 0.54 : 0.46 / 2
        }
        let context = MemoContext.make(loaded, results: results, risk: close)
        let recommendation = try #require(context["recommendation"] as? String)
        #expect(recommendation.hasPrefix("A close call: **\(winner)** is the cheapest in 54 % of 50 runs"))
        // Never more certain than the runs: no "Adopt" or "Keep" after a close call.
        #expect(!recommendation.contains("Adopt **") && !recommendation.contains("Keep **"), "\(recommendation)")
        #expect(recommendation.contains("On the forecast inputs **\(winner)**"), "\(recommendation)")
    }

    @Test("without a simulation the memo has no such section")
    func withoutRisk() throws {
        let (memo, _, _) = try MemoTests.render("Models/support-copilot.yaml")
        #expect(!memo.contains("How sure is it?"))
    }
}
