import TCOCore

/// A YAML value as written, with where it was written: the loader's neutral tree, before
/// `extends` and scenario overrides are merged and before it is read into a `Model`.
indirect enum ConfigNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    /// A list: rented `commitments` and a staff role's `strategies`.
    case sequence(Sequence)

    struct Scalar: Sendable {
        var text: String
        var location: SourceLocation
        /// Whether the YAML value was empty or `~`/`null` (e.g. `growth:` with nothing after it).
        var isNull: Bool
    }

    struct Mapping: Sendable {
        var entries: [Entry]
        var location: SourceLocation

        struct Entry: Sendable {
            var key: String
            var keyLocation: SourceLocation
            var value: ConfigNode
        }

        subscript(key: String) -> ConfigNode? {
            get { entries.first { $0.key == key }?.value }
        }

        func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

        /// Sets `key` to `value`, keeping the entry's place if it exists, else appending it.
        mutating func set(_ key: String, _ value: ConfigNode, keyLocation: SourceLocation) {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                entries[index].value = value
            } else {
                entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
            }
        }

        mutating func remove(_ key: String) {
            entries.removeAll { $0.key == key }
        }
    }

    struct Sequence: Sendable {
        var items: [ConfigNode]
        var location: SourceLocation
    }

    var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .mapping(let m): m.location
        case .sequence(let l): l.location
        }
    }

    var mapping: Mapping? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    var scalar: Scalar? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    var sequence: Sequence? {
        if case .sequence(let s) = self { return s }
        return nil
    }

    /// Merges `override` onto `self` as `extends` does: maps merge key by key, except a `route`, a
    /// schedule and a scenario's override, which are replaced whole (as a list is, being no map);
    /// any other value replaces.
    /// `path` is the dotted key path of `self`, which tells a schedule from a map of names.
    func merged(with override: ConfigNode, path: [String] = []) -> ConfigNode {
        // A scenario's override is one value (a route, a schedule, a list), replaced whole.
        let isOverride = path.count == 3 && path[0] == "scenarios"
        let isRoute = path.first == "strategies" && path.last == "route" && (path.count == 3 || path.count == 5)
        guard !isRoute, !isOverride, !ModelSchema.isSchedule(path: path),
            case .mapping(var base) = self, case .mapping(let top) = override
        else {
            return override
        }
        for entry in top.entries {
            if let existing = base[entry.key] {
                base.set(entry.key, existing.merged(with: entry.value, path: path + [entry.key]),
                         keyLocation: entry.keyLocation)
            } else {
                base.entries.append(entry)
            }
        }
        return .mapping(base)
    }
}
