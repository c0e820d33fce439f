import Foundation
import TCOCore

/// Loads model files: YAML, `extends`, scenarios, validation (model-format.md).
public struct ModelLoader: Sendable {
    /// Largest model file read (real models are a few kilobytes).
    static let maximumFileBytes = 4_000_000

    /// Reads a file's text; the file system by default, a fixed text for fuzzing and tests.
    let readFile: @Sendable (String) -> Result<String, FileProblem>
    /// Values that replace the file's own before anything is decoded (the review page's what-if).
    public var whatIf: [WhatIfChange] = []

    public init() { readFile = Self.readText }

    /// A loader that sees `text` as the file `path` and no other file (no `extends` resolves).
    public init(text: String, as path: String) {
        readFile = { requested in
            requested == path ? .success(text)
                : .failure(FileProblem(code: .fileNotFound, message: "file '\(requested)' does not exist"))
        }
    }

    /// Loads the file at `path`; on failure, every problem of the file (and its bases) at once;
    /// `sources` holds the text of every file read, for error excerpts.
    public func load(_ path: String) -> (result: Result<LoadedModel, LoadFailure>, sources: [String: String]) {
        var sources: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        guard let tree = readTree(path, chain: [], includedFrom: nil, sources: &sources, diagnostics: &diagnostics),
            case .mapping(var root) = tree
        else {
            if diagnostics.isEmpty {
                diagnostics.append(.error(.modelNotMap, at: SourceLocation(file: path, line: 1, column: 1), "", "the model must be a map of keys",
                                          hint: "start with 'model: My decision'"))
            }
            return (.failure(LoadFailure(diagnostics: diagnostics.ordered(), sources: sources)), sources)
        }
        let scenariosNode = root["scenarios"]
        root.remove("scenarios")
        root.remove("extends")
        root = applyWhatIf(to: root, diagnostics: &diagnostics)

        // The base and every scenario are decoded and checked (a solve each) as separate jobs on
        // every core, each with its own decoder; their diagnostics are then taken in file order.
        var scenarioProblems: [Diagnostic] = []
        let written = readScenarios(scenariosNode, diagnostics: &scenarioProblems)
        var trees: [ConfigNode?] = [.mapping(root)]
        var overrideProblems: [[Diagnostic]] = []
        for (name, overrides, _) in written {
            var applied = ConfigNode.mapping(root)
            var problems: [Diagnostic] = []
            for override in overrides {
                if let (code, message, hint) = override.problem(in: root) {
                    problems.append(.error(code, at: override.keyLocation, "scenarios.\(name).\(override.path)", message, hint: hint))
                } else {
                    applied = override.applied(to: applied)
                }
            }
            trees.append(problems.isEmpty ? applied : nil)
            overrideProblems.append(problems)
        }
        let decoded = decodeAll(trees, file: path)

        let baseDiagnostics = decoded[0]?.diagnostics ?? []
        let base = decoded[0]?.model
        diagnostics += baseDiagnostics
        var scenarios: [LoadedModel.Scenario] = []
        if let base { scenarios.append(.init(name: "base", model: base, overrides: [])) }
        diagnostics += scenarioProblems

        let baseErrors = Set(baseDiagnostics.map { "\($0.location.map(String.init(describing:)) ?? "")|\($0.message)" })
        for (index, (name, overrides, nameLocation)) in written.enumerated() {
            diagnostics += overrideProblems[index]
            guard let (model, scenarioDiagnostics) = decoded[index + 1] else { continue }
            // Problems of the base model are reported once; new ones belong to the scenario (errors,
            // and the warning about steep growth: a scenario's own rate can be the monthly slip).
            for diagnostic in scenarioDiagnostics where diagnostic.severity == .error || diagnostic.code == .steepGrowth {
                let key = "\(diagnostic.location.map(String.init(describing:)) ?? "")|\(diagnostic.message)"
                guard !baseErrors.contains(key) else { continue }
                // The growth warning only where the scenario writes the growth: the base's own is
                // reported once, whatever else the scenario changes (its requests change the message).
                let atOverride = overrides.contains {
                    diagnostic.keyPath.hasPrefix($0.path) || $0.value.location == diagnostic.location
                }
                if diagnostic.code == .steepGrowth, !atOverride { continue }
                var located = diagnostic
                if let override = overrides.first(where: { diagnostic.keyPath.hasPrefix($0.path) || $0.value.location == diagnostic.location }) {
                    located.keyPath = "scenarios.\(name).\(override.path)"
                    located.location = override.value.location == diagnostic.location ? diagnostic.location : override.keyLocation
                } else {
                    located.message += " (in scenario '\(name)')"
                    located.location = located.location ?? nameLocation
                }
                diagnostics.append(located)
            }
            if let model, !scenarioDiagnostics.hasErrors {
                scenarios.append(.init(name: name, model: model, overrides: overrides.map { ($0.path, $0.value.scalar?.text ?? Self.render($0.value)) }))
            }
        }
        guard let base, !diagnostics.hasErrors else {
            return (.failure(LoadFailure(diagnostics: diagnostics.ordered(), sources: sources)), sources)
        }
        // A definition that a base file makes and the extending file leaves unused is the extending
        // file's choice (e.g. a proposal that replaces the base's hardware), not a problem to report
        // on every run; checking the base on its own still warns.
        let warnings = diagnostics.filter { $0.code != .unusedDefinition || $0.location?.file == path }
        var loaded = LoadedModel(
            path: path, base: base, scenarios: scenarios, warnings: warnings.ordered(),
            inputs: Self.inputs(of: .mapping(root), sources: sources))
        if let block = root["uncertainty"] {
            var reader = UncertaintyReader(file: path, currency: base.currency)
            let written = Set(loaded.inputs.map(\.path))
            loaded.uncertainty = reader.read(block, root: root, model: base, written: written)
            if reader.diagnostics.hasErrors {
                return (.failure(LoadFailure(diagnostics: reader.diagnostics.ordered(), sources: sources)), sources)
            }
        }
        return (.success(loaded), sources)
    }

