import TCOCharts
import TCOCore
import TCOLoading

extension MemoCharts {
    /// `<stem>-risk-tornado.svg`: the simulation's tornado, base scenario.
    public static func riskTornadoName(stem: String) -> String { "\(stem)-risk-tornado.svg" }

    /// The tornado of the Monte Carlo simulation (each input at its 5th and 95th percentile), for a
    /// memo called `<stem>.md`; none without a simulation or a tornado.
    public static func riskFiles(_ loaded: LoadedModel, risk: RiskAnalysis?, stem: String) -> [File] {
        guard let risk, let svg = riskTornadoSVG(loaded, risk: risk) else { return [] }
        return [File(name: riskTornadoName(stem: stem), svg: svg)]
    }

    /// The SVG of the base scenario's simulation tornado, around the savings at the model's values.
    static func riskTornadoSVG(_ loaded: LoadedModel, risk: RiskAnalysis) -> String? {
        guard let tornado = risk.base?.tornado, !tornado.inputs.isEmpty,
            let center = Self.savings(loaded, of: tornado.strategy, against: tornado.against)
        else { return nil }
        let model = loaded.base
        return TornadoChart.svg(
            rows: tornado.inputs.filter { $0.swing > 0 }.map { TornadoRow(label: $0.path, low: $0.savingsLow, high: $0.savingsHigh) },
            center: center, currency: model.currency,
            title: "What decides \(tornado.strategy) against \(tornado.against)",
            subtitle: "NPV savings, each input at its 5th and 95th percentile · base scenario · \(model.currency)",
            lowLabel: "input at P5", highLabel: "input at P95")
    }

    /// `against`'s NPV minus `strategy`'s at the model's values (base scenario): the tornado's centre.
    static func savings(_ loaded: LoadedModel, of strategy: String, against: String) -> Double? {
        let npvs = Simulation.npvs(of: loaded.base)
        let names = loaded.base.strategies.map(\.name)
        guard let s = names.firstIndex(of: strategy), let a = names.firstIndex(of: against) else { return nil }
        return npvs[a] - npvs[s]
    }
}
