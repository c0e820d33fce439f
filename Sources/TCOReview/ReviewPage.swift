import TCOCharts
import TCOCore
import TCOLoading
import TCOMemo

/// The review page: the decision, the strategy × scenario matrix, the charts (the memo's own
/// SVG), the break-evens, the tornado and the what-if controls, as one HTML document.
public enum ReviewPage {
    /// How many drivers get a control without being searched for.
    static let driverControls = 6

    /// The whole document for `view`; `shown` are inputs the user asked controls for.
    public static func document(_ view: ReviewView, shown: [String]) -> String {
        let title = view.snapshot?.loaded.base.title ?? view.modelPath
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escaped(title)) — TokenTCO review</title>
            <style>\(ReviewAssets.css)</style></head>
            <body data-version="\(view.version)">
            <header><h1>\(HTML.escaped(title))</h1>
            <p class="file">Model file <code>\(HTML.escaped(view.modelPath))</code> · the page follows the file: \
            save it and the page reloads.</p></header>
            <main id="live">\(live(view, shown: shown))</main>
            <script>\(ReviewAssets.script)</script>
            </body></html>
            """
    }

    /// The part of the page that a what-if re-renders.
    public static func live(_ view: ReviewView, shown: [String]) -> String {
        var parts: [String] = []
        if let problems = view.fileProblems {
            parts.append("""
                <section class="problems" id="file-problems"><h2>The model file is invalid</h2>
                <p>The results below are from the last version that loaded (greyed out). Fix the file and save it; \
                these are the errors exactly as <code>tco check</code> prints them:</p>
                <pre>\(HTML.escaped(problems))</pre></section>
                """)
        }
        if let problems = view.whatIfProblems {
            parts.append(whatIfError(problems))
        }
        guard let snapshot = view.snapshot else {
            return parts.joined() + "<p>No version of the model file has loaded yet.</p>"
        }
        let stale = view.isStale ? " stale" : ""
        parts.append("<div class=\"results\(stale)\">")
        parts.append(decision(snapshot, risk: view.changes.isEmpty ? view.risk : nil))
        parts.append(matrix(snapshot))
        parts.append(charts(snapshot))
        parts.append(breakEvens(snapshot))
        parts.append(tornado(snapshot))
        parts.append("</div>")
        parts.append(ReviewControls.panel(view, snapshot: snapshot, shown: shown))
        return parts.joined(separator: "\n")
    }

    /// The error box of a what-if the model refused; nothing else changes.
    static func whatIfError(_ problems: String) -> String {
        """
        <section class="problems" id="whatif-problems"><h2>That what-if was not applied</h2>
        <pre>\(HTML.escaped(problems))</pre></section>
        """
    }

    static func decision(_ snapshot: ReviewSnapshot, risk: ReviewRisk? = nil) -> String {
        let model = snapshot.loaded.base
        let currency = model.currency
        guard let base = snapshot.results.first, let winner = base.strategy(named: snapshot.recommended) else {
            return ""
        }
        let losses = snapshot.results.filter { result in
            result.strategies.min { $0.npvCostAfterTax < $1.npvCostAfterTax }?.name != winner.name
        }
        let wins = snapshot.results.count - losses.count
        var sentence = "<strong>\(HTML.escaped(winner.name))</strong> has the lowest \(snapshot.npvName) in the base "
            + "scenario, " + MoneyFormat.short(winner.npvCostAfterTax, currency: currency)
        if winner.name != model.baseline, let baseline = base.strategy(named: model.baseline) {
            let saving = baseline.npvCostAfterTax - winner.npvCostAfterTax
            sentence += ", \(MoneyFormat.short(saving, currency: currency)) below the baseline "
                + "<strong>\(HTML.escaped(baseline.name))</strong>"
        } else {
            sentence += "; it is the baseline"
        }
        sentence += ", and is cheapest in \(wins) of \(snapshot.results.count) scenarios"
        // The exceptions by name: a reader asks "which one?".
        sentence += losses.isEmpty ? "." : " (not in " + losses.map { "<em>\(HTML.escaped($0.name))</em>" }
            .joined(separator: ", ") + ")."
        if let odds = risk?.sentence(recommended: winner.name) {
            sentence += " " + odds.prefix(1).uppercased() + odds.dropFirst()
        }
        return "<section><h2>Decision</h2><p class=\"decision\" id=\"decision\">\(sentence)</p></section>"
    }

    static func matrix(_ snapshot: ReviewSnapshot) -> String {
        let currency = snapshot.loaded.base.currency
        let names = snapshot.loaded.base.strategies.map(\.name)
        let model = snapshot.loaded.base
        var html = "<section><h2>\(snapshot.npvName) by strategy and scenario</h2>"
            + "<table class=\"matrix\" id=\"matrix\">"
        html += "<thead><tr><th>Strategy</th>"
        for result in snapshot.results { html += "<th>\(HTML.escaped(result.name))</th>" }
        html += "</tr></thead><tbody>"
        for name in names {
            let isBaseline = name == snapshot.loaded.base.baseline
            html += "<tr><th>\(HTML.escaped(name))\(isBaseline ? " <span class=\"tag\">baseline</span>" : "")</th>"
            for result in snapshot.results {
                guard let strategy = result.strategy(named: name) else {
                    html += "<td>—</td>"
                    continue
                }
                let cheapest = result.strategies.min { $0.npvCostAfterTax < $1.npvCostAfterTax }?.name == name
                html += "<td class=\"npv\(cheapest ? " cheapest" : "")\" data-scenario=\"\(HTML.escaped(result.name))\" "
                    + "data-strategy=\"\(HTML.escaped(name))\" data-npv=\"\(HTML.exact(strategy.npvCostAfterTax))\">"
                    + MoneyFormat.full(strategy.npvCostAfterTax, currency: currency)
                    + (cheapest ? " <span class=\"star\" title=\"cheapest in this scenario\">★</span>" : "") + "</td>"
            }
            html += "</tr>"
        }
        let years = Double(model.horizonMonths) / 12
        let horizon = years == years.rounded() ? "\(Int(years)) years" : "\(model.horizonMonths) months"
        let percent = model.discountRate * 100
        let rate = MoneyFormat.grouped(percent, decimals: percent == percent.rounded() ? 0 : 2)
        return html + "</tbody></table><p class=\"note\">★ cheapest in the scenario. NPV of cash cost"
            + (snapshot.isTaxed ? " after tax (less the tax shield on P&amp;L cost)" : "")
            + " over \(horizon) from \(model.start), discounted at \(rate) % a year (a scenario may change the "
            + "rate).</p></section>"
    }

    static func charts(_ snapshot: ReviewSnapshot) -> String {
        let files = MemoCharts.files(snapshot.loaded, results: snapshot.results, stem: "review")
        return "<section class=\"charts\"><h2>Charts (base scenario)</h2>"
            + files.map { "<figure>\(HTML.inline(svg: $0.svg))</figure>" }.joined() + "</section>"
    }

    static func breakEvens(_ snapshot: ReviewSnapshot) -> String {
        guard let base = snapshot.results.first, !base.comparisons.isEmpty else { return "" }
        let currency = snapshot.loaded.base.currency
        var html = "<section><h2>Against the baseline (\(HTML.escaped(snapshot.loaded.base.baseline)))</h2>"
        html += "<table class=\"breakevens\" id=\"breakevens\"><thead><tr><th>Strategy</th><th>NPV savings</th>"
        html += "<th>Payback</th><th>As volume moves</th><th>As API prices move</th></tr></thead><tbody>"
        for comparison in base.comparisons {
            let payback = comparison.paybackMonth.map { "month \($0)" } ?? "never"
            html += "<tr><th>\(HTML.escaped(comparison.strategy))</th>"
                + "<td data-savings=\"\(HTML.exact(comparison.npvSavings))\">"
                + "\(MoneyFormat.full(comparison.npvSavings, currency: currency))</td><td>\(payback)</td>"
                + "<td>\(HTML.escaped(MemoContext.breakEvenSentence(comparison.breakEvenVolume, of: .volume)))</td>"
                + "<td>\(HTML.escaped(MemoContext.breakEvenSentence(comparison.breakEvenPrice, of: .apiPrice)))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    static func tornado(_ snapshot: ReviewSnapshot) -> String {
        guard let challenger = snapshot.challenger, let center = snapshot.challengerSavings,
            !snapshot.sensitivity.isEmpty
        else { return "" }
        let currency = snapshot.loaded.base.currency
        let baseline = snapshot.loaded.base.baseline
        let rows = snapshot.sensitivity.prefix(8).map { TornadoRow(label: $0.label, low: $0.savingsLow, high: $0.savingsHigh) }
        let svg = TornadoChart.svg(
            rows: Array(rows), center: center, currency: currency,
            title: "What moves \(challenger)'s NPV savings against \(baseline)",
            subtitle: "Each input 20 % lower and higher, the others at the forecast · base scenario · \(currency)")
        // The memo's name for the same ±20 % view; "What decides it" is the uncertainty ranges' (memo, simulate).
        return "<section class=\"charts\" id=\"tornado\"><h2>What drives the result</h2>"
            + "<figure>\(HTML.inline(svg: svg))</figure>"
            + "</section>"
    }
}
