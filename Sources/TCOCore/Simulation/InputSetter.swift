/// How a drawn value is written into a model at a dotted key path, and the key's allowed range
/// (uncertainty.md "Inputs": continuous values only; model-format.md "Allowed values").
public struct InputSetter: Sendable {
    /// Dimensions the key's values are written in (the loader parses a distribution's values with them).
    public var dimensions: [Dimension]
    /// Allowed range, in the unit the model stores (the registry's bounds of the key).
    public var bounds: InputBounds
    public var apply: @Sendable (inout Model, Double) -> Void
    /// A value of the key as a model file writes it (`-20%/year`), for error hints.
    public var example = ""

    /// Whether a stated value (an end or the mode of a distribution) is in the allowed range.
    public func allows(_ value: Double) -> Bool { bounds.allows(value) }

    /// Where draws are clamped: into the range, and where a bound is not allowed, just inside it
    /// (−99.99 % for a rate of change, 99.99 % for a residual: uncertainty.md).
    public var clampRange: (low: Double, high: Double) { bounds.clampRange }

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
        return .success(
            InputSetter(
                dimensions: input.key.dimensions(monthly: input.isMonthly(in: model)), bounds: bounds,
                apply: input.setter(written: written),
                // The key's example is per year: a value the model writes per month gets the generic one.
                example: input.isMonthly(in: model) ? "" : input.key.example(currency: model.currency)))
    }
}
