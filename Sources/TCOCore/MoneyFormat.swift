/// Money and numbers formatted for finance readers: thousands separators, short forms like `$1.70M`.
public enum MoneyFormat {
    /// `1234567.8` → `1,234,568` (rounded to `decimals`).
    public static func grouped(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "—" }
        let negative = value < 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = rounded.rounded(.towardZero)
        // Beyond 2^53 a Double has no exact digits to group (and beyond Int.max converting traps).
        guard whole < 9_007_199_254_740_992 else { return (negative ? "-" : "") + "\(abs(value))" }
        var digits = String(Int(whole))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            let fraction = Int(((rounded - whole) * scale).rounded())
            let f = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - f.count)) + f
        }
        return (negative && rounded != 0 ? "-" : "") + text
    }

    /// `1_700_000` in USD → `$1.70M`; `83_000` → `$83.0k`; other currencies as `EUR 1.70M`.
    public static func short(_ value: Double, currency: String) -> String {
        guard value.isFinite else { return "—" }
        let symbol = symbolPrefix(currency)
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        let body: String
        switch magnitude {
        case 1e9...: body = grouped(magnitude / 1e9, decimals: 2) + "B"
        case 1e6...: body = grouped(magnitude / 1e6, decimals: 2) + "M"
        case 1e3...: body = grouped(magnitude / 1e3, decimals: 1) + "k"
        default: body = grouped(magnitude, decimals: 0)
        }
        return sign + symbol + body
    }

    /// `1234567.8` → `USD 1,234,568`, or `$1,234,568` for dollars.
    public static func full(_ value: Double, currency: String, decimals: Int = 0) -> String {
        guard value.isFinite else { return "—" }
        let sign = value < 0 ? "-" : ""
        return sign + symbolPrefix(currency) + grouped(abs(value), decimals: decimals)
    }

    /// `$`, `€`, `£`, or the ISO code and a space.
    public static func symbolPrefix(_ currency: String) -> String {
        switch currency {
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        default: currency + " "
        }
    }
}
