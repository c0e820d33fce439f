import TCOCore

/// Two versions of a decision side by side: which inputs changed, and how every strategy's
/// results moved in each scenario present in both (`tco compare`).
public struct ModelComparison: Sendable {
    /// One input that differs, as written in each file (after `extends`); `nil` where absent.
    public struct InputChange: Sendable, Hashable {
        public var path: String
        public var old: String?
        public var new: String?

        public init(path: String, old: String?, new: String?) {
            self.path = path
            self.old = old
            self.new = new
        }
    }

    /// A strategy of A compared with a differently named strategy of B (`--match OLD=NEW`).
    public struct StrategyMatch: Sendable, Hashable {
        /// The strategy's name in A.
        public var old: String
        /// Its name in B.
        public var new: String

        public init(old: String, new: String) {
            self.old = old
            self.new = new
        }
    }

    /// One strategy in one scenario, in both versions.
    public struct ResultChange: Sendable {
        public var scenario: String
        /// The strategy's name in A.
        public var strategy: String
        /// Its name in B: the same unless matched to another name.
        public var newStrategy: String
        public var old: StrategyResult
        public var new: StrategyResult
        public var oldPayback: Int?
        public var newPayback: Int?
        /// Whether NPVs are compared after tax (`ModelComparison.afterTax`).
        public var afterTax: Bool
        /// NPV of cost in A and in B on the comparison's basis: after tax when either version has a
        /// tax rate (what savings, payback and the cheapest strategy are judged on), else before.
        public var oldNPV: Double { afterTax ? old.npvCostAfterTax : old.npvCost }
        /// B's NPV of cost on the same basis.
        public var newNPV: Double { afterTax ? new.npvCostAfterTax : new.npvCost }
        /// NPV of cost B − A on that basis (negative: B is cheaper).
        public var npvDelta: Double { newNPV - oldNPV }
        /// `hybrid`, or `hybrid → hybrid-h200` when the names differ.
        public var label: String { strategy == newStrategy ? strategy : "\(strategy) → \(newStrategy)" }
    }

    /// The strategy with the lowest NPV of cost (on the comparison's basis) in a scenario, in each version.
    public struct Winner: Sendable {
        public var scenario: String
        public var old: String
        public var new: String
        /// Whether B's winner is another strategy than A's (a matched pair counts as the same one).
        public var decisionChanges: Bool
    }

    public var inputChanges: [InputChange]
    public var results: [ResultChange]
    public var winners: [Winner]
    /// Strategies of A with no counterpart in B, and of B with none in A (their results are not compared).
    public var unpairedOld: [String]
    public var unpairedNew: [String]
    /// NPVs are compared after tax: either version has a tax rate in some scenario. The decision is
    /// then taken on cost after tax, as `tco solve` and the memo take it.
    public var afterTax: Bool
    /// When the two versions cover different months (start or horizon), the sentence that says so:
    /// their NPVs, totals and paybacks are then over different periods. `nil` when they agree.
    public var periodNote: String?
    /// "NPV of cost after tax" or "NPV of cost": what the NPV columns and the winner are on.
    public var npvBasis: String { afterTax ? "NPV of cost after tax" : "NPV of cost" }

