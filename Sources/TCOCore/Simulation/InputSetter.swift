/// How a drawn value is written into a model at a dotted key path, and the key's allowed range
/// (uncertainty.md "Inputs": continuous values only; model-format.md "Allowed values").
public struct InputSetter: Sendable {
    /// Dimensions the key's values are written in (the loader parses a distribution's values with them).
    public var dimensions: [Dimension]
    /// Allowed range, in the unit the model stores; `lowestExclusive`: the bound itself is not
    /// allowed (a rate of change is above −100 %, a power above 0 kW).
    public var lowest: Double
    public var highest: Double
    public var lowestExclusive = false
    public var highestExclusive = false
    public var apply: @Sendable (inout Model, Double) -> Void

    /// Whether a stated value (an end or the mode of a distribution) is in the allowed range.
    public func allows(_ value: Double) -> Bool {
        value.isFinite && (lowestExclusive ? value > lowest : value >= lowest)
            && (highestExclusive ? value < highest : value <= highest)
    }

    /// Where draws are clamped: into the range, and where a bound is not allowed, just inside it
    /// (−99.99 % for a rate of change, 99.99 % for a residual: uncertainty.md).
    public var clampRange: (low: Double, high: Double) {
        InputBounds(lowest, highest, lowestExclusive: lowestExclusive, highestExclusive: highestExclusive)
            .clampRange
    }

    /// Why a path cannot carry a range.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a single continuous value of this model (a count, a duration, a name, a route, …).
        case notContinuous(String)
    }

    /// The setter for `path` in `model`, from the registry of inputs; `written` holds the paths the
    /// file writes (a key left to its default follows the key it defaults to: a drawn
    /// `price_input` is also the price of cached input and cache writes when those are not written).
    public static func make(path: String, in model: Model, written: Set<String>) -> Result<InputSetter, Problem> {
        guard let input = InputRegistry.input(at: path, in: model), let access = input.key.access,
            access.kind == .continuous, let bounds = input.key.bounds
        else { return .failure(.notContinuous(path)) }
        let followers = InputRegistry.followers(of: input, written: written)
        let owner = input.owner
        return .success(
            InputSetter(
                dimensions: input.key.dimensions(monthly: input.isMonthly(in: model)), lowest: bounds.lowest,
                highest: bounds.highest, lowestExclusive: bounds.lowestExclusive,
                highestExclusive: bounds.highestExclusive
            ) { model, value in
                access.set(value, in: &model, of: owner)
                for follower in followers { follower.key.access?.set(value, in: &model, of: follower.owner) }
            })
    }
}
