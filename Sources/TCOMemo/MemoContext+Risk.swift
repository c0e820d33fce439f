import TCOCore
import TCOLoading

extension MemoContext {
    /// The recommendation with the simulation's verdict: a close call is named in the first
    /// sentence, and its verdict is hedged ("On the forecast inputs X is cheaper; …", not "Adopt X.");
    /// a clear decision states its share right after "Adopt X." / "Keep X.".
    static func recommendation(_ paragraph: String, winner: String, risk: RiskAnalysis?) -> String {
        guard let lead = riskLead(winner: winner, risk: risk), let base = risk?.base,
            let share = base.strategies.first(where: { $0.name == winner })?.pLowest
        else { return paragraph }
        if RiskWording.isCloseCall(share) { return lead + " " + RiskWording.hedged(paragraph, strategy: winner) }
        guard let end = paragraph.range(of: ". ") else { return paragraph + " " + lead }
        return String(paragraph[..<end.upperBound]) + lead + " " + String(paragraph[end.upperBound...])
    }

    /// The sentence on how often `winner` is the cheapest in the base scenario's runs.
    static func riskLead(winner: String, risk: RiskAnalysis?) -> String? {
        guard let risk, let base = risk.base, let mine = base.strategies.first(where: { $0.name == winner }) else {
            return nil
        }
        let rival = base.strategies.filter { $0.name != winner }.max { $0.pLowest < $1.pLowest }
        return RiskWording.lead(
            strategy: winner, share: mine.pLowest, runs: risk.result.runs,
            rival: rival.map { ($0.name, $0.pLowest) }, deciding: decidingInputs(base.tornado))
    }

    /// The inputs that decide it: the tornado's largest swings, at most three, leaving out those
    /// with under a tenth of the largest swing (they would not change the decision on their own).
    static func decidingInputs(_ tornado: ScenarioSimulation.Tornado?) -> [String] {
        guard let tornado, let largest = tornado.inputs.first?.swing, largest > 0 else { return [] }
        return tornado.inputs.prefix(3).filter { $0.swing >= 0.1 * largest }.map(\.path)
    }

    /// Every key of the simulation, empty: a template names them all, and an unknown tag is an error.
    static var noRisk: [String: Any] {
        [
            "has_risk": false, "risk_sentence": "", "risk_runs": "", "risk_seed": "", "risk_basis": "",
            "risk_rows": [[String: Any]](), "risk_scenarios": [[String: Any]](), "risk_tornado_strategy": "",
            "risk_tornado_against": "", "risk_tornado": [[String: Any]](), "risk_tornado_still": "",
            "has_risk_tornado_still": false, "has_risk_tornado_chart": false,
            "risk_tornado_chart_file": "",
        ]
    }

    /// The memo keys of the simulation (`has_risk` false without one).
    static func riskContext(_ loaded: LoadedModel, risk: RiskAnalysis?, winner: String, stem: String) -> [String: Any] {
        guard let risk, let base = risk.base else { return noRisk }
        let currency = loaded.base.currency
        func money(_ x: Double) -> String { MoneyFormat.short(x, currency: currency) }
        let runs = risk.result.runs
        let rows: [[String: Any]] = base.strategies.map { s in
            [
                "strategy": s.name, "is_winner": s.name == winner,
                "p_lowest": RiskWording.inRuns(share: s.pLowest, runs: runs),
                "npv_p5": money(s.npvCost.p5), "npv_p50": money(s.npvCost.p50), "npv_p95": money(s.npvCost.p95),
                "regret": money(s.expectedRegret),
            ]
        }
        let scenarios: [[String: Any]] = risk.result.scenarios.map { scenario in
            let top = scenario.strategies.max { $0.pLowest < $1.pLowest }
            return [
                "name": scenario.name, "strategy": top?.name ?? "",
                "share": top.map { RiskWording.inRuns(share: $0.pLowest, runs: runs) } ?? "",
            ]
        }
        let texts = Dictionary(zip(risk.result.inputs, risk.texts), uniquingKeysWith: { first, _ in first })
        // An input that does not move this comparison (it feeds neither strategy) is named once,
        // not given a row of zeros.
        let moving = (base.tornado?.inputs ?? []).filter { $0.swing > 0 }
        let still = (base.tornado?.inputs ?? []).filter { $0.swing == 0 }.map { "`\($0.path)`" }
        // The value the model file writes, beside the range: a range whose middle is not the model's
        // value (a lognormal's median is the geometric mean of its ends) shifts every percentile.
        let written = Dictionary(loaded.inputs.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        let tornado: [[String: Any]] = moving.enumerated().map { index, input in
            [
                "rank": index + 1, "key": input.path, "range": MarkdownText.inline(texts[input.path] ?? ""),
                "model": MarkdownText.inline(written[input.path] ?? "default"),
                "low": money(input.savingsLow), "high": money(input.savingsHigh), "swing": money(input.swing),
            ]
        }
        return [
            "has_risk": true,
            "risk_sentence": riskLead(winner: winner, risk: risk) ?? "",
            "risk_runs": RiskWording.count(runs),
            "risk_seed": String(risk.result.seed),
            "risk_basis": loaded.base.finance.taxRate > 0 ? "NPV of cost after tax" : "NPV of cost",
            "risk_rows": rows,
            "risk_scenarios": scenarios,
            "risk_tornado_strategy": base.tornado?.strategy ?? "",
            "risk_tornado_against": base.tornado?.against ?? "",
            "risk_tornado": tornado,
            "risk_tornado_still": still.joined(separator: ", "),
            "has_risk_tornado_still": !still.isEmpty,
            "has_risk_tornado_chart": !MemoCharts.riskFiles(loaded, risk: risk, stem: stem).isEmpty,
            "risk_tornado_chart_file": MemoCharts.linkTarget(MemoCharts.riskTornadoName(stem: stem)),
        ]
    }
}
