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
    /// Every input of the simulation: each run draws all of them, in order, from one stream.
    let inputs: [UncertainInput]
    /// Indices of the inputs written into the model (those the scenario does not keep), in order.
    let drawn: [Int]
    /// The scenario's own solver: the derived lines of a run start as its lines.
    let base: Solver
    /// Every strategy, in file order.
    let strategies: [StrategyPlan]
    /// Derived lines the draws can change.
    let redo: Redo
    /// PUE of a model without a facility block (the solver's default facility).
    let defaultPUE = Facility(electricityPerKilowattHour: 0).pue

    /// Which derived lines a run derives again; all others stay the scenario solver's. Chosen from
    /// the drawn inputs' paths: a path names the section and item it writes (InputSetter), and a
    /// path of any other form derives everything again, which is slower but still exact.
    struct Redo: Sendable {
        var discount = false
        var electricity = false
        var colocation = false
        /// Requests of workload `w` (its `requests` or `growth`).
        var workloads: [Bool]
        /// Trend and price levels of option `o`, and its scalars (throughputs, batch discount, long context).
        var options: [Bool]
        var staff: [Bool]

        init(paths: [String], model: Model) {
            workloads = model.workloads.map { _ in false }
            options = model.serving.map { _ in false }
            staff = model.staff.map { _ in false }
            for path in paths { mark(path, model: model) }
        }

        private mutating func mark(_ path: String, model: Model) {
            let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let name = parts.count > 1 ? parts[1] : ""
            switch parts.first {
            case "discount_rate":
                discount = true
            case "workloads":
                if let w = model.workloads.firstIndex(where: { $0.name == name }) {
                    workloads[w] = workloads[w] || parts.last == "requests" || parts.last == "growth"
                } else {
                    markAll()
                }
            case "serving":
                if let o = model.serving.firstIndex(where: { $0.name == name }) { options[o] = true } else { markAll() }
            case "staff":
                if let r = model.staff.firstIndex(where: { $0.name == name }) { staff[r] = true } else { markAll() }
            case "facility":
                switch name {
                case "pue": break
                case "electricity", "electricity_change": electricity = true
                case "colocation": colocation = true
                default: markAll()
                }
            case "hardware", "strategies", "finance":
                // Read from the model in every run (scalars), nothing derived to redo.
                break
            default:
                markAll()
            }
        }

        private mutating func markAll() {
            discount = true
            electricity = true
            colocation = true
            workloads = workloads.map { _ in true }
            options = options.map { _ in true }
            staff = staff.map { _ in true }
        }
    }

    /// Compiles `scenario` for runs drawing `inputs`.
    init(scenario: SimulationScenario, inputs: [UncertainInput]) {
        let model = scenario.model
        self.model = model
        months = model.horizonMonths
        self.inputs = inputs
        drawn = inputs.indices.filter { !scenario.keptInputs.contains($0) }
        let base = Solver(model: model)
        self.base = base
        strategies = model.strategies.indices.map { StrategyPlan(strategy: $0, solver: base) }
        redo = Redo(paths: drawn.map { inputs[$0].path }, model: model)
    }
}
