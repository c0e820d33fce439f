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

    /// One strategy in one scenario, in both versions.
    public struct ResultChange: Sendable {
        public var scenario: String
        public var strategy: String
        public var old: StrategyResult
        public var new: StrategyResult
        public var oldPayback: Int?
        public var newPayback: Int?
        /// NPV of cost B − A (negative: B is cheaper).
        public var npvDelta: Double { new.npvCost - old.npvCost }
    }

    /// The strategy with the lowest NPV of cost in a scenario, in each version.
    public struct Winner: Sendable {
        public var scenario: String
        public var old: String
        public var new: String
    }

    public var inputChanges: [InputChange]
    public var results: [ResultChange]
    public var winners: [Winner]

    /// Compares `a` (solved into `resultsA`) with `b` (`resultsB`).
    public init(_ a: LoadedModel, _ resultsA: [ScenarioResult], _ b: LoadedModel, _ resultsB: [ScenarioResult]) {
        func values(_ m: LoadedModel) -> [(String, String)] {
            m.inputs.map { ($0.path, $0.text) }
                + m.scenarios.flatMap { s in s.overrides.map { ("scenarios.\(s.name).\($0.path)", $0.text) } }
        }
        let old = values(a), new = values(b)
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

        var moved: [ResultChange] = []
        var winners: [Winner] = []
        for ra in resultsA {
            guard let rb = resultsB.first(where: { $0.name == ra.name }) else { continue }
            for sa in ra.strategies {
                guard let sb = rb.strategy(named: sa.name) else { continue }
                moved.append(ResultChange(
                    scenario: ra.name, strategy: sa.name, old: sa, new: sb,
                    oldPayback: ra.comparisons.first { $0.strategy == sa.name }?.paybackMonth,
                    newPayback: rb.comparisons.first { $0.strategy == sa.name }?.paybackMonth))
            }
            let wa = ra.strategies.min { $0.npvCost < $1.npvCost }?.name ?? ""
            let wb = rb.strategies.min { $0.npvCost < $1.npvCost }?.name ?? ""
            winners.append(Winner(scenario: ra.name, old: wa, new: wb))
        }
        results = moved
        self.winners = winners
    }
}
