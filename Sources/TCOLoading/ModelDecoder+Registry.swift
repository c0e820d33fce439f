import TCOCore

extension ModelDecoder {
    /// The number at `key` of `map`, read in the dimensions and checked against the bounds that
    /// the registry of inputs gives the key at `place`; `rule` words the bounds where the generic
    /// wording would say less (why the bound is there).
    func number(
        _ map: ConfigNode.Mapping, _ key: String, _ path: String, at place: ModelKey.Place, rule: String? = nil
    ) -> Double? {
        guard let entry = ModelKey.key(key, at: place), let bounds = entry.bounds else { return nil }
        let value = quantity(map, key, path, entry.dimensions(), place: place)?.value
        return checked(value, Self.join(path, key), bounds.allows, rule ?? Self.rule(bounds, entry.dimensions()),
                       example: entry.example(currency: currency))
    }

    /// One value or a schedule of the registry's key `key` at `place`, each value checked
    /// against its bounds.
    func amounts(_ map: ConfigNode.Mapping, _ key: String, _ path: String, at place: ModelKey.Place)
        -> Schedule<Double>?
    {
        guard let entry = ModelKey.key(key, at: place), let bounds = entry.bounds else { return nil }
        return amounts(map, key, path, entry.dimensions(), place: place, isAllowed: bounds.allows,
                       rule: Self.rule(bounds, entry.dimensions()), example: entry.example(currency: currency))
    }

    /// The allowed values in words: the common bounds as a reader says them, others from their
    /// ends (in percent for a key written in %, %/year or %/month).
    static func rule(_ bounds: InputBounds, _ dimensions: [Dimension] = []) -> String {
        switch bounds {
        case .nonNegative: return "must not be negative"
        case .positive: return "must be above zero"
        case .share: return "must be from 0% to 100%"
        case .atLeastOne: return "must be at least 1"
        default: break
        }
        let percent = dimensions.contains { [.percent, .ratePerYear, .ratePerMonth].contains($0) }
        func text(_ value: Double) -> String {
            let shown = ((percent ? value * 100 : value) * 1e9).rounded() / 1e9
            let digits = shown == shown.rounded() && abs(shown) < 1e15 ? String(Int64(shown)) : String(shown)
            return percent ? digits + "%" : digits
        }
        let low = bounds.lowest.isFinite ? (bounds.lowestExclusive ? "above " : "at least ") + text(bounds.lowest) : nil
        let high = bounds.highest.isFinite
            ? (bounds.highestExclusive ? "below " : "at most ") + text(bounds.highest) : nil
        switch (low, high) {
        case (let low?, let high?): return "must be \(low) and \(high)"
        case (let low?, nil): return "must be \(low)"
        case (nil, let high?): return "must be \(high)"
        case (nil, nil): return "is outside the allowed values"
        }
    }
}
