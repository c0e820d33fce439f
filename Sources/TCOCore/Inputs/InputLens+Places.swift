/// The parts of a model an input can sit in, one lens per place of the file format.
extension InputLens {
    /// Item `owner.index` of a list of the model (workloads, server types, staff, strategies).
    @inline(__always)
    private static func element(_ list: WritableKeyPath<Model, [Root]> & Sendable) -> Self {
        let stored = StoredProperty(list)
        return Self(
            get: { model, owner in
                let items = model[keyPath: list]
                return items.indices.contains(owner.index) ? items[owner.index] : nil
            },
            modify: { model, owner, change in
                stored.modify(&model) { items in
                    guard items.indices.contains(owner.index) else { return }
                    change(&items[owner.index])
                }
            })
    }

    /// The model itself (`discount_rate`).
    static var model: InputLens<Model> {
        InputLens<Model>(get: { model, _ in model }, modify: { model, _, change in change(&model) })
    }

    static var workload: InputLens<Workload> { .element(\Model.workloads) }
    static var hardware: InputLens<Hardware> { .element(\Model.hardware) }
    static var staffRole: InputLens<StaffRole> { .element(\Model.staff) }
    static var strategy: InputLens<Strategy> { .element(\Model.strategies) }

    static var finance: InputLens<Finance> {
        InputLens<Finance>(get: { model, _ in model.finance }, modify: { model, _, change in change(&model.finance) })
    }

    static var facility: InputLens<Facility> { .present(in: .model, \Model.facility) }

    /// An optional part, where the parent has one.
    @inline(__always)
    private static func present<Parent>(
        in parent: InputLens<Parent>, _ part: WritableKeyPath<Parent, Root?> & Sendable
    ) -> Self {
        let stored = StoredProperty(part)
        return Self(
            get: { model, owner in parent.get(model, owner)?[keyPath: part] ?? nil },
            modify: { model, owner, change in
                parent.modify(&model, owner) { whole in
                    stored.modify(&whole) { part in
                        guard var value = part else { return }
                        // Taken out while it changes: with no second reference, a write into one of
                        // its schedules does not copy the schedule (a Monte Carlo run writes every draw).
                        part = nil
                        change(&value)
                        part = value
                    }
                }
            })
    }

    static var loan: InputLens<Loan> {
        InputLens<Loan>(
            get: { model, owner in
                model.finance.loans.indices.contains(owner.index) ? model.finance.loans[owner.index] : nil
            },
            modify: { model, owner, change in
                guard model.finance.loans.indices.contains(owner.index) else { return }
                change(&model.finance.loans[owner.index])
            })
    }

    static var api: InputLens<APIPricing> {
        InputLens<APIPricing>(
            get: { model, owner in
                guard model.serving.indices.contains(owner.index),
                    case .api(let pricing) = model.serving[owner.index].kind
                else { return nil }
                return pricing
            },
            modify: { model, owner, change in
                guard model.serving.indices.contains(owner.index),
                    case .api(var pricing) = model.serving[owner.index].kind
                else { return }
                model.serving[owner.index].kind = .placeholder  // as in `present`: no copy of a schedule
                change(&pricing)
                model.serving[owner.index].kind = .api(pricing)
            })
    }

    static var longContext: InputLens<LongContextPricing> { .present(in: .api, \APIPricing.longContext) }

    /// The GPU serving of a self-hosted or rented option.
    static var gpu: InputLens<GPUServing> {
        InputLens<GPUServing>(
            get: { model, owner in
                model.serving.indices.contains(owner.index) ? model.serving[owner.index].gpuServing : nil
            },
            modify: { model, owner, change in
                guard model.serving.indices.contains(owner.index) else { return }
                switch model.serving[owner.index].kind {
                case .selfHosted(var serving, let hardware):
                    change(&serving)
                    model.serving[owner.index].kind = .selfHosted(serving, hardware: hardware)
                case .rented(var serving, let pricing):
                    change(&serving)
                    model.serving[owner.index].kind = .rented(serving, pricing)
                case .api:
                    break
                }
            })
    }

    static var rented: InputLens<RentedPricing> {
        InputLens<RentedPricing>(
            get: { model, owner in
                guard model.serving.indices.contains(owner.index),
                    case .rented(_, let pricing) = model.serving[owner.index].kind
                else { return nil }
                return pricing
            },
            modify: { model, owner, change in
                guard model.serving.indices.contains(owner.index),
                    case .rented(let serving, var pricing) = model.serving[owner.index].kind
                else { return }
                model.serving[owner.index].kind = .placeholder  // as in `present`: no copy of a schedule
                change(&pricing)
                model.serving[owner.index].kind = .rented(serving, pricing)
            })
    }

    /// Item `owner.item` of a list inside the part `parent` reaches.
    @inline(__always)
    private static func item<Parent>(
        of parent: InputLens<Parent>, _ list: WritableKeyPath<Parent, [Root]> & Sendable
    ) -> Self {
        let stored = StoredProperty(list)
        return Self(
            get: { model, owner in
                guard let items = parent.get(model, owner)?[keyPath: list], items.indices.contains(owner.item)
                else { return nil }
                return items[owner.item]
            },
            modify: { model, owner, change in
                parent.modify(&model, owner) { part in
                    stored.modify(&part) { items in
                        guard items.indices.contains(owner.item) else { return }
                        change(&items[owner.item])
                    }
                }
            })
    }

    /// Commitment `owner.item` of a rented option.
    static var commitment: InputLens<Commitment> { .item(of: .rented, \RentedPricing.commitments) }

    /// One-time cost `owner.item` of a strategy.
    static var oneTime: InputLens<OneTimeCost> { .item(of: .strategy, \Strategy.oneTimeCosts) }

    /// A strategy's escalation (`owner.item` = 0), or the escalation of its workload routing
    /// `owner.item − 1`; only where one is set.
    static var escalation: InputLens<Escalation> {
        let strategy = InputLens<Strategy>.strategy
        return InputLens<Escalation>(
            get: { model, owner in
                guard let s = strategy.get(model, owner) else { return nil }
                if owner.item == 0 { return s.escalation }
                let w = owner.item - 1
                guard s.workloadOverrides.indices.contains(w),
                    case .some(.some(let e)) = s.workloadOverrides[w].escalation
                else { return nil }
                return e
            },
            modify: { model, owner, change in
                strategy.modify(&model, owner) { s in
                    if owner.item == 0 {
                        guard var e = s.escalation else { return }
                        change(&e)
                        s.escalation = e
                        return
                    }
                    let w = owner.item - 1
                    guard s.workloadOverrides.indices.contains(w),
                        case .some(.some(var e)) = s.workloadOverrides[w].escalation
                    else { return }
                    change(&e)
                    s.workloadOverrides[w].escalation = .some(.some(e))
                }
            })
    }
}

extension ServingOption.Kind {
    /// What a lens leaves in an option while it changes the option's terms (never seen outside).
    static let placeholder = ServingOption.Kind.selfHosted(
        GPUServing(decodeThroughput: 1, prefillThroughput: 1, maxUtilization: 1), hardware: "")
}
