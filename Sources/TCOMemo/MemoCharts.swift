import TCOCharts
import TCOCore
import TCOLoading

/// The memo's charts, drawn as SVG files to sit beside it: unlike the Mermaid block, an SVG image
/// shows in Word, Outlook and any browser.
public enum MemoCharts {
    /// One chart file: its name in the memo's folder and its SVG text.
    public struct File: Sendable, Hashable {
        public var name: String
        public var svg: String
    }

    /// `<stem>-cumulative-cost.svg`: cumulative cash cost per strategy, base scenario.
    public static func cumulativeCostName(stem: String) -> String { "\(stem)-cumulative-cost.svg" }

    /// `<stem>-cost-per-mtok.svg`: levelized cost per million tokens per strategy, base scenario.
    public static func costPerMillionTokensName(stem: String) -> String { "\(stem)-cost-per-mtok.svg" }

    /// Both charts of the base scenario (`results` first), named for a memo called `<stem>.md`.
    public static func files(_ loaded: LoadedModel, results: [ScenarioResult], stem: String) -> [File] {
        guard let base = results.first else { return [] }
        let model = loaded.base
        let subtitle = "\(model.title) · base scenario · \(model.currency)"
        // Cash cost counts the servers' book value at the horizon as an inflow in the last month
        // (calculations.md): the drop there is that, not a sale, and the chart says so.
        let bookValue = base.strategies.contains { $0.terminalValue > 0 }
        let cumulative = CumulativeCostChart.svg(
            series: base.strategies.map { .cumulative(name: $0.name, monthly: $0.monthly.cost) },
            start: model.start, currency: model.currency,
            subtitle: bookValue
                ? "Base scenario · \(model.currency) · the last month counts the servers' book value back" : subtitle)
        let perMillion = CostPerMillionTokensChart.svg(
            bars: base.strategies.map { ChartBar(name: $0.name, value: $0.levelizedCostPerMillionTokens) },
            currency: model.currency, subtitle: subtitle)
        return [
            File(name: cumulativeCostName(stem: stem), svg: cumulative),
            File(name: costPerMillionTokensName(stem: stem), svg: perMillion),
        ]
    }

    /// `name` as a Markdown link target: characters that would end or break the link are
    /// percent-encoded (`my model-cost-per-mtok.svg` → `my%20model-cost-per-mtok.svg`).
    static func linkTarget(_ name: String) -> String {
        var out = ""
        for character in name {
            switch character {
            case "%": out += "%25"
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.append(character)
            }
        }
        return out
    }
}
