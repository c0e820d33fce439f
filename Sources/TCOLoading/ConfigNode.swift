import TCOCore

/// A YAML value as written, with where it was written: the loader's neutral tree, before
/// `extends` and scenario overrides are merged and before it is read into a `Model`.
indirect enum ConfigNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    /// Sequences are not part of the format; kept only to report them where they are written.
    case sequence(SourceLocation)

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

    var location: SourceLocation {
        switch self {
        case .scalar(let s): s.location
        case .mapping(let m): m.location
        case .sequence(let l): l
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

    /// Merges `override` onto `self` as `extends` does: maps merge key by key, except a `route`,
    /// which is replaced whole; any other value replaces.
    func merged(with override: ConfigNode, key: String? = nil) -> ConfigNode {
        guard key != "route", case .mapping(var base) = self, case .mapping(let top) = override else {
            return override
        }
        for entry in top.entries {
            if let existing = base[entry.key] {
                base.set(entry.key, existing.merged(with: entry.value, key: entry.key), keyLocation: entry.keyLocation)
            } else {
                base.entries.append(entry)
            }
        }
        return .mapping(base)
    }
}
