/// One scenario compiled for its Monte Carlo runs (architecture.md, "Simulation/ — Plan"): every
/// name resolved to an index once, what no draw can change (routes, API flows, commitments, who
/// pays which staff) laid out per strategy, and the derived lines (trends, price levels, staff
/// costs) a run must derive again because a drawn input feeds them. A run is then array arithmetic
/// in a `PlanWorker`'s buffers: no look-up by name, no model copy, no allocation per month.
///
/// The plan does the solver's arithmetic term for term and adds into each line in the solver's
/// order, so a run's NPVs are the solver's bit for bit (docs/decisions.md, "Monte Carlo plan";
/// SimulationFastPathTests compares the two on every section's inputs).
struct SimulationPlan: Sendable {
    /// The scenario's model (its overrides applied, no draw).
    let model: Model
    let months: Int
    /// Every input of the simulation: each run draws all of them, in order, from one stream (with
    /// the scenario's own setters).
    let inputs: [UncertainInput]
    /// Indices of the inputs written into the model (those the scenario does not keep), in order.
    let drawn: [Int]
    /// Drawn inputs written by the scenario's own setter (`SimulationScenario.setters`).
    let ownSetters: Set<Int>
    /// The scenario's own solver: the derived lines of a run start as its lines.
    let base: Solver
    /// Every strategy, in file order.
    let strategies: [StrategyPlan]
    /// Derived lines the draws can change.
    let redo: Redo
    /// PUE of a model without a facility block (the solver's default facility).
    let defaultPUE = Facility(electricityPerKilowattHour: 0).pue

    /// Compiles `scenario` for runs drawing `inputs`.
    init(scenario: SimulationScenario, inputs: [UncertainInput]) {
        let model = scenario.model
        self.model = model
        months = model.horizonMonths
        self.inputs = scenario.inputs(inputs)
        drawn = inputs.indices.filter { !scenario.keptInputs.contains($0) }
        ownSetters = Set(drawn.filter { scenario.setters[$0] != nil })
        let base = Solver(model: model)
        self.base = base
        strategies = model.strategies.indices.map { StrategyPlan(strategy: $0, solver: base) }
        redo = Redo(paths: drawn.map { inputs[$0].path }, model: model)
    }

    /// The inputs that may take other values in this scenario's model than in `other`'s in a run:
    /// drawn in one and kept in the other, or written by a scenario's own setter in either. Every
    /// other drawn input goes into both through the same setter with the same value.
    func differentlyDrawn(from other: SimulationPlan) -> [Int] {
        let common = Set(drawn).intersection(other.drawn)
        let differing = Set(drawn).symmetricDifference(other.drawn)
            .union(common.filter { ownSetters.contains($0) || other.ownSetters.contains($0) })
        return differing.sorted()
    }

    /// Whether a part of the model is the same in every run in this scenario and in `other`: what
    /// `reads` sees of this plan's model is identical to what `otherReads` sees of `other`'s, and no
    /// input that may differ between them (`differentlyDrawn`) can change either (probed through
    /// each plan's own setter). `zerosUnsigned`: neither model holds a −0.
    func holdsTheSame<Reads: Equatable>(
        _ reads: (Model) -> Reads, as other: SimulationPlan, reads otherReads: (Model) -> Reads, zerosUnsigned: Bool
    ) -> Bool {
        guard reads(model).isIdentical(to: otherReads(other.model), zerosUnsigned: zerosUnsigned) else { return false }
        return !differentlyDrawn(from: other).contains { i in
            inputs[i].canChange(reads, in: model) || other.inputs[i].canChange(otherReads, in: other.model)
        }
    }
}