    /// Compares `a` (solved into `resultsA`) with `b` (`resultsB`); strategies pair by name, or as
    /// `matches` says. Check `matches` first with `problems(with:a:b:)`.
    public init(
        _ a: LoadedModel, _ resultsA: [ScenarioResult], _ b: LoadedModel, _ resultsB: [ScenarioResult],
        matches: [StrategyMatch] = []
    ) {
        func values(_ m: LoadedModel) -> [(String, String)] {
            m.inputs.map { ($0.path, $0.text) }
                + m.scenarios.flatMap { s in s.overrides.map { ("scenarios.\(s.name).\($0.path)", $0.text) } }
        }
        // A matched strategy's inputs are compared under A's name: `strategies.own-gpus.route.x` of B
        // is `strategies.hybrid.route.x` of A, not an input absent in A and another added in B.
        // Not when B keeps a strategy of A's name that is not itself renamed: its paths would collide
        // with the renamed ones.
        let keptNamesB = Set(b.base.strategies.map(\.name)).subtracting(matches.map(\.new))
        let oldNames = Dictionary(matches.filter { !keptNamesB.contains($0.old) }.map { ($0.new, $0.old) },
                                  uniquingKeysWith: { first, _ in first })
        func renamed(_ path: String) -> String {
            var parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            // `strategies.NAME…` and `scenarios.S.strategies.NAME…`.
            let at = parts.first == "scenarios" ? 2 : 0
            guard parts.count > at + 1, parts[at] == "strategies", let old = oldNames[parts[at + 1]]
            else { return path }
            parts[at + 1] = old
            return parts.joined(separator: ".")
        }
        let old = values(a), new = values(b).map { (renamed($0.0), $0.1) }
        let oldMap = Dictionary(old, uniquingKeysWith: { first, _ in first })
        let newMap = Dictionary(new, uniquingKeysWith: { first, _ in first })
        var changes: [InputChange] = []
        for (path, text) in old where newMap[path] != text {
            changes.append(InputChange(path: path, old: text, new: newMap[path]))
        }
        for (path, text) in new where oldMap[path] == nil {
            changes.append(InputChange(path: path, old: nil, new: text))
        }
        inputChanges = changes

        let pairs = Self.pairs(a.base.strategies.map(\.name), b.base.strategies.map(\.name), matches: matches)
        unpairedOld = a.base.strategies.map(\.name).filter { pairs[$0] == nil }
        unpairedNew = b.base.strategies.map(\.name).filter { !pairs.values.contains($0) }
        let (ma, mb) = (a.base, b.base)
        periodNote = ma.start == mb.start && ma.horizonMonths == mb.horizonMonths ? nil
            : "A covers \(ma.horizonMonths) months from \(ma.start), B \(mb.horizonMonths) months from \(mb.start): "
                + "their NPVs, totals and paybacks are over different periods, so a change in them is partly "
                + "the period's."
        let afterTax = (a.scenarios + b.scenarios).contains { $0.model.finance.taxRate > 0 }
        self.afterTax = afterTax
        var moved: [ResultChange] = []
        var winners: [Winner] = []
        for ra in resultsA {
            guard let rb = resultsB.first(where: { $0.name == ra.name }) else { continue }
            for sa in ra.strategies {
                guard let newName = pairs[sa.name], let sb = rb.strategy(named: newName) else { continue }
                moved.append(ResultChange(
                    scenario: ra.name, strategy: sa.name, newStrategy: newName, old: sa, new: sb,
                    oldPayback: ra.comparisons.first { $0.strategy == sa.name }?.paybackMonth,
                    newPayback: rb.comparisons.first { $0.strategy == newName }?.paybackMonth, afterTax: afterTax))
            }
            func npv(_ s: StrategyResult) -> Double { afterTax ? s.npvCostAfterTax : s.npvCost }
            let wa = ra.strategies.min { npv($0) < npv($1) }?.name ?? ""
            let wb = rb.strategies.min { npv($0) < npv($1) }?.name ?? ""
            winners.append(Winner(scenario: ra.name, old: wa, new: wb, decisionChanges: pairs[wa] != wb))
        }
        results = moved
        self.winners = winners
    }

    /// A's strategy name → B's: the explicit matches, then every other name of A that B also has
    /// and no match has taken.
    static func pairs(_ oldNames: [String], _ newNames: [String], matches: [StrategyMatch]) -> [String: String] {
        var pairs = Dictionary(matches.map { ($0.old, $0.new) }, uniquingKeysWith: { first, _ in first })
        let taken = Set(matches.map(\.new))
        for name in oldNames where pairs[name] == nil && newNames.contains(name) && !taken.contains(name) {
            pairs[name] = name
        }
        return pairs
    }

    /// What is wrong with `matches` for these two models: a name neither model has as a strategy
    /// (with the nearest one), or a strategy matched twice. Empty when they can be used.
    public static func problems(with matches: [StrategyMatch], a: LoadedModel, b: LoadedModel) -> [String] {
        var problems: [String] = []
        func check(_ name: String, in model: LoadedModel, version: String, match: StrategyMatch) {
            let names = model.base.strategies.map(\.name)
            guard !names.contains(name) else { return }
            let near = Suggestion.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
            problems.append("--match \(match.old)=\(match.new): \(version) (\(model.path)) has no strategy '\(name)'; "
                + near + "its strategies: \(names.joined(separator: ", "))")
        }
        for match in matches {
            check(match.old, in: a, version: "A", match: match)
            check(match.new, in: b, version: "B", match: match)
        }
        for (version, names) in [("A", matches.map(\.old)), ("B", matches.map(\.new))] {
            var seen: Set<String> = [], reported: Set<String> = []
            for name in names where !seen.insert(name).inserted && reported.insert(name).inserted {
                problems.append("--match: strategy '\(name)' of \(version) is matched more than once")
            }
        }
        return problems
    }
}
