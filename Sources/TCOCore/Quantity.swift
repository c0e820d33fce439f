/// An amount read from a model file: a value in the canonical unit of its dimension.
///
/// Canonical units: fractions for percentages and rates, the model's currency for money,
/// per month for volumes, kW for power, tokens per second for throughput, months for durations.
public struct Quantity: Sendable, Hashable {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension) {
        self.value = value
        self.dimension = dimension
    }
}

/// Why a text is not a valid quantity: a message and a hint with a valid example.
public struct QuantityError: Error, Sendable, Hashable {
    public var code: DiagnosticCode
    public var message: String
    public var hint: String?

    public init(_ code: DiagnosticCode, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}

extension Quantity {
    /// Parses `text` (e.g. `280k USD`, `40%/year`, `1.2MW`) with `currency` as the model's currency code.
    ///
    /// Grammar (model-format.md, "Quantities and units"): a number with optional `_` digit
    /// separators, an optional scale `k`/`M`/`B`, optional spaces, and a unit. Where a letter could
    /// be a scale or a unit, the unit wins (`1.2MW` is 1.2 megawatts).
    public static func parse(_ text: String, currency: String) -> Result<Quantity, QuantityError> {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else {
            return .failure(QuantityError(.expectedValue, "expected a value, got nothing", hint: "write a number with its unit, e.g. '280k \(currency)'"))
        }
        guard let (numberText, rest) = splitNumber(trimmed) else {
            return .failure(QuantityError(.notANumber, "'\(trimmed)' is not a number with a unit", hint: "write a number first, e.g. '280k \(currency)' or '40%'"))
        }
        let unitText = rest.trimmingSpaces
        switch Unit.lookup(unitText, currency: currency) {
        case .unit(let unit):
            return make(numberText, exponent: 0, unit: unit, original: trimmed)
        case .foreignCurrency(let code):
            return .failure(foreignCurrency(code, in: trimmed, currency: currency))
        case .unknown:
            break
        }
        guard let scale = unitText.first, let exponent = scaleExponent(scale) else {
            return .failure(unknownUnit(unitText, in: trimmed, currency: currency))
        }
        let afterScale = String(unitText.dropFirst()).trimmingSpaces
        switch Unit.lookup(afterScale, currency: currency) {
        case .unit(let unit):
            return make(numberText, exponent: exponent, unit: unit, original: trimmed)
        case .foreignCurrency(let code):
            return .failure(foreignCurrency(code, in: trimmed, currency: currency))
        case .unknown:
            return .failure(unknownUnit(afterScale, in: trimmed, currency: currency))
        }
    }

    private static func scaleExponent(_ c: Character) -> Int? {
        switch c {
        case "k": 3
        case "M": 6
        case "B": 9
        default: nil
        }
    }

    /// Splits `-1_200.5k USD` into the digits (`-1200.5`) and the rest (`k USD`).
    private static func splitNumber(_ text: String) -> (String, Substring)? {
        var digits = ""
        var index = text.startIndex
        if index < text.endIndex, text[index] == "-" || text[index] == "+" {
            if text[index] == "-" { digits.append("-") }
            index = text.index(after: index)
        }
        var sawDigit = false, sawPoint = false, previousWasDigit = false
        while index < text.endIndex {
            let c = text[index]
            if c.isASCII, c.isNumber {
                digits.append(c)
                sawDigit = true
                previousWasDigit = true
            } else if c == "_", previousWasDigit, text.index(after: index) < text.endIndex,
                text[text.index(after: index)].isASCII, text[text.index(after: index)].isNumber
            {
                previousWasDigit = false  // a separator between two digits: skipped
            } else if c == ".", !sawPoint, sawDigit {
                digits.append(c)
                sawPoint = true
                previousWasDigit = false
            } else {
                break
            }
            index = text.index(after: index)
        }
        guard sawDigit else { return nil }
        return (digits, text[index...])
    }

