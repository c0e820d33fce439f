import TCOCore

/// The keys the model format defines at each place, read from the one list of keys
/// (`ModelKey.all`), for the reader, the "did you mean" hints and the scenario-path checks.
enum ModelSchema {
    static let topLevel = ModelKey.names(at: .top)
    static let topLevelRequired = ModelKey.requiredNames(at: .top)
    /// Top-level keys a scenario may not override.
    static let notOverridable = [
        "model", "currency", "start", "horizon", "baseline", "extends", "scenarios", "uncertainty",
    ]

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
    static let staffRoleRequired = ModelKey.requiredNames(at: .staffRole)
    static let strategy = ModelKey.names(at: .strategy)
    static let strategyWorkload = ModelKey.names(at: .strategyWorkload)
    static let escalation = ModelKey.names(at: .escalation)
    static let longContext = ModelKey.names(at: .longContext)
    static let longContextRequired = ModelKey.requiredNames(at: .longContext)
    static let commitment = ModelKey.names(at: .commitment)
    static let oneTime = ModelKey.names(at: .oneTime)
    static let oneTimeRequired = ModelKey.requiredNames(at: .oneTime)
    static let finance = ModelKey.names(at: .finance)
    static let loan = ModelKey.names(at: .loan)

    /// The usual way to write `key`: at `place` if given, else the first place that defines it; for hints.
    static func example(for key: String, at place: ModelKey.Place? = nil, currency: String) -> String? {
        let found = place.flatMap { ModelKey.key(key, at: $0) } ?? ModelKey.all.first { $0.name == key }
        return found?.example(currency: currency)
    }

    /// Whether the value at the dotted key path `path` is one a schedule may give (a map from month to
    /// value that `extends` and scenarios replace whole): workload `requests` and `growth`, the prices
    /// of api and rented options and their `price_change`, facility prices, staff `count`, `cost`
    /// and `cost_change`.
    static func isSchedule(path: [String]) -> Bool {
        guard let last = path.last else { return false }
        let places: [ModelKey.Place]
        switch (path.first, path.count) {
        case ("workloads", 3): places = [.workload]
        case ("serving", 3): places = [.api, .rented]
        case ("facility", 2): places = [.facility]
        case ("staff", 3): places = [.staffRole]
        default: return false
        }
        return places.contains { ModelKey.key(last, at: $0)?.isSchedulable == true }
    }
}

extension Result {
    /// The success value, or `nil`.
    var ok: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}
