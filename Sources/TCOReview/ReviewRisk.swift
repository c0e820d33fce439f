import TCOCore
import TCOLoading
import TCOMemo

/// How sure the page's decision is: the base scenario simulated over the file's `uncertainty`
/// block, once per version of the file (not per what-if). The block's own runs, as the memo and
/// `tco simulate` use them (so all three say the same share), up to a cap that keeps a save in the
/// meeting reloading within a second: 10,000 runs of one scenario take a few hundredths of one.
public struct ReviewRisk: Sendable {
    /// At most this many runs on the page; the report uses the block's own count.
    public static let maximumRuns = 20_000

    public var runs: Int
    /// The block's runs (more than `runs` when capped).
    public var blockRuns: Int
    public var base: ScenarioSimulation

    /// The simulation of `loaded`'s base scenario, or `nil` without an `uncertainty` block.
    public init?(_ loaded: LoadedModel, maximumRuns: Int = ReviewRisk.maximumRuns) {
        guard let plan = loaded.uncertainty, let scenario = loaded.simulationScenarios(plan).first else { return nil }
        runs = Swift.min(plan.runs, maximumRuns)
        blockRuns = plan.runs
        base = Simulation.runSerially(
            inputs: plan.inputs, scenario: scenario, baseline: loaded.base.baseline, runs: runs, seed: plan.seed)
    }

    /// `<strong>rent</strong> is the cheapest in 62 % of 2,000 runs … — a close call.` (HTML).
    func sentence(recommended: String) -> String? {
        guard let share = base.strategies.first(where: { $0.name == recommended })?.pLowest else { return nil }
        let close = RiskWording.isCloseCall(share)
        return (close ? "A close call: " : "")
            + "over the uncertainty ranges of the model file, <strong>\(HTML.escaped(recommended))</strong> is the "
            + "cheapest \(RiskWording.inRuns(share: share, runs: runs))"
            + (runs < blockRuns ? " (the report runs all \(MoneyFormat.grouped(Double(blockRuns))))" : "")
            + "."
    }
}