    /// Each tree decoded by its own decoder, on every core: the model (nil on errors) and the
    /// decoder's diagnostics, in the trees' order; nil for a nil tree.
    private func decodeAll(_ trees: [ConfigNode?], file: String) -> [(model: Model?, diagnostics: [Diagnostic])?] {
        Jobs.map(trees.count, LoadedModel.onEveryCore) { index in
            guard let tree = trees[index] else { return nil }
            let decoder = ModelDecoder(file: file)
            let model = decode(tree, with: decoder)
            return (model, decoder.diagnostics)
        }
    }

    private func decode(_ tree: ConfigNode, with decoder: ModelDecoder) -> Model? {
        guard let model = decoder.decodeModel(tree) else { return nil }
        let facility = tree.mapping?["facility"]?.mapping
        decoder.checkRules(model, facilityHasElectricity: facility?["electricity"] != nil)
        if !decoder.diagnostics.hasErrors { decoder.checkFallbacks(model) }
        if !decoder.diagnostics.hasErrors, let problem = ModelBounds.problem(in: model) {
            decoder.error(
                .tooLarge, decoder.location(of: problem.keyPath), problem.keyPath, problem.message,
                hint: "check the value and its unit: growth is per year ('40%/year'), requests per month "
                    + "('1.2M/month'), throughput per GPU ('2400 tok/s')")
        }
        return decoder.diagnostics.hasErrors ? nil : model
    }

    /// Reads `path` and its `extends` chain into one merged tree.
    private func readTree(
        _ path: String, chain: [String], includedFrom: SourceLocation?, sources: inout [String: String], diagnostics: inout [Diagnostic]
    ) -> ConfigNode? {
        let text: String
        switch readFile(path) {
        case .success(let read):
            // YAML also breaks lines at a lone carriage return; one kind of line break keeps every
            // line number of the parser, the diagnostics and the excerpts the same (fuzzer finding).
            text = read.contains("\r") ? read.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n") : read
        case .failure(let problem):
            if let excerpt = problem.excerptText { sources[path] = excerpt }
            // A problem with the file itself is located where it is named: the 'extends' line, or
            // inside the file for its content (byte position of bad UTF-8).
            diagnostics.append(.error(
                problem.code, at: problem.location ?? includedFrom, includedFrom == nil ? "" : "extends",
                problem.message, hint: problem.hint ?? (includedFrom == nil ? "check the path"
                    : "'extends' is relative to the file that contains it")))
            return nil
        }
        sources[path] = text
        let tree: ConfigNode
        switch YAMLReader.read(text, file: path) {
        case .success(let node): tree = node
        case .failure(let problems):
            diagnostics += problems.diagnostics
            return nil
        }
        guard case .mapping(var map) = tree, let extendsNode = map["extends"] else { return tree }
        map.remove("extends")
        guard case .scalar(let scalar) = extendsNode, !scalar.isNull else {
            diagnostics.append(.error(.invalidExtends, at: extendsNode.location, "extends", "expected the path of a base model file",
                                      hint: "e.g. 'extends: support-copilot.yaml' (relative to this file)"))
            return nil
        }
        let basePath = Self.resolve(scalar.text, relativeTo: path)
        let canonical = URL(fileURLWithPath: basePath).standardizedFileURL.path
        let chainHere = chain + [URL(fileURLWithPath: path).standardizedFileURL.path]
        if chainHere.contains(canonical) {
            diagnostics.append(.error(.extendsLoop, at: scalar.location, "extends",
                                      "'extends' makes a loop: \(basePath) is already part of this chain",
                                      hint: "a base file must not extend, directly or indirectly, the file that extends it"))
            return nil
        }
        guard let baseTree = readTree(basePath, chain: chainHere, includedFrom: scalar.location, sources: &sources, diagnostics: &diagnostics) else {
            return nil
        }
        guard baseTree.mapping != nil else {
            diagnostics.append(.error(
                .invalidExtends, at: scalar.location, "extends",
                "'\(basePath)' is not a model file (a YAML map of keys such as 'model:' and 'workloads:')",
                hint: "point 'extends' at the model file this one builds on, e.g. 'extends: support-copilot.yaml'"))
            return nil
        }
        var base = baseTree
        if case .mapping(var baseMap) = base {
            baseMap.remove("extends")
            base = .mapping(baseMap)
        }
        diagnostics += Self.keptWorkloadRoutes(base: base, extending: map)
        return base.merged(with: .mapping(map))
    }

