/// The derived lines a scenario's worker copies, run by run, from the base scenario's worker
/// instead of deriving them again (`PlanWorker.deriveDrawnLines`): those whose part of the model
/// (a workload, an option, a staff role, the facility, the discount rate) the scenario does not
/// change, when it also draws the same inputs. The same part with the same draws written in by
/// the same setters gives the same line, bit for bit; a copy of sixty numbers is cheaper than a
/// line's levels, let alone its trend's `pow` calls (example-v2: four scenarios of five copy all
/// or most of their lines).
///
/// The base scenario's worker derives every drawn line in every run (no strategy of it is taken
/// from another scenario), so what is copied is always the current run's.
struct SharedDerivations: Sendable {
    var discount = false
    var facility = false
    var workloads: [Bool]
    var options: [Bool]
    var staff: [Bool]

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
        guard plan.drawn == base.drawn, plan.months == base.months,
              model.workloads.count == baseModel.workloads.count, model.serving.count == baseModel.serving.count,
              model.staff.count == baseModel.staff.count
        else { return }
        let unsigned = zerosUnsigned
        discount = model.discountRate.isIdentical(to: baseModel.discountRate, zerosUnsigned: unsigned)
        facility = model.facility.isIdentical(to: baseModel.facility, zerosUnsigned: unsigned)
        workloads = model.workloads.indices.map {
            model.workloads[$0].isIdentical(to: baseModel.workloads[$0], zerosUnsigned: unsigned)
        }
        options = model.serving.indices.map {
            model.serving[$0].isIdentical(to: baseModel.serving[$0], zerosUnsigned: unsigned)
        }
        staff = model.staff.indices.map { model.staff[$0].isIdentical(to: baseModel.staff[$0], zerosUnsigned: unsigned) }
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
        let gpuServing: [GPUServing]
        let apiTerms: [APITerms]
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
