/// The keys the model format defines at each place (model-format.md), shared by the reader,
/// the "did you mean" hints and the scenario-path checks.
enum ModelSchema {
    static let topLevel = [
        "model", "currency", "start", "horizon", "discount_rate", "extends", "workloads", "serving",
        "hardware", "facility", "staff", "strategies", "baseline", "scenarios",
    ]
    static let topLevelRequired = ["model", "currency", "start", "horizon", "discount_rate", "workloads", "serving", "strategies", "baseline"]
    /// Top-level keys a scenario may not override.
    static let notOverridable = ["model", "currency", "start", "horizon", "baseline", "extends", "scenarios"]

    static let workload = ["requests", "growth", "input_tokens", "output_tokens", "cached_input", "peak_to_average", "sensitive"]
    static let workloadRequired = ["requests", "input_tokens", "output_tokens"]

    static let kinds = ["api", "self_hosted", "rented"]
    static let api = ["kind", "price_input", "price_output", "price_cached_input", "price_change", "private"]
    static let apiRequired = ["price_input", "price_output"]
    static let selfHosted = ["kind", "hardware", "decode_throughput", "prefill_throughput", "max_utilization"]
    static let selfHostedRequired = ["hardware", "decode_throughput", "prefill_throughput", "max_utilization"]
    static let rented = ["kind", "gpu_hour", "decode_throughput", "prefill_throughput", "max_utilization", "price_change"]
    static let rentedRequired = ["gpu_hour", "decode_throughput", "prefill_throughput", "max_utilization"]

    static func servingKeys(kind: String) -> [String] {
        switch kind {
        case "api": api
        case "self_hosted": selfHosted
        case "rented": rented
        default: ["kind"]
        }
    }

    static let hardware = ["gpus", "price", "power", "idle_power", "life", "residual", "maintenance", "lead_time"]
    static let hardwareRequired = ["gpus", "price", "power", "life"]
    static let facility = ["pue", "electricity", "electricity_change", "colocation"]
    static let staffRole = ["count", "cost"]
    static let strategy = ["route", "escalation", "workloads", "fallback"]
    static let strategyWorkload = ["route", "escalation"]
    static let escalation = ["rate", "to"]
}