    private static func make(_ digits: String, exponent: Int, unit: Unit, original: String) -> Result<Quantity, QuantityError> {
        // Shifting the decimal exponent in the text and parsing once keeps `1.2M` exactly the
        // double nearest to 1 200 000, as written, rather than 1.2 × 10^6 with a rounding step.
        let total = exponent + unit.exponent
        guard let parsed = Double(total == 0 ? digits : "\(digits)e\(total)"), parsed.isFinite else {
            return .failure(QuantityError(.tooLarge, "'\(original)' is too large to be an amount"))
        }
        var value = parsed * unit.factor
        if unit.dimension == .perMonth, unit.perDay {
            value = parsed * 365 / 12
        }
        if unit.dimension == .duration {
            let rounded = value.rounded()
            guard abs(value - rounded) < 1e-9 else {
                return .failure(QuantityError(
                    .notWholeNumber, "'\(original)' is not a whole number of months",
                    hint: "durations come to whole months, e.g. '18 months' or '1.5 years'"))
            }
            value = rounded
        }
        return .success(Quantity(value, unit.dimension))
    }

    private static func foreignCurrency(_ code: String, in text: String, currency: String) -> QuantityError {
        QuantityError(
            .foreignCurrency, "'\(text)' is in \(code), but the model's currency is \(currency)",
            hint: "write every amount of this model in \(currency), e.g. '280k \(currency)'")
    }

    private static func unknownUnit(_ unit: String, in text: String, currency: String) -> QuantityError {
        if let near = Suggestion.nearest(to: unit, in: Unit.spellings(currency: currency)) {
            return QuantityError(.unknownUnit, "unknown unit '\(unit)' in '\(text)'", hint: "did you mean '\(near)'?")
        }
        return QuantityError(
            .unknownUnit, "unknown unit '\(unit)' in '\(text)'",
            hint: "units are %, %/year, %/month, \(currency), \(currency)/Mtok, \(currency)/GPU-hour, \(currency)/kW/month, \(currency)/kWh, \(currency)/year, /month, /day, W, kW, MW, tok/s, months, years")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

}

extension Quantity {
    /// Parses `text` and checks that it has one of the `expected` dimensions (the first is the one
    /// shown in examples, unless `example` gives the form this key is usually written in, e.g.
    /// `3 months` for a lead time). The error names what was expected and shows a valid value.
    public static func parse(
        _ text: String, expecting expected: [Dimension], currency: String,
        example written: @autoclosure () -> String? = nil
    ) -> Result<Quantity, QuantityError> {
        let primary = expected.first ?? .number
        // The example and the text as shown only for an error: every number of a model is parsed here.
        var example: String { written() ?? primary.example(currency: currency) }
        var shown: String { text.trimmingSpaces }
        switch parse(text, currency: currency) {
        case .failure(var error):
            if error.code == .unknownUnit { error.hint = unknownUnitHint(shown, expected, example, currency: currency) }
            return .failure(error)
        case .success(let quantity) where expected.contains(quantity.dimension):
            return .success(quantity)
        case .success(let quantity):
            let message = "expected \(primary.noun) such as '\(example)', got '\(shown)'"
            if quantity.dimension == .number {
                return .failure(QuantityError(.wrongDimension, message, hint: plainNumberHint(quantity.value, primary, example)))
            }
            if primary == .number {
                return .failure(QuantityError(
                    .wrongDimension, message, hint: "this key counts things: write the number alone, e.g. '\(example)'"))
            }
            // A percentage where a rate of change is expected is most likely the rate without its
            // period: the hint keeps the reader's figure (and sign) and adds the period.
            if quantity.dimension == .percent, [.ratePerYear, .ratePerMonth].contains(primary) {
                let period = primary == .ratePerYear ? "/year" : "/month"
                return .failure(QuantityError(
                    .wrongDimension, message,
                    hint: "'\(shown)' is a percentage; a rate of change gives its period: '\(shown)\(period)'"))
            }
            return .failure(QuantityError(
                .wrongDimension, message,
                hint: "'\(shown)' is \(quantity.dimension.noun); write \(primary.noun), e.g. '\(example)'"))
        }
    }

