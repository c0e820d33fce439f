/// How a drawn value is written into a model at a dotted key path, and the key's allowed range
/// (uncertainty.md "Inputs": continuous values only; model-format.md "Allowed values").
public struct InputSetter: Sendable {
    /// Dimensions the key's values are written in (the loader parses a distribution's values with them).
    public var dimensions: [Dimension]
    /// Allowed range, in the unit the model stores; `lowestExclusive`: the bound itself is not
    /// allowed (a rate of change is above −100 %, a power above 0 kW).
    public var lowest: Double
    public var highest: Double
    public var lowestExclusive = false
    public var highestExclusive = false
    public var apply: @Sendable (inout Model, Double) -> Void

    /// Whether a stated value (an end or the mode of a distribution) is in the allowed range.
    public func allows(_ value: Double) -> Bool {
        value.isFinite && (lowestExclusive ? value > lowest : value >= lowest)
            && (highestExclusive ? value < highest : value <= highest)
    }

    /// Where draws are clamped: into the range, and where a bound is not allowed, just inside it
    /// (−99.99 % for a rate of change, 99.99 % for a residual: uncertainty.md).
    public var clampRange: (low: Double, high: Double) {
        let low = lowestExclusive ? (lowest == -1 ? Self.rateFloor : lowest + 1e-9) : lowest
        let high = highestExclusive ? (highest == 1 ? 0.9999 : highest - 1e-9) : highest
        return (low, high)
    }

    /// Why a path cannot carry a range.
    public enum Problem: Error, Sendable, Hashable {
        /// Not a single continuous value of this model (a count, a duration, a name, a route, …).
        case notContinuous(String)
    }

    static let share = (0.0, 1.0)
    /// −99.99 % of the period: uncertainty.md's clamp for rates of change.
    static let rateFloor = -0.9999

    /// The setter for `path` in `model`; `written` holds the paths the file writes (a default that
    /// follows another key — `price_cached_input` follows `price_input` — follows its draws too).
    public static func make(path: String, in model: Model, written: Set<String>) -> Result<InputSetter, Problem> {
        let s = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let notContinuous = Problem.notContinuous(path)
        func share(_ set: @escaping @Sendable (inout Model, Double) -> Void) -> InputSetter {
            InputSetter(dimensions: [.percent], lowest: 0, highest: 1, apply: set)
        }
        func atLeast(_ low: Double, _ dimensions: [Dimension], exclusive: Bool = false,
                     _ set: @escaping @Sendable (inout Model, Double) -> Void) -> InputSetter {
            InputSetter(dimensions: dimensions, lowest: low, highest: .infinity, lowestExclusive: exclusive, apply: set)
        }
        switch s.first {
        case "discount_rate" where s.count == 1:
            return .success(InputSetter(dimensions: [.percent, .ratePerYear], lowest: 0, highest: 1) { $0.discountRate = $1 })
        case "finance":
            return financeSetter(s, model: model).map(Result.success) ?? .failure(notContinuous)
        case "workloads":
            guard s.count == 3, let w = model.workloads.firstIndex(where: { $0.name == s[1] }) else { break }
            switch s[2] {
            case "requests": return .success(atLeast(0, [.perMonth]) { $0.workloads[w].requests = Schedule($1) })
            case "growth":
                let monthly = model.workloads[w].growth.first.isMonthly
                return .success(rate(monthly) { $0.workloads[w].growth = Schedule(Rate($1, monthly: monthly)) })
            case "input_tokens": return .success(atLeast(0, [.number]) { $0.workloads[w].inputTokens = $1 })
            case "output_tokens": return .success(atLeast(0, [.number]) { $0.workloads[w].outputTokens = $1 })
            case "cached_input": return .success(share { $0.workloads[w].cachedInput = $1 })
            case "cache_write": return .success(share { $0.workloads[w].cacheWrite = $1 })
            case "batch": return .success(share { $0.workloads[w].batch = $1 })
            case "peak_to_average": return .success(atLeast(1, [.number]) { $0.workloads[w].peakToAverage = $1 })
            default: break
            }
        case "serving":
            guard s.count >= 3, let o = model.serving.firstIndex(where: { $0.name == s[1] }) else { break }
            return servingSetter(s, option: o, model: model, written: written).map(Result.success)
                ?? .failure(notContinuous)
        case "hardware":
            guard s.count == 3, let h = model.hardware.firstIndex(where: { $0.name == s[1] }) else { break }
            switch s[2] {
            case "price": return .success(atLeast(0, [.money]) { $0.hardware[h].price = $1 })
            case "power": return .success(atLeast(0, [.power], exclusive: true) { $0.hardware[h].power = $1 })
            case "idle_power": return .success(atLeast(0, [.power]) { $0.hardware[h].idlePower = $1 })
            case "residual":
                return .success(InputSetter(dimensions: [.percent], lowest: 0, highest: 1, highestExclusive: true)
                                { $0.hardware[h].residual = $1 })
            case "maintenance":
                return .success(atLeast(0, [.ratePerYear, .ratePerMonth]) { $0.hardware[h].maintenancePerYear = $1 })
            default: break
            }
        case "facility":
            guard s.count == 2, model.facility != nil else { break }
            switch s[1] {
            case "pue": return .success(atLeast(1, [.number]) { $0.facility?.pue = $1 })
            case "electricity":
                return .success(atLeast(0, [.pricePerKilowattHour]) { $0.facility?.electricityPerKilowattHour = Schedule($1) })
            case "electricity_change":
                let monthly = model.facility?.electricityChange.first.isMonthly ?? false
                return .success(rate(monthly) { $0.facility?.electricityChange = Schedule(Rate($1, monthly: monthly)) })
            case "colocation":
                return .success(atLeast(0, [.pricePerKilowattMonth]) { $0.facility?.colocationPerKilowattMonth = Schedule($1) })
            default: break
            }
        case "staff":
            guard s.count == 3, let r = model.staff.firstIndex(where: { $0.name == s[1] }) else { break }
            switch s[2] {
            case "count": return .success(atLeast(0, [.number]) { $0.staff[r].count = Schedule($1) })
            case "cost": return .success(atLeast(0, [.moneyPerYear]) { $0.staff[r].costPerYear = Schedule($1) })
            case "cost_change":
                let monthly = model.staff[r].costChange.first.isMonthly
                return .success(rate(monthly) { $0.staff[r].costChange = Schedule(Rate($1, monthly: monthly)) })
            default: break
            }
        case "strategies":
            return strategySetter(s, model: model).map(Result.success) ?? .failure(notContinuous)
        default:
            break
        }
        return .failure(notContinuous)
    }

    /// A rate of change in the period it is written in: above −100 %, clamped to −99.99 %.
    static func rate(_ monthly: Bool, _ set: @escaping @Sendable (inout Model, Double) -> Void) -> InputSetter {
        InputSetter(dimensions: monthly ? [.ratePerMonth] : [.ratePerYear], lowest: -1, highest: .infinity,
                    lowestExclusive: true, apply: set)
    }
}
