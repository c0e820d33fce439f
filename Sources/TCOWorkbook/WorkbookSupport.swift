import TCOCore
import TCOLoading

/// What the workbook (and the memo built beside it) can represent. Its live formulas implement the
/// version 1 arithmetic plus one-time costs, tax, `terminal_value: none`, loans, energy, API billing
/// (cache writes, batch, long-context prices) and staff pay rises and payers; a model that uses
/// another version 2 feature would get a workbook whose recalculated numbers differ from the
/// solver's, so the writers refuse it and say which feature.
public enum WorkbookSupport {
    /// The version 2 features `loaded` uses (in any scenario) that the workbook cannot show yet, each
    /// named with a key path where it is used, e.g. `schedules (workloads.chat.requests)`; empty
    /// when the workbook can represent the model.
    public static func unsupportedFeatures(in loaded: LoadedModel) -> [String] {
        var found: [String] = []
        func note(_ feature: String, _ path: String) {
            if !found.contains(where: { $0.hasPrefix(feature + " (") }) { found.append("\(feature) (\(path))") }
        }
        for scenario in loaded.scenarios { features(of: scenario.model, note) }
        return found
    }

    /// The error to show when `loaded` uses features the workbook cannot represent; `nil` otherwise.
    public static func refusal(for loaded: LoadedModel) -> UnsupportedFeatures? {
        let features = unsupportedFeatures(in: loaded)
        return features.isEmpty ? nil : UnsupportedFeatures(path: loaded.path, features: features)
    }

    private static func features(of model: Model, _ note: (String, String) -> Void) {
        func schedule<V>(_ schedule: Schedule<V>, _ path: String) {
            if !schedule.isConstant { note("schedules", path) }
        }
        for w in model.workloads {
            let path = "workloads.\(w.name)"
            schedule(w.requests, "\(path).requests")
            schedule(w.growth, "\(path).growth")
        }
        for option in model.serving {
            let path = "serving.\(option.name)"
            switch option.kind {
            case .api(let p):
                for (key, s) in [("price_input", p.priceInput), ("price_output", p.priceOutput),
                                 ("price_cached_input", p.priceCachedInput), ("price_cache_write", p.priceCacheWrite)] {
                    schedule(s, "\(path).\(key)")
                }
                schedule(p.priceChange, "\(path).price_change")
            case .rented(_, let p):
                schedule(p.gpuHour, "\(path).gpu_hour")
                schedule(p.priceChange, "\(path).price_change")
            case .selfHosted:
                continue
            }
        }
        if let facility = model.facility {
            schedule(facility.electricityPerKilowattHour, "facility.electricity")
            schedule(facility.electricityChange, "facility.electricity_change")
            schedule(facility.colocationPerKilowattMonth, "facility.colocation")
        }
        for role in model.staff {
            let path = "staff.\(role.name)"
            schedule(role.count, "\(path).count")
            schedule(role.costPerYear, "\(path).cost")
        }
    }
}

/// A model that uses version 2 features the workbook cannot represent yet.
public struct UnsupportedFeatures: Error, CustomStringConvertible {
    /// The model file.
    public var path: String
    /// Each feature with a key path where it is used.
    public var features: [String]

    public var description: String {
        "the workbook and memo cannot represent these version 2 features of \(path) yet: "
            + features.joined(separator: ", ") + ". Their numbers are in 'tco solve \(path)' (and --json)"
    }
}