    /// Warnings for a strategy whose `route` the extending file replaces while the base's
    /// per-workload routes still apply: a proposal that moves "all traffic" to new servers would
    /// otherwise keep some workloads on the base's servers without a word.
    static func keptWorkloadRoutes(base: ConfigNode, extending map: ConfigNode.Mapping) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for entry in map["strategies"]?.mapping?.entries ?? [] {
            guard let route = entry.value.mapping?.entry("route") else { continue }
            let baseWorkloads = base.mapping?["strategies"]?.mapping?[entry.key]?.mapping?["workloads"]?.mapping
            let ownWorkloads = entry.value.mapping?["workloads"]?.mapping
            for workload in baseWorkloads?.entries ?? [] where workload.value.mapping?["route"] != nil {
                guard ownWorkloads?[workload.key]?.mapping?["route"] == nil else { continue }
                warnings.append(.warning(
                    .baseSettingKept, at: route.keyLocation, "strategies.\(entry.key).route",
                    "this file replaces strategy '\(entry.key)'s route, but workload '\(workload.key)' keeps its own route "
                        + "from the base file",
                    hint: "if '\(workload.key)' should move too, write 'strategies.\(entry.key).workloads.\(workload.key).route' "
                        + "here as well"))
            }
        }
        return warnings
    }

    struct FileProblem: Error, Sendable {
        var code: DiagnosticCode
        var message: String
        var location: SourceLocation?
        var hint: String?
        /// The file's text with undecodable bytes replaced, to quote the offending line.
        var excerptText: String?
    }

    /// The text of the model file at `path`, or why it cannot be read, in words.
    static func readText(_ path: String) -> Result<String, FileProblem> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
            if (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
                return .failure(FileProblem(
                    code: .fileNotFound, message: "'\(path)' is a symbolic link that leads nowhere (broken or in a loop)",
                    hint: "point the link at a model file, or name the file itself"))
            }
            return .failure(FileProblem(code: .fileNotFound, message: "file '\(path)' does not exist"))
        }
        if isFolder.boolValue {
            return .failure(FileProblem(code: .fileUnreadable, message: "'\(path)' is a folder, not a model file",
                                        hint: "name a .yaml model file"))
        }
        let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumFileBytes {
            return .failure(FileProblem(
                code: .fileTooLarge,
                message: "'\(path)' is \(size / 1_000_000) MB; a model file may be at most \(maximumFileBytes / 1_000_000) MB",
                hint: "a model file describes one decision in a few kilobytes; check that this is the right file"))
        }
        guard let data = manager.contents(atPath: path) else {
            return .failure(FileProblem(code: .fileUnreadable, message: "cannot read '\(path)' (permission denied?)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(FileProblem(
                code: .notUTF8, message: "'\(path)' is not UTF-8 text", location: firstInvalidUTF8(in: data, file: path),
                hint: "save the file as UTF-8 (in most editors: Save As… → Encoding: UTF-8)",
                excerptText: String(decoding: data, as: UTF8.self)))
        }
        return .success(text)
    }

    /// Where the first byte that is not UTF-8 sits, as a 1-based line and column.
    static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return SourceLocation(file: file, line: line, column: column)
            case .emptyInput:
                return nil
            }
        }
    }

    static func resolve(_ relative: String, relativeTo file: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? relative : (directory as NSString).appendingPathComponent(relative)
    }

    private func readScenarios(_ node: ConfigNode?, diagnostics: inout [Diagnostic]) -> [(String, [ScenarioOverride], SourceLocation)] {
        guard let node else { return [] }
        guard case .mapping(let map) = node else {
            diagnostics.append(.error(.expectedMap, at: node.location, "scenarios", "expected a map of scenario names to overrides",
                                      hint: "e.g. 'scenarios: {price-war: {serving.frontier.price_change: -50%/year}}'"))
            return []
        }
        var result: [(String, [ScenarioOverride], SourceLocation)] = []
        for entry in map.entries {
            let path = "scenarios.\(entry.key)"
            if entry.key == "base" {
                diagnostics.append(.error(.invalidScenario, at: entry.keyLocation, path, "'base' is the scenario without overrides; no scenario may be called 'base'",
                                          hint: "rename it, e.g. 'base-case'"))
                continue
            }
            if let problem = ModelDecoder.nameProblem(entry.key, maximumLength: ModelDecoder.maximumScenarioNameLength) {
                diagnostics.append(.error(.invalidName, at: entry.keyLocation, path, problem.message, hint: problem.hint))
                continue
            }
            // Excel treats sheet names that differ only in case as one sheet.
            if let earlier = map.entries.first(where: { $0.key != entry.key && $0.key.lowercased() == entry.key.lowercased() }),
                map.entries.firstIndex(where: { $0.key == earlier.key }) ?? 0 < map.entries.firstIndex(where: { $0.key == entry.key }) ?? 0
            {
                diagnostics.append(.error(
                    .invalidScenario, at: entry.keyLocation, path,
                    "scenario '\(entry.key)' differs from '\(earlier.key)' only in upper and lower case",
                    hint: "give it a distinct name: spreadsheets treat the two as the same sheet"))
                continue
            }
            guard case .mapping(let overrides) = entry.value else {
                diagnostics.append(.error(.expectedMap, at: entry.value.location, path, "expected a map of dotted key paths to values",
                                          hint: "e.g. 'serving.frontier.price_change: -50%/year'"))
                continue
            }
            result.append((entry.key, overrides.entries.map { ScenarioOverride(path: $0.key, keyLocation: $0.keyLocation, value: $0.value) }, entry.keyLocation))
        }
        return result
    }

    /// Every scalar of the tree by dotted path, in file order; routes, escalations, schedules and
    /// lists as one value.
    static func flatten(_ node: ConfigNode, prefix: String) -> [(path: String, text: String, location: SourceLocation)] {
        switch node {
        case .scalar(let s): return [(prefix, s.text, s.location)]
        case .sequence(let list): return [(prefix, render(node), list.location)]
        case .mapping(let m):
            let segments = prefix.split(separator: ".").map(String.init)
            let last = segments.last ?? ""
            if last == "route" || last == "escalation" || ModelSchema.isSchedule(path: segments) {
                return [(prefix, render(node), m.location)]
            }
            return m.entries.flatMap { flatten($0.value, prefix: prefix.isEmpty ? $0.key : "\(prefix).\($0.key)") }
        }
    }

    /// Every input of the merged tree with the source comment of its line; each file is split
    /// into lines once.
    static func inputs(of root: ConfigNode, sources: [String: String]) -> [LoadedModel.Input] {
        let lines = sources.mapValues { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        return flatten(root, prefix: "").map { item in
            LoadedModel.Input(path: item.path, text: item.text, location: item.location,
                              source: comment(at: item.location, lines: lines[item.location.file] ?? []))
        }
    }

    /// The `# comment` at the end of the line of `location`, trimmed: by this project's convention, the figure's source.
    static func comment(at location: SourceLocation, lines: [Substring]) -> String? {
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        guard let hash = line.range(of: " #") else { return nil }
        let comment = line[hash.upperBound...].trimmingCharacters(in: .whitespaces)
        return comment.isEmpty ? nil : comment
    }

    /// A compact one-line rendering of a value, e.g. `{slm-8b: 80%, frontier: 20%}`.
    static func render(_ node: ConfigNode) -> String {
        switch node {
        case .scalar(let s): s.text
        case .sequence(let list): "[" + list.items.map(render).joined(separator: ", ") + "]"
        case .mapping(let m): "{" + m.entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