    /// The unit that `example` is written in, e.g. ` months` in `3 months`, `%/year` in `40%/year`.
    private static func unitPart(of example: String) -> String {
        String(example.drop { $0.isNumber || $0 == "." || $0 == "-" || $0 == "k" || $0 == "M" })
    }

    /// A plain number where a unit belongs. A fraction below 1 where a percentage belongs is most
    /// likely a share written as a decimal (`0.09` meaning 9 %), so the hint converts it.
    private static func plainNumberHint(_ value: Double, _ primary: Dimension, _ example: String) -> String {
        let unit = unitPart(of: example)
        let isPercent = [.percent, .ratePerYear, .ratePerMonth].contains(primary)
        if isPercent, value != 0, abs(value) < 1 {
            let percent = QuantityText.plain(value * 100)
            return "'\(QuantityText.plain(value))' reads as a fraction; as a percentage it is '\(percent)\(unit)'"
        }
        let separator = unit.first == " " || unit.first == "/" || unit.first == "%" ? "" : " "
        return "write the unit: '\(QuantityText.plain(value))\(separator)\(unit)'"
    }

    /// For an unknown unit: thousands separators, a unit of the expected kind, or what the key expects.
    private static func unknownUnitHint(
        _ shown: String, _ expected: [Dimension], _ example: String, currency: String
    ) -> String {
        let afterDigits = shown.drop { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "_" }
        if let first = afterDigits.first, first == "," || first == "'",
            afterDigits.dropFirst().first?.isNumber == true
        {
            return "thousands separators are written with '_' or a scale: '280_000' or '280k', not '280,000'"
        }
        // `1e12 USD/Mtok`: an exponent is not read; the number in full or with a scale is.
        if let first = afterDigits.first, first == "e" || first == "E",
            let next = afterDigits.dropFirst().first, next.isNumber || next == "-" || next == "+"
        {
            return "write the number in full or with a scale (k, M, B: '1.2M'), not as a power of ten ('\(shown)')"
        }
        let wanted = expected.map(\.noun).joined(separator: " or ")
        let candidates = Unit.spellings(currency: currency, for: expected)
        let unitText = String(afterDigits).trimmingSpaces
        // A price per token or per thousand tokens, as some price lists give it: the hint converts
        // the reader's figure, since taking the nearest unit's spelling would be 10^6 times too low.
        if expected.contains(.pricePerMillionTokens), let perMillion = tokensPerPriceUnit(unitText, currency),
            let number = Double(shown.prefix(shown.count - afterDigits.count).filter { $0 != "_" })
        {
            let converted = QuantityText.plain(number * perMillion)
            return "prices here are per million tokens: '\(shown)' is '\(converted) \(currency)/Mtok'"
        }
        if let near = Suggestion.nearest(to: unitText, in: candidates) {
            return "did you mean '\(near)'? This key expects \(wanted), e.g. '\(example)'"
        }
        return "this key expects \(wanted), e.g. '\(example)'"
    }
}

extension Quantity {
    /// How many of the unit's tokens make a million: 1,000,000 for `USD/tok` or `USD/token`, 1,000
    /// for `USD/ktok` or `USD/1k tokens`; `nil` for any other unit.
    static func tokensPerPriceUnit(_ unit: String, _ currency: String) -> Double? {
        let lower = unit.lowercased().filter { $0 != " " }
        for code in [currency.lowercased(), "$"] where lower.hasPrefix(code + "/") {
            switch lower.dropFirst(code.count + 1) {
            case "tok", "token", "tokens": return 1_000_000
            case "ktok", "ktoken", "ktokens", "1ktok", "1ktokens", "1000tokens", "ktk": return 1_000
            default: return nil
            }
        }
        return nil
    }
}

/// Short, readable text for numbers shown in hints: no exponent, no trailing zeros.
enum QuantityText {
    /// `0.09` → `0.09`, `9.000000001` → `9`, `1200` → `1200`.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 1e9).rounded() / 1e9
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") { text = String(value) }
        return text
    }
}
