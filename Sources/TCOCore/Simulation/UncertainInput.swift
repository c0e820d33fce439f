/// One input of the `uncertainty` block, ready to draw: its path, its distribution, the range a
/// draw is clamped into, and how a value is written into a model.
public struct UncertainInput: Sendable {
    /// Dotted key path, e.g. `workloads.support-chat.requests`.
    public var path: String
    public var distribution: Distribution
    /// Bounds of the key's allowed range a draw is clamped into (already moved inside where the
    /// bound itself is not allowed, e.g. −99.99 % for a rate of change).
    public var lowest: Double
    public var highest: Double
    /// Writes a value (in the unit the model stores: fractions, per month, kW, …) into a model.
    public var apply: @Sendable (inout Model, Double) -> Void

    public init(
        path: String, distribution: Distribution, lowest: Double = -.infinity, highest: Double = .infinity,
        apply: @escaping @Sendable (inout Model, Double) -> Void
    ) {
        self.path = path
        self.distribution = distribution
        self.lowest = lowest
        self.highest = highest
        self.apply = apply
    }

    /// The value at cumulative probability `p`, clamped into the allowed range.
    public func value(at p: Double) -> Double { draw.value(at: p) }

    /// What drawing this input takes, without its setter.
    var draw: Draw { Draw(distribution: distribution, lowest: lowest, highest: highest) }

    /// The distribution and clamp of an input: plain numbers, which a worker drawing every run reads
    /// without the reference counting a copy of the input (its setter is a closure) would cost.
    struct Draw: Sendable {
        var distribution: Distribution
        var lowest: Double
        var highest: Double

        /// The value at cumulative probability `p`, clamped into the allowed range.
        func value(at p: Double) -> Double { Swift.min(Swift.max(distribution.quantile(p), lowest), highest) }
    }
}

/// One scenario of a simulation: its model (overrides applied) and which inputs it overrides itself,
/// which keep the scenario's value instead of being drawn.
public struct SimulationScenario: Sendable {
    public var name: String
    public var model: Model
    /// Indices into the simulation's inputs of those the scenario overrides.
    public var keptInputs: Set<Int>
    /// The scenario's own setter of an input (by index) where it writes a key that would otherwise
    /// take the drawn value as its default (a scenario's `price_cached_input` under a drawn
    /// `price_input`): the scenario's value of that key holds.
    public var setters: [Int: @Sendable (inout Model, Double) -> Void]

    public init(
        name: String, model: Model, keptInputs: Set<Int>,
        setters: [Int: @Sendable (inout Model, Double) -> Void] = [:]
    ) {
        self.name = name
        self.model = model
        self.keptInputs = keptInputs
        self.setters = setters
    }

    /// `inputs` with this scenario's own setters.
    public func inputs(_ inputs: [UncertainInput]) -> [UncertainInput] {
        guard !setters.isEmpty else { return inputs }
        var own = inputs
        for (index, setter) in setters where own.indices.contains(index) { own[index].apply = setter }
        return own
    }
}
