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
        return checked(value, Self.join(path, key), bounds.allows, rule ?? Self.rule(bounds),
                       example: entry.example(currency: currency))
    }

    /// One value or a schedule of the registry's key `key` at `place`, each value checked
    /// against its bounds.
    func amounts(_ map: ConfigNode.Mapping, _ key: String, _ path: String, at place: ModelKey.Place)
        -> Schedule<Double>?
    {
        guard let entry = ModelKey.key(key, at: place), let bounds = entry.bounds else { return nil }
        return amounts(map, key, path, entry.dimensions(), place: place, isAllowed: bounds.allows,
                       rule: Self.rule(bounds), example: entry.example(currency: currency))
    }

    /// The allowed values in words, for the common bounds.
    static func rule(_ bounds: InputBounds) -> String {
        switch bounds {
        case .nonNegative: "must not be negative"
        case .positive: "must be above zero"
        case .share: "must be from 0% to 100%"
        case .atLeastOne: "must be at least 1"
        default: "is outside the allowed values"
        }
    }
}
