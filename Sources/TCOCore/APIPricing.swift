/// Prices of an API option, per million tokens in the model's currency, as written: each price is
/// one value or a schedule, and `priceChange` goes on from each written value.
public struct APIPricing: Sendable, Hashable {
    public var priceInput: Schedule<Double>
    public var priceOutput: Schedule<Double>
    public var priceCachedInput: Schedule<Double>
    /// Price of input tokens written to the prompt cache.
    public var priceCacheWrite: Schedule<Double>
    public var priceChange: Schedule<Rate>
    public var isPrivate: Bool
    /// Share off every price for a workload's batch requests (fraction; 0: no batch API).
    public var batchDiscount: Double
    /// Prices for requests whose input is longer than a threshold; `nil`: one price whatever the length.
    public var longContext: LongContextPricing?

    public init(
        priceInput: Schedule<Double>, priceOutput: Schedule<Double>, priceCachedInput: Schedule<Double>? = nil,
        priceCacheWrite: Schedule<Double>? = nil, priceChange: Schedule<Rate> = .zero, isPrivate: Bool = false,
        batchDiscount: Double = 0, longContext: LongContextPricing? = nil
    ) {
        self.priceInput = priceInput
        self.priceOutput = priceOutput
        self.priceCachedInput = priceCachedInput ?? priceInput
        self.priceCacheWrite = priceCacheWrite ?? priceInput
        self.priceChange = priceChange
        self.isPrivate = isPrivate
        self.batchDiscount = batchDiscount
        self.longContext = longContext
    }

    /// One price of each, no batch or long-context prices (the version 1 form).
    public init(
        priceInput: Double, priceOutput: Double, priceCachedInput: Double? = nil, priceChange: Rate = .zero,
        isPrivate: Bool = false
    ) {
        self.init(
            priceInput: Schedule(priceInput), priceOutput: Schedule(priceOutput),
            priceCachedInput: priceCachedInput.map { Schedule($0) }, priceChange: Schedule(priceChange),
            isPrivate: isPrivate)
    }
}

/// An API option's prices for long requests: used for all of a workload's tokens on the option when
/// the workload's input tokens per request are above `above`. Single values that follow the
/// option's `priceChange` from month 1.
public struct LongContextPricing: Sendable, Hashable {
    /// Input tokens per request above which these prices apply (strictly greater).
    public var above: Double
    public var priceInput: Double
    public var priceOutput: Double
    public var priceCachedInput: Double
    public var priceCacheWrite: Double

    public init(
        above: Double, priceInput: Double, priceOutput: Double, priceCachedInput: Double? = nil,
        priceCacheWrite: Double? = nil
    ) {
        self.above = above
        self.priceInput = priceInput
        self.priceOutput = priceOutput
        self.priceCachedInput = priceCachedInput ?? priceInput
        self.priceCacheWrite = priceCacheWrite ?? priceInput
    }
}
