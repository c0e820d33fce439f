/// The derived lines a scenario's worker copies, run by run, from the base scenario's worker
/// instead of deriving them again (`PlanWorker.deriveDrawnLines`): those whose part of the model
/// (a workload, an option, a staff role, the facility, the discount rate) the scenario does not
/// change, and which no input drawn in one of the two scenarios but kept in the other can reach.
/// The same part with the same draws written in by the same setters gives the same line, bit for
/// bit; a copy of sixty numbers is cheaper than a line's levels, let alone its trend's `pow` calls
/// (example-v2: every scenario copies all or most of its lines).
///
/// The base scenario's worker derives every drawn line in every run (no strategy of it is taken
/// from another scenario), so what is copied is always the current run's.
struct SharedDerivations: Sendable {
    var discount = false
    var facility = false
    var workloads: [Bool]
    var options: [Bool]
    var staff: [Bool]
    /// Drawn inputs (indices into the simulation's inputs) that reach nothing of the worker's model
    /// but the sources of the copied lines (`unsharedReads`): the worker does not write them.
    var unwritten: Set<Int> = []

    /// Nothing shared: the base scenario's own.
    init(nothingOf model: Model) {
        workloads = model.workloads.map { _ in false }
        options = model.serving.map { _ in false }
        staff = model.staff.map { _ in false }
    }

    /// What `plan`'s worker can copy from the worker of `base`, the base scenario's plan.
    /// `zerosUnsigned`: no model of the simulation holds a −0 (`Model.mayHoldNegativeZero`).
    init(plan: SimulationPlan, base: SimulationPlan, zerosUnsigned: Bool = false) {
        self.init(nothingOf: plan.model)
        let model = plan.model, baseModel = base.model
        guard plan.months == base.months,
              model.workloads.count == baseModel.workloads.count, model.serving.count == baseModel.serving.count,
              model.staff.count == baseModel.staff.count
        else { return }
        func same<Part: Equatable>(_ reads: (Model) -> Part) -> Bool {
            plan.holdsTheSame(reads, as: base, reads: reads, zerosUnsigned: zerosUnsigned)
        }
        discount = same { $0.discountRate }
        facility = same { $0.facility }
        workloads = model.workloads.indices.map { w in same { $0.workloads[w] } }
        options = model.serving.indices.map { o in same { $0.serving[o] } }
        staff = model.staff.indices.map { r in same { $0.staff[r] } }
        let shared = self
        unwritten = Set(plan.drawn.filter { !plan.inputs[$0].canChange({ shared.unsharedReads(of: $0) }, in: model) })
    }

    /// `model` with what a worker copying these lines never reads of its own model set to fixed
    /// values: the sources of the copied lines (a workload's requests and growth, a copied option
    /// whole, as its scalars are copied too, a staff role's count and costs, the facility's
    /// electricity and colocation prices, the discount rate). A drawn input that changes nothing
    /// else need not be written into the worker's model at all (`PlanWorker.setters`).
    func unsharedReads(of model: Model) -> Model {
        var model = model
        if discount { model.discountRate = 0 }
        if facility {
            model.facility?.electricityPerKilowattHour = Schedule(0)
            model.facility?.electricityChange = .zero
            model.facility?.colocationPerKilowattMonth = Schedule(0)
        }
        for w in model.workloads.indices where w < workloads.count && workloads[w] {
            model.workloads[w].requests = Schedule(0)
            model.workloads[w].growth = .zero
        }
        for o in model.serving.indices where o < options.count && options[o] {
            model.serving[o] = ServingOption(name: "", kind: .placeholder)
        }
        for r in model.staff.indices where r < staff.count && staff[r] {
            model.staff[r].count = Schedule(0)
            model.staff[r].costPerYear = Schedule(0)
            model.staff[r].costChange = .zero
        }
        return model
    }

    /// The same flags in arrays of its own (`map`): a worker reads them every run, and arrays shared
    /// with the workers on the other core would have their reference counts contended.
    var ownCopy: SharedDerivations {
        var copy = self
        copy.workloads = workloads.map { $0 }
        copy.options = options.map { $0 }
        copy.staff = staff.map { $0 }
        return copy
    }
}

extension PlanWorker {
    /// What another scenario's worker copies from this one (`SharedDerivations`): its buffers and
    /// each option's scalars and every strategy's lines of the run.
    struct DerivedSource {
        let buffers: RunBuffers
        let gpuServing: UnsafeMutableBufferPointer<GPUServing>
        let apiTerms: UnsafeMutableBufferPointer<APITerms>
        /// The lines of every strategy of the run (`StrategyParts`).
        let keptLines: KeptLines?
    }

    var derivedSource: DerivedSource {
        DerivedSource(buffers: buffers, gpuServing: gpuServing, apiTerms: apiTerms, keptLines: keptLines)
    }

    /// Copies `from`'s drawn line into `to` (both `months` long).
    static func copy(_ from: UnsafeMutableBufferPointer<Double>, into to: UnsafeMutableBufferPointer<Double>) {
        _ = to.update(fromContentsOf: from)
    }
}
