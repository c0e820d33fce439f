import TCOCore

/// One what-if of the review page: a dotted key path and the value to write there, as it would be
/// written in the model file (`facility.electricity` = `0.16 USD/kWh`).
public struct WhatIfChange: Sendable, Hashable {
    public var path: String
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// The pseudo-file what-if diagnostics are located in: line N is the N-th change.
    public static let file = "what-if"

    /// Whether a what-if (as a scenario) may set `path` at all: not the model's identity and calendar
    /// (`model`, `currency`, `start`, `horizon`, …), an option's `kind`, one share of a route (a
    /// route is replaced whole) or one step of a schedule (`…requests.2028-01`). Whether the value
    /// is right is the loader's to say when it is typed.
    public static func mayChange(_ path: String) -> Bool {
        let parts = path.split(separator: ".")
        guard let section = parts.first else { return false }
        let isStep = parts.last.map { last in
            last.count == 7 && last.dropFirst(4).first == "-" && last.allSatisfy { $0.isNumber || $0 == "-" }
        }
        // `strategies.S.route.O` and `strategies.S.workloads.W.route.O` (not a workload named "route").
        let inRoute = section == "strategies" && parts.count >= 4 && parts.dropLast().last == "route"
        return !ModelSchema.notOverridable.contains(String(section)) && parts.last != "kind" && isStep != true
            && !inRoute
    }
}

extension ModelLoader {
    /// `root` with every what-if change written in, by the scenario rules (a change may set exactly
    /// what a scenario may override); a change that names no such value is a located error.
    func applyWhatIf(to root: ConfigNode.Mapping, diagnostics: inout [Diagnostic]) -> ConfigNode.Mapping {
        var tree = ConfigNode.mapping(root)
        for (index, change) in whatIf.enumerated() {
            let location = SourceLocation(file: WhatIfChange.file, line: index + 1, column: 1, length: change.path.count)
            let value: ConfigNode
            switch YAMLReader.read(change.value, file: WhatIfChange.file) {
            case .success(let node):
                // Shown as `path: value` in the what-if list, so the value starts after `path: `.
                var valueLocation = location
                valueLocation.column = change.path.count + 3
                value = node.relocated(to: valueLocation)
            case .failure(let problems):
                diagnostics += problems.diagnostics.map { diagnostic in
                    var moved = diagnostic
                    moved.location = location
                    moved.keyPath = change.path
                    return moved
                }
                continue
            }
            let override = ScenarioOverride(path: change.path, keyLocation: location, value: value)
            guard case .mapping(let current) = tree else { break }
            if let (code, message, hint) = override.problem(in: current) {
                diagnostics.append(.error(code, at: location, change.path, message, hint: hint))
                continue
            }
            tree = override.applied(to: tree)
        }
        return tree.mapping ?? root
    }
}

extension ConfigNode {
    /// The same value with every place moved to `location`: a what-if value has no place in the
    /// model file, so its problems are reported at its own line of the what-if list.
    func relocated(to location: SourceLocation) -> ConfigNode {
        switch self {
        case .scalar(var scalar):
            scalar.location = SourceLocation(
                file: location.file, line: location.line, column: location.column, length: scalar.text.count)
            return .scalar(scalar)
        case .mapping(var map):
            map.location = location
            map.entries = map.entries.map { entry in
                ConfigNode.Mapping.Entry(key: entry.key, keyLocation: location, value: entry.value.relocated(to: location))
            }
            return .mapping(map)
        case .sequence(let list):
            return .sequence(ConfigNode.Sequence(items: list.items.map { $0.relocated(to: location) }, location: location))
        }
    }
}
