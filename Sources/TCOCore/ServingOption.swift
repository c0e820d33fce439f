/// Something that can serve requests: a priced API, a self-hosted fleet, or rented GPUs.
public struct ServingOption: Sendable, Hashable {
    public var name: String
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        case api(APIPricing)
        case selfHosted(GPUServing, hardware: String)
        case rented(GPUServing, gpuHour: Double, priceChange: Rate)
    }

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The word the model file uses for this kind: `api`, `self_hosted` or `rented`.
    public var kindName: String {
        switch kind {
        case .api: "api"
        case .selfHosted: "self_hosted"
        case .rented: "rented"
        }
    }

    /// Whether the option runs on GPUs the company operates (self-hosted or rented).
    public var isInHouse: Bool {
        if case .api = kind { return false }
        return true
    }

    /// Whether a sensitive workload may use it: in-house options, and APIs marked private.
    public var allowsSensitiveData: Bool {
        if case .api(let pricing) = kind { return pricing.isPrivate }
        return true
    }

    public var isAPI: Bool {
        if case .api = kind { return true }
        return false
    }

    public var isSelfHosted: Bool {
        if case .selfHosted = kind { return true }
        return false
    }
}

/// Prices of an API option, per million tokens in the model's currency.
public struct APIPricing: Sendable, Hashable {
    public var priceInput: Double
    public var priceOutput: Double
    public var priceCachedInput: Double
    public var priceChange: Rate
    public var isPrivate: Bool

    public init(priceInput: Double, priceOutput: Double, priceCachedInput: Double? = nil, priceChange: Rate = .zero, isPrivate: Bool = false) {
        self.priceInput = priceInput
        self.priceOutput = priceOutput
        self.priceCachedInput = priceCachedInput ?? priceInput
        self.priceChange = priceChange
        self.isPrivate = isPrivate
    }
}

/// How fast a model runs on one GPU, and how hard the GPUs may be driven at peak.
public struct GPUServing: Sendable, Hashable {
    /// Output tokens per second per GPU.
    public var decodeThroughput: Double
    /// Input tokens per second per GPU.
    public var prefillThroughput: Double
    /// Usable share of nominal throughput at peak (fraction, above 0, at most 1).
    public var maxUtilization: Double

    public init(decodeThroughput: Double, prefillThroughput: Double, maxUtilization: Double) {
        self.decodeThroughput = decodeThroughput
        self.prefillThroughput = prefillThroughput
        self.maxUtilization = maxUtilization
    }
}

/// A way of serving every workload: routes, escalation and fallback.
public struct Strategy: Sendable, Hashable {
    public var name: String
    /// Default route: serving option name → share of requests (fractions adding to 1), in file order.
    public var route: Route
    /// Default escalation of in-house requests.
    public var escalation: Escalation?
    /// Per-workload settings that replace the strategy's.
    public var workloadOverrides: [WorkloadRouting]
    /// API option serving self-hosted demand while no server is in service.
    public var fallback: String?

    public init(name: String, route: Route, escalation: Escalation? = nil, workloadOverrides: [WorkloadRouting] = [], fallback: String? = nil) {
        self.name = name
        self.route = route
        self.escalation = escalation
        self.workloadOverrides = workloadOverrides
        self.fallback = fallback
    }

    /// The route a workload follows: its own, else the strategy's (model-format.md, "Strategies").
    public func effectiveRoute(for workload: String) -> Route {
        workloadOverrides.first { $0.workload == workload }?.route ?? route
    }

    /// The escalation a workload follows: its own (`none` included), else the strategy's.
    public func effectiveEscalation(for workload: String) -> Escalation? {
        if let own = workloadOverrides.first(where: { $0.workload == workload }), let setting = own.escalation {
            return setting
        }
        return escalation
    }
}

/// Shares of a workload's requests by serving option.
public struct Route: Sendable, Hashable {
    public var shares: [(option: String, share: Double)]

    public init(_ shares: [(option: String, share: Double)]) {
        self.shares = shares
    }

    /// Options with a share above 0 %.
    public var activeShares: [(option: String, share: Double)] { shares.filter { $0.share > 0 } }

    public static func == (lhs: Route, rhs: Route) -> Bool {
        lhs.shares.count == rhs.shares.count
            && zip(lhs.shares, rhs.shares).allSatisfy { $0.option == $1.option && $0.share == $1.share }
    }

    public func hash(into hasher: inout Hasher) {
        for (option, share) in shares {
            hasher.combine(option)
            hasher.combine(share)
        }
    }
}

/// Re-running a share of in-house requests in full on an API.
public struct Escalation: Sendable, Hashable {
    /// Share of in-house requests that fail and are re-run (fraction).
    public var rate: Double
    /// The API option that re-runs them.
    public var to: String

    public init(rate: Double, to: String) {
        self.rate = rate
        self.to = to
    }
}

/// A strategy's settings for one workload.
public struct WorkloadRouting: Sendable, Hashable {
    public var workload: String
    /// Own route, replacing the strategy's; `nil` keeps the strategy's.
    public var route: Route?
    /// Own escalation: `nil` keeps the strategy's, `.some(nil)` is `escalation: none`.
    public var escalation: Escalation??

    public init(workload: String, route: Route? = nil, escalation: Escalation?? = nil) {
        self.workload = workload
        self.route = route
        self.escalation = escalation
    }
}
