/// Something that can serve requests: a priced API, a self-hosted fleet, or rented GPUs.
public struct ServingOption: Sendable, Hashable {
    public var name: String
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        case api(APIPricing)
        case selfHosted(GPUServing, hardware: String)
        case rented(GPUServing, RentedPricing)

        /// Rented GPUs with one GPU-hour price and one price change, scaled for the peak, without
        /// commitments (the version 1 form).
        public static func rented(_ serving: GPUServing, gpuHour: Double, priceChange: Rate) -> Kind {
            .rented(serving, RentedPricing(gpuHour: Schedule(gpuHour), priceChange: Schedule(priceChange)))
        }
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

    /// How fast the option's GPUs run, for self-hosted and rented options.
    public var gpuServing: GPUServing? {
        switch kind {
        case .selfHosted(let serving, _), .rented(let serving, _): serving
        case .api: nil
        }
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

