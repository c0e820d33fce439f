/// One key of the model file format: where it is written, what it takes, its default and range.
///
/// `ModelKey.all` is the one list of keys: the loader's allowed and required keys, its examples
/// in hints, the JSON Schema (`tco schema`), the starter model and the documentation test read it.
public struct ModelKey: Sendable, Hashable {
    public static func == (a: ModelKey, b: ModelKey) -> Bool { a.place == b.place && a.name == b.name }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(place)
        hasher.combine(name)
    }

    /// The map a key is written in.
    public enum Place: String, Sendable, Hashable, CaseIterable {
        case top = ""
        case workload = "workloads.NAME"
        case api = "serving.NAME (api)"
        case selfHosted = "serving.NAME (self_hosted)"
        case rented = "serving.NAME (rented)"
        case hardware = "hardware.NAME"
        case facility = "facility"
        case staffRole = "staff.NAME"
        case strategy = "strategies.NAME"
        case strategyWorkload = "strategies.NAME.workloads.NAME"
        case escalation = "escalation"
        case longContext = "serving.NAME.long_context"
        case commitment = "serving.NAME.commitments[]"
        case oneTime = "strategies.NAME.one_time.NAME"
        case finance = "finance"
        case loan = "finance.financing.NAME"
    }

    /// What a key's value is.
    public enum Form: Sendable, Hashable {
        /// An amount of one of these dimensions (the first is the usual one).
        case quantity([Dimension])
        /// An amount of one of these dimensions, or a schedule of them: a map from month
        /// (`YYYY-MM`) to amount, each holding from its month until the next.
        case schedulable([Dimension])
        /// Free text (a title, a path).
        case text
        /// A year and month, `YYYY-MM`.
        case month
        /// A three-letter currency code.
        case currencyCode
        /// `true` or `false`.
        case boolean
        /// One of these words.
        case word([String])
        /// The name of something defined elsewhere in the model (a strategy, an api option, hardware).
        case reference
        /// A map of named entries or of keys.
        case map
        /// A route: serving option names to shares that add up to 100 %.
        case route
        /// An escalation map (`rate`, `to`) or `none`.
        case escalation
        /// A list of maps whose keys are those of `place` (`[]` is an empty list).
        case list(Place)
        /// One of these words, or a list of names defined elsewhere (`[]` is an empty list).
        case wordOrNames([String])
    }

    /// Whether the key may be written as a schedule.
    public var isSchedulable: Bool {
        if case .schedulable = form { return true }
        return false
    }

    public var place: Place
    public var name: String
    public var form: Form
    public var isRequired: Bool
    /// The value used when the key is left out, as it would be written; `nil` when required or none.
    public var defaultValue: String?
    /// The allowed values in words, e.g. `0% to 100%`.
    public var range: String?
    /// A valid value as written in a USD model.
    public var example: String
    /// What the key means, in a finance reader's words.
    public var summary: String
    /// A short name for tables and workbook rows, after the owner's name (`input price`).
    public var label: String
    /// Allowed values of a number, in the unit the model stores; `nil` for other values.
    public var bounds: InputBounds?
    /// How the value is read from and written into a model; `nil` for what is not one number
    /// (text, names, routes, lists, maps).
    public var access: InputAccess?
    /// The key at the same place whose value this key takes when left out (`price_cached_input`
    /// follows `price_input`): a change of that key is also a change of this one, unless written.
    public var follows: String?
    /// The rate of change at the same place that moves this level month by month, restarting at
    /// each step of a schedule (`growth` for `requests`, `price_change` for prices).
    public var trend: String?
    /// The unit a value is shown in where the dimension does not say it (`tokens`, `GPUs`, `FTE`).
    public var unitName: String?

    /// The unit a value is shown in, e.g. `USD/Mtok`, `%/year`, `tokens`, `1 = yes`.
    public func unit(currency: String, monthly: Bool = false) -> String {
        if let unitName { return unitName }
        if access?.kind == .flag { return "1 = yes" }
        guard let dimension = dimensions(monthly: monthly).first else { return "" }
        return dimension.unitText(currency: currency)
    }

    /// The dimensions a value of the key is written in (a rate of change in the period the model
    /// writes it in); empty for what is not an amount.
    public func dimensions(monthly: Bool = false) -> [Dimension] {
        switch form {
        case .quantity(let dimensions), .schedulable(let dimensions):
            if dimensions.contains(.ratePerMonth), bounds == .rateOfChange {
                return monthly ? [.ratePerMonth] : [.ratePerYear]
            }
            return dimensions
        default:
            return []
        }
    }

    /// Keys allowed at `place`, in documentation order.
    public static func keys(at place: Place) -> [ModelKey] { all.filter { $0.place == place } }

    /// Names of the keys allowed at `place`.
    public static func names(at place: Place) -> [String] { keys(at: place).map(\.name) }

    /// Names of the keys required at `place`.
    public static func requiredNames(at place: Place) -> [String] {
        keys(at: place).filter(\.isRequired).map(\.name)
    }

    /// The key `name` at `place`.
    public static func key(_ name: String, at place: Place) -> ModelKey? {
        indexByPlace[place]?[name].map { all[$0] }
    }

    /// Where each key is in `all`, by place and name: the loader looks up every key it reads.
    private static let indexByPlace: [Place: [String: Int]] = {
        var index: [Place: [String: Int]] = [:]
        for (i, key) in all.enumerated() where index[key.place]?[key.name] == nil {
            index[key.place, default: [:]][key.name] = i
        }
        return index
    }()

    /// `example` with the model's currency in place of USD.
    public func example(currency: String) -> String {
        currency == "USD" ? example : example.replacing("USD", with: currency)
    }
}
