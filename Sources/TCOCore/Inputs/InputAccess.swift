/// Which entity of a model an input belongs to: indices into the model's arrays (a workload, a
/// serving option, a strategy, …) and, for an item inside one (a commitment, a one-time cost, a
/// workload's own routing), the item's index.
public struct InputOwner: Sendable, Hashable {
    public var index: Int
    public var item: Int

    public init(_ index: Int = 0, item: Int = 0) {
        self.index = index
        self.item = item
    }
}

/// How a registry entry reads and writes its value on a `Model`, in the unit the model stores.
///
/// A schedule reads as its first month's value, and a write moves every written value in the
/// same proportion (a single value is simply replaced); a flag reads 1 or 0; a count reads as a
/// number and is written rounded.
public struct InputAccess: Sendable {
    /// What kind of number the value is.
    public enum Kind: Sendable, Hashable {
        /// Any value in the allowed range: sensitivity, scenarios and Monte Carlo ranges move it.
        case continuous
        /// A whole number (GPUs, months): scenarios set it, ranges and sensitivity do not.
        case whole
        /// 1 or 0 (yes/no, or the first/second of two words).
        case flag
    }

    public var kind: Kind
    let read: @Sendable (Model, InputOwner) -> Double?
    let write: @Sendable (inout Model, InputOwner, Double) -> Void
    let monthly: @Sendable (Model, InputOwner) -> Bool
    let levels: @Sendable (Model, InputOwner) -> Schedule<Double>?
    let rates: @Sendable (Model, InputOwner) -> Schedule<Rate>?

    /// The whole schedule of a level that takes one (a single value is a one-step schedule).
    public func schedule(in model: Model, of owner: InputOwner) -> Schedule<Double>? { levels(model, owner) }

    /// The whole schedule of a rate of change.
    public func rateSchedule(in model: Model, of owner: InputOwner) -> Schedule<Rate>? { rates(model, owner) }

    /// The value, or `nil` when the owner has no such value (an option of another kind).
    public func value(in model: Model, of owner: InputOwner) -> Double? { read(model, owner) }

    /// Sets the value.
    public func set(_ value: Double, in model: inout Model, of owner: InputOwner) { write(&model, owner, value) }

    /// Whether a rate of change is written per month (it is per year otherwise).
    public func isMonthly(in model: Model, of owner: InputOwner) -> Bool { monthly(model, owner) }

    /// The value of `field` on the `Root` that `lens` reaches from the model.
    @inline(__always)
    init<Root>(_ lens: InputLens<Root>, _ field: InputField<Root>) {
        kind = field.kind
        read = { model, owner in lens.get(model, owner).map(field.get) }
        write = { model, owner, value in lens.modify(&model, owner) { field.set(&$0, value) } }
        monthly = { model, owner in lens.get(model, owner).map(field.monthly) ?? false }
        levels = { model, owner in lens.get(model, owner).flatMap(field.levels) }
        rates = { model, owner in lens.get(model, owner).flatMap(field.rates) }
    }
}

/// One value of a part of the model (a workload, a price list, a server type, …).
struct InputField<Root>: Sendable {
    var kind: InputAccess.Kind
    var get: @Sendable (Root) -> Double
    var set: @Sendable (inout Root, Double) -> Void
    var monthly: @Sendable (Root) -> Bool = { _ in false }
    var levels: @Sendable (Root) -> Schedule<Double>? = { _ in nil }
    var rates: @Sendable (Root) -> Schedule<Rate>? = { _ in nil }

    @inline(__always)
    static func number(_ path: WritableKeyPath<Root, Double> & Sendable) -> Self {
        let stored = StoredProperty(path)
        return Self(kind: .continuous, get: { $0[keyPath: path] },
                    set: { root, value in stored.modify(&root) { $0 = value } })
    }

    @inline(__always)
    static func schedule(_ path: WritableKeyPath<Root, Schedule<Double>> & Sendable) -> Self {
        let stored = StoredProperty(path)
        return Self(kind: .continuous, get: { $0[keyPath: path].first },
                    set: { root, value in stored.modify(&root) { $0.move(to: value) } },
                    levels: { $0[keyPath: path] })
    }

    @inline(__always)
    static func rate(_ path: WritableKeyPath<Root, Schedule<Rate>> & Sendable) -> Self {
        let stored = StoredProperty(path)
        return Self(kind: .continuous, get: { $0[keyPath: path].first.value },
                    set: { root, value in stored.modify(&root) { $0.move(to: value) } },
                    monthly: { $0[keyPath: path].first.isMonthly }, rates: { $0[keyPath: path] })
    }

    @inline(__always)
    static func whole(_ path: WritableKeyPath<Root, Int> & Sendable) -> Self {
        Self(kind: .whole, get: { Double($0[keyPath: path]) },
             set: { $0[keyPath: path] = Int(exactly: $1.rounded()) ?? 0 })
    }

    @inline(__always)
    static func flag(_ path: WritableKeyPath<Root, Bool> & Sendable) -> Self {
        Self(kind: .flag, get: { $0[keyPath: path] ? 1 : 0 }, set: { $0[keyPath: path] = $1 >= 0.5 })
    }
}

/// How to reach a part of the model from the model and an owner, to read it and to change it.
struct InputLens<Root>: Sendable {
    var get: @Sendable (Model, InputOwner) -> Root?
    var modify: @Sendable (inout Model, InputOwner, (inout Root) -> Void) -> Void
}
