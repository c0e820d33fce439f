import TCOCore

/// The keys the model format defines at each place, read from the one list of keys
/// (`ModelKey.all`), for the reader, the "did you mean" hints and the scenario-path checks.
enum ModelSchema {
    static let topLevel = ModelKey.names(at: .top)
    static let topLevelRequired = ModelKey.requiredNames(at: .top)
    /// Top-level keys a scenario may not override.
    static let notOverridable = ["model", "currency", "start", "horizon", "baseline", "extends", "scenarios"]

    static let workload = ModelKey.names(at: .workload)
    static let workloadRequired = ModelKey.requiredNames(at: .workload)

    static let kinds = ["api", "self_hosted", "rented"]
    static let api = ModelKey.names(at: .api)
    static let apiRequired = ModelKey.requiredNames(at: .api).filter { $0 != "kind" }
    static let selfHosted = ModelKey.names(at: .selfHosted)
    static let selfHostedRequired = ModelKey.requiredNames(at: .selfHosted).filter { $0 != "kind" }
    static let rented = ModelKey.names(at: .rented)
    static let rentedRequired = ModelKey.requiredNames(at: .rented).filter { $0 != "kind" }

    static func servingKeys(kind: String) -> [String] {
        switch kind {
        case "api": api
        case "self_hosted": selfHosted
        case "rented": rented
        default: ["kind"]
        }
    }

    static let hardware = ModelKey.names(at: .hardware)
    static let hardwareRequired = ModelKey.requiredNames(at: .hardware)
    static let facility = ModelKey.names(at: .facility)
    static let staffRole = ModelKey.names(at: .staffRole)
    static let strategy = ModelKey.names(at: .strategy)
    static let strategyWorkload = ModelKey.names(at: .strategyWorkload)
    static let escalation = ModelKey.names(at: .escalation)

    /// The usual way to write `key` (the first place that defines it), for hints.
    static func example(for key: String, currency: String) -> String? {
        ModelKey.all.first { $0.name == key }?.example(currency: currency)
    }
}

extension Result {
    /// The success value, or `nil`.
    var ok: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
