import TCOCore
import TCOLoading

/// One solve of the model file with the meeting's what-if changes: what the page shows.
public struct ReviewSnapshot: Sendable {
    public var loaded: LoadedModel
    /// Every scenario solved, base first.
    public var results: [ScenarioResult]
    /// The strategy the page argues for (the base scenario's cheapest after tax, the comparisons'
    /// basis) and the one it is measured
    /// against (the baseline, or when the baseline wins, its nearest challenger).
    public var recommended: String
    public var challenger: String?
    /// ±20 % on each input, on the challenger's NPV savings against the baseline, largest first.
    public var sensitivity: [SensitivityResult]

    /// Solves `loaded` and ranks its drivers.
    public init(_ loaded: LoadedModel) {
        self.loaded = loaded
        results = loaded.solvedScenarios()
        let base = results.first
        let cheapest = base?.strategies.min { $0.npvCostAfterTax < $1.npvCostAfterTax }?.name ?? loaded.base.baseline
        recommended = cheapest
        let baseline = loaded.base.baseline
        challenger = cheapest != baseline ? cheapest
            : base?.strategies.filter { $0.name != baseline }.min { $0.npvCostAfterTax < $1.npvCostAfterTax }?.name
        sensitivity = challenger.map {
            Solver.sensitivity(of: $0, in: loaded.base, written: loaded.writtenPaths)
        } ?? []
    }

    /// Whether some scenario has a tax rate: the page then compares, as the memo does, on NPV of cost
    /// after tax (with no tax it is the NPV of cost, to the bit).
    public var isTaxed: Bool { loaded.scenarios.contains { $0.model.finance.taxRate > 0 } }

    /// "NPV of cost after tax" or "NPV of cost": what the page compares.
    public var npvName: String { isTaxed ? "NPV of cost after tax" : "NPV of cost" }

    /// The NPV savings of the challenger against the baseline in the base scenario.
    public var challengerSavings: Double? {
        guard let challenger else { return nil }
        return results.first?.comparisons.first { $0.strategy == challenger }?.npvSavings
    }
}
