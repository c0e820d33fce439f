/// A unit as written after a number, and how it converts to its dimension's canonical unit.
struct Unit: Sendable {
    var dimension: Dimension
    /// Power of ten applied to the written number (`%` is −2, `MW` is +3 in kW).
    var exponent: Int = 0
    /// Multiplier applied after the power of ten (`years` → 12 months, `/month` money → 12 per year).
    var factor: Double = 1
    /// `/day` volumes: × 365/12 to a month (a month is exactly 365/12 days).
    var perDay: Bool = false

    enum Lookup {
        case unit(Unit)
        case foreignCurrency(String)
        case unknown
    }

    private static let plain: [String: Unit] = [
        "": Unit(dimension: .number),
        "%": Unit(dimension: .percent, exponent: -2),
        "%/year": Unit(dimension: .ratePerYear, exponent: -2),
        "%/month": Unit(dimension: .ratePerMonth, exponent: -2),
        "/month": Unit(dimension: .perMonth),
        "/day": Unit(dimension: .perMonth, perDay: true),
        "W": Unit(dimension: .power, exponent: -3),
        "kW": Unit(dimension: .power),
        "MW": Unit(dimension: .power, exponent: 3),
        "tok/s": Unit(dimension: .throughput),
        "month": Unit(dimension: .duration),
        "months": Unit(dimension: .duration),
        "mo": Unit(dimension: .duration),
        "year": Unit(dimension: .duration, factor: 12),
        "years": Unit(dimension: .duration, factor: 12),
        "y": Unit(dimension: .duration, factor: 12),
    ]

    /// Units that follow a currency code, e.g. `USD/Mtok`.
    private static let perCurrency: [String: Unit] = [
        "": Unit(dimension: .money),
        "/Mtok": Unit(dimension: .pricePerMillionTokens),
        "/GPU-hour": Unit(dimension: .pricePerGPUHour),
        "/kW/month": Unit(dimension: .pricePerKilowattMonth),
        "/kWh": Unit(dimension: .pricePerKilowattHour),
        "/year": Unit(dimension: .moneyPerYear),
        "/month": Unit(dimension: .moneyPerYear, factor: 12),
    ]

    static func lookup(_ text: String, currency: String) -> Lookup {
        if let unit = plain[text] { return .unit(unit) }
        guard let code = currencyCode(of: text) else { return .unknown }
        let suffix = String(text.dropFirst(3))
        guard let unit = perCurrency[suffix] else { return .unknown }
        return code == currency ? .unit(unit) : .foreignCurrency(code)
    }

    /// The three-letter currency code that starts `text` (`USD` in `USD/Mtok`), if any.
    static func currencyCode(of text: String) -> String? {
        let letters = text.prefix(3)
        guard letters.count == 3, letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return nil }
        let rest = text.dropFirst(3)
        guard rest.isEmpty || rest.first == "/" else { return nil }
        return String(letters)
    }

    /// Every spelling the parser accepts, for "did you mean" hints.
    static func spellings(currency: String) -> [String] {
        plain.keys.filter { !$0.isEmpty }.sorted() + perCurrency.keys.map { currency + $0 }.sorted()
    }

    /// The spellings of units of the `dimensions`, for hints that suggest a unit the key accepts.
    static func spellings(currency: String, for dimensions: [Dimension]) -> [String] {
        plain.filter { !$0.key.isEmpty && dimensions.contains($0.value.dimension) }.keys.sorted()
            + perCurrency.filter { dimensions.contains($0.value.dimension) }.keys.map { currency + $0 }.sorted()
    }
}
