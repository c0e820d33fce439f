import TCOCore

/// The sentences that say how sure a recommendation is, from a Monte Carlo simulation. Never more
/// certain than the runs: a share that would round to 0 % or 100 % is given as a count of runs,
/// and every share says how many runs it is out of.
public enum RiskWording {
    /// Below this share of runs the decision is called a close call.
    public static let closeCallShare = 0.8

    /// `10000` → `10,000`.
    static func count(_ n: Int) -> String { MoneyFormat.grouped(Double(n)) }

    /// How many of the runs: `in 62 % of 10,000 runs`, `in all 10,000 runs`, `in none of the 10,000
    /// runs`, `in 9,999 of 10,000 runs` (not "100 %"), `in 3 of 10,000 runs` (not "0 %").
    public static func inRuns(share: Double, runs: Int) -> String {
        let hits = Int((share * Double(runs)).rounded())
        if runs == 1 { return hits == 1 ? "in the single run" : "not in the single run" }
        if hits >= runs { return "in all \(count(runs)) runs" }
        if hits <= 0 { return "in none of the \(count(runs)) runs" }
        let percent = (Double(hits) * 100 / Double(runs)).rounded()
        if percent >= 100 || percent <= 0 { return "in \(count(hits)) of \(count(runs)) runs" }
        return "in \(Int(percent)) % of \(count(runs)) runs"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// Whether a share of runs makes the decision a close call.
    public static func isCloseCall(_ share: Double) -> Bool { share < closeCallShare }

    /// The sentence that opens the recommendation: a close call says so first, with the strongest
    /// rival and the inputs that decide it; a clear decision states its share.
    /// - Parameters:
    ///   - strategy: the recommended strategy; `share` the share of runs in which it is the cheapest.
    ///   - rival: the strategy most often cheapest among the others, and its share.
    ///   - deciding: the inputs that decide it, largest swing first (two or three are named).
    public static func lead(
        strategy: String, share: Double, runs: Int, rival: (name: String, share: Double)?, deciding: [String]
    ) -> String {
        let named = deciding.prefix(3).map { "`\($0)`" }
        if isCloseCall(share) {
            var sentence = "A close call: **\(strategy)** is the cheapest \(inRuns(share: share, runs: runs))"
            if let rival, rival.share > 0 {
                sentence += " over the uncertainty ranges, **\(rival.name)** \(inRuns(share: rival.share, runs: runs))"
            } else {
                sentence += " over the uncertainty ranges"
            }
            if !named.isEmpty { sentence += "; it turns on \(list(named))" }
            return sentence + "."
        }
        var sentence = "**\(strategy)** is the cheapest \(inRuns(share: share, runs: runs)) over the uncertainty ranges"
        if !named.isEmpty { sentence += "; what moves it most is \(list(named))" }
        return sentence + "."
    }

    /// The recommendation's verdict as firm as a close call allows: "Adopt **X**." becomes "On the
    /// forecast inputs **X** is cheaper; settle the inputs it turns on before adopting it.", "Keep
    /// **X**." likewise. A paragraph that opens otherwise is left as it is.
    public static func hedged(_ paragraph: String, strategy: String) -> String {
        let verdicts = [
            ("Adopt **\(strategy)**. ", "On the forecast inputs **\(strategy)** is cheaper; settle the inputs it turns "
                + "on before adopting it. "),
            ("Keep **\(strategy)**. ", "On the forecast inputs **\(strategy)** stays the cheapest; settle the inputs "
                + "it turns on before ruling out the others. "),
        ]
        for (firm, hedge) in verdicts where paragraph.hasPrefix(firm) {
            return hedge + paragraph.dropFirst(firm.count)
        }
        return paragraph
    }
}
