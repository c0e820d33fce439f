import TCOCore

/// The values an input cell of the workbook accepts: the registry's bounds (an end may be open:
/// a rate of change is above −100 %), and whole numbers only for counts, months and yes/no.
/// The Inputs and Schedules sheets turn it into a cell validation and its message.
struct AllowedRange: Sendable, Hashable {
    var minimum: Double?
    var maximum: Double?
    var minimumExclusive = false
    var maximumExclusive = false
    var whole = false

    /// No restriction.
    static let any = AllowedRange()

    /// `minimum` to `maximum`, both ends allowed.
    static func closed(_ minimum: Double, _ maximum: Double) -> AllowedRange {
        AllowedRange(minimum: minimum, maximum: maximum)
    }

    /// The registry's bounds of an input (infinite ends left open), whole numbers only if `whole`.
    init(_ bounds: InputBounds?, whole: Bool) {
        minimum = bounds.map(\.lowest).flatMap { $0.isFinite ? $0 : nil }
        maximum = bounds.map(\.highest).flatMap { $0.isFinite ? $0 : nil }
        minimumExclusive = minimum != nil && bounds?.lowestExclusive == true
        maximumExclusive = maximum != nil && bounds?.highestExclusive == true
        self.whole = whole
    }

    init(minimum: Double? = nil, maximum: Double? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The allowed values in words, numbers as a reader types them in a cell of `format`
    /// (15 % for a share, 1 not 1.0): "must be above -100 %", "must be a whole number, at least 1".
    func text(format: CellStyle.NumberFormat) -> String {
        func number(_ value: Double) -> String {
            // Rounded to nine decimals: 0.15 × 100 is 15.000000000000002.
            let shown = ((format == .percent ? value * 100 : value) * 1e9).rounded() / 1e9
            let digits = shown == shown.rounded() && abs(shown) < 1e15 ? String(Int(shown)) : String(shown)
            return format == .percent ? "\(digits) %" : digits
        }
        let low = minimum.map { (minimumExclusive ? "above " : "at least ") + number($0) }
        let high = maximum.map { (maximumExclusive ? "below " : "at most ") + number($0) }
        let kind = whole ? "a whole number, " : ""
        switch (low, high) {
        case (let low?, let high?):
            if !minimumExclusive, !maximumExclusive, let minimum, let maximum {
                return "must be \(whole ? "a whole number " : "")from \(number(minimum)) to \(number(maximum))"
            }
            return "must be \(kind)\(low) and \(high)"
        case (let low?, nil): return "must be \(kind)\(low)"
        case (nil, let high?): return "must be \(kind)\(high)"
        case (nil, nil): return whole ? "any whole number" : "any number"
        }
    }
}
