/// What one request of a workload is billed on: its input and output tokens and the shares of its
/// input read from and written to a prompt cache. The one place of the per-request price formula,
/// for the solver and the Monte Carlo plan.
struct RequestTokens: Sendable {
    var input: Double
    var output: Double
    /// Shares of the input tokens (fractions).
    var cachedShare: Double
    var cacheWriteShare: Double

    init(_ workload: Workload) {
        self.init(input: workload.inputTokens, output: workload.outputTokens, cachedShare: workload.cachedInput,
                  cacheWriteShare: workload.cacheWrite)
    }

    init(input: Double, output: Double, cachedShare: Double, cacheWriteShare: Double) {
        self.input = input
        self.output = output
        self.cachedShare = cachedShare
        self.cacheWriteShare = cacheWriteShare
    }

    /// The long-context prices this request pays, when its input is above their threshold.
    func longContext(_ pricing: LongContextPricing?) -> LongContextPricing? {
        guard let pricing, input > pricing.above else { return nil }
        return pricing
    }

    /// One request's cost at these prices per million tokens, times `factor` (calculations.md, API):
    /// `(In × ((1 − c − cw) × p_in + c × p_cached + cw × p_write) + Out × p_out) / 10^6 × factor`.
    @inline(__always)
    func cost(input priceInput: Double, output priceOutput: Double, cached priceCached: Double,
              write priceWrite: Double, factor: Double) -> Double {
        let c = cachedShare, cw = cacheWriteShare
        return (input * ((1 - c - cw) * priceInput + c * priceCached + cw * priceWrite) + output * priceOutput)
            / 1e6 * factor
    }

    /// One request's cost at long-context prices, times `factor`.
    func cost(at long: LongContextPricing, factor: Double) -> Double {
        cost(input: long.priceInput, output: long.priceOutput, cached: long.priceCachedInput,
             write: long.priceCacheWrite, factor: factor)
    }
}
