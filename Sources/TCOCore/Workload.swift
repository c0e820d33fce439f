/// A source of requests: a product feature or back-office process.
public struct Workload: Sendable, Hashable {
    public var name: String
    /// Requests per month as written: one value, or a schedule of values (each holds in its month,
    /// and `growth` goes on from there).
    public var requests: Schedule<Double>
    /// Effective rate of change of requests (one rate, or a schedule of rates).
    public var growth: Schedule<Rate>
    /// Input tokens per request.
    public var inputTokens: Double
    /// Output tokens per request.
    public var outputTokens: Double
    /// Share of input tokens billed at an API's cached price (fraction).
    public var cachedInput: Double
    /// Share of input tokens written to an API's prompt cache, billed at its cache-write price (fraction).
    public var cacheWrite: Double
    /// Share of requests that can wait for a batch API: batch-priced on APIs that have one, run
    /// off-peak on in-house GPUs (fraction).
    public var batch: Double
    /// Peak-hour load over average load (≥ 1).
    public var peakToAverage: Double
    /// Whether only in-house or private API options may serve it.
    public var sensitive: Bool

    public init(
        name: String, requests: Schedule<Double>, growth: Schedule<Rate> = .zero, inputTokens: Double,
        outputTokens: Double, cachedInput: Double = 0, cacheWrite: Double = 0, batch: Double = 0,
        peakToAverage: Double = 1, sensitive: Bool = false
    ) {
        self.name = name
        self.requests = requests
        self.growth = growth
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.batch = batch
        self.peakToAverage = peakToAverage
        self.sensitive = sensitive
    }

    /// A workload with one request volume and one growth rate (the version 1 form).
    public init(
        name: String, requestsPerMonth: Double, growth: Rate = .zero, inputTokens: Double, outputTokens: Double,
        cachedInput: Double = 0, peakToAverage: Double = 1, sensitive: Bool = false
    ) {
        self.init(
            name: name, requests: Schedule(requestsPerMonth), growth: Schedule(growth), inputTokens: inputTokens,
            outputTokens: outputTokens, cachedInput: cachedInput, peakToAverage: peakToAverage, sensitive: sensitive)
    }

    /// Requests in month 1.
    public var requestsPerMonth: Double { requests.first }
}
