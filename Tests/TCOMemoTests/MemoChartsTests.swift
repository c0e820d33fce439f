import Testing
import TCOCore
import TCOLoading
@testable import TCOMemo

@Suite("Memo charts as SVG files")
struct MemoChartsTests {
    @Test("two charts named after the memo, drawing the solver's base-scenario numbers")
    func files() throws {
        let (loaded, results) = try CompareTests.solved("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml")
        let files = MemoCharts.files(loaded, results: results, stem: "spec-example")
        #expect(files.map(\.name) == ["spec-example-cumulative-cost.svg", "spec-example-cost-per-mtok.svg"])
        let base = try #require(results.first)
        for strategy in base.strategies {
            // Each line's tooltip is its total cash cost; each bar's its levelized cost per Mtok.
            let total = MoneyFormat.short(strategy.monthly.cost.reduce(0, +), currency: "USD")
            #expect(files[0].svg.contains("<title>\(strategy.name): \(total)</title>"), "\(strategy.name)")
            let perMtok = MoneyFormat.full(strategy.levelizedCostPerMillionTokens ?? 0, currency: "USD", decimals: 2)
            #expect(files[1].svg.contains("<title>\(strategy.name): \(perMtok)</title>"), "\(strategy.name)")
        }
        #expect(files == MemoCharts.files(loaded, results: results, stem: "spec-example"))
    }

    @Test("the memo links each chart by a relative path that survives spaces and brackets in the name")
    func links() throws {
        let (loaded, results) = try CompareTests.solved("Tests/TCOLoadingTests/Fixtures/valid/spec-example.yaml")
        let context = MemoContext.make(loaded, results: results, chartStem: "Q3 plan (draft)")
        #expect(context["cumulative_chart_file"] as? String == "Q3%20plan%20%28draft%29-cumulative-cost.svg")
        #expect(context["cost_per_mtok_chart_file"] as? String == "Q3%20plan%20%28draft%29-cost-per-mtok.svg")
        let memo = try MemoTemplate.memo(at: nil).render(MemoContext.make(loaded, results: results))
        #expect(memo.contains("](spec-example-cumulative-cost.svg)"))
        #expect(memo.contains("](spec-example-cost-per-mtok.svg)"))
        #expect(memo.contains("```mermaid\nxychart-beta"))
    }
}
