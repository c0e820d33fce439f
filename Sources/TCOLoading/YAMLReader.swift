import TCOCore
internal import Yams

/// Reads YAML text into a `ConfigNode` tree, turning YAML problems into located diagnostics.
enum YAMLReader {
    struct Problems: Error {
        var diagnostics: [Diagnostic]
    }

    /// Most values a model file may hold: real models have a few hundred; the cap keeps a crafted
    /// file from exhausting memory.
    static let maximumNodes = 100_000

    static func read(_ text: String, file: String) -> Result<ConfigNode, Problems> {
        if let tabs = tabDiagnostics(text, file: file) {
            return .failure(Problems(diagnostics: tabs))
        }
        if let control = controlCharacter(in: text, file: file) {
            return .failure(Problems(diagnostics: [control]))
        }
        do {
            // Yams keeps a node's anchor only weakly; the parser holds it strongly, so it stays
            // alive while the tree is converted and anchored nodes can be recognised.
            // `.basic`: plain scalars keep their text (the loader reads numbers and nulls itself), and
            // the default resolver's regular expressions, compiled on first use, were a quarter of
            // the start-up of a small `tco solve`.
            let parser = try Parser(yaml: text, resolver: .basic)
            guard let root = try parser.singleRoot() else {
                return .failure(Problems(diagnostics: [.error(
                    .modelNotMap, at: SourceLocation(file: file, line: 1, column: 1), "", "the file is empty",
                    hint: "start with 'model: My decision' and the other required keys; see Models/ for examples")]))
            }
            var budget = maximumNodes
            return withExtendedLifetime(parser) { convert(root, file: file, budget: &budget) }
        } catch let error as YamlError {
            return .failure(Problems(diagnostics: [diagnostic(for: error, file: file, yamlLines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))]))
        } catch {
            return .failure(Problems(diagnostics: [.error(.yamlSyntax, at: SourceLocation(file: file, line: 1, column: 1), "", "cannot read YAML: \(error)")]))
        }
    }

    /// A control character (NUL, bell, …) has no place in a model file; YAML's reader reports it
    /// without its line, so find it first.
    private static func controlCharacter(in text: String, file: String) -> Diagnostic? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if scalar.value < 0x20, scalar != "\t", scalar != "\r" {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return .error(
                    .yamlSyntax, at: SourceLocation(file: file, line: line, column: column), "",
                    "the file contains a control character (U+\(String(repeating: "0", count: 4 - code.count))\(code))",
                    hint: "delete it: model files are plain text")
            }
            column += 1
        }
        return nil
    }

    /// YAML forbids tabs for indentation; say so plainly rather than with the scanner's words.
    private static func tabDiagnostics(_ text: String, file: String) -> [Diagnostic]? {
        var found: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indent.firstIndex(of: "\t") {
                let column = line.distance(from: line.startIndex, to: tab) + 1
                found.append(.error(
                    .tabIndentation, at: SourceLocation(file: file, line: index + 1, column: column), "",
                    "a tab character is used for indentation",
                    hint: "YAML indents with spaces only: replace the tab with spaces"))
            }
        }
        return found.isEmpty ? nil : found
    }

    private static func diagnostic(for error: YamlError, file: String, yamlLines: [String]) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(
                .yamlSyntax, at: SourceLocation(file: file, line: mark.line, column: mark.column), "", message,
                hint: "check indentation and the ':' after each key; quote text that contains ':' or '#'")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let lines = yamlLines
            let (line, column) = secondOccurrence(of: key, after: context.mark.line, column: context.mark.column, in: lines)
            let path = (parentKeys(of: context.mark.line, column: context.mark.column, in: lines) + [key]).joined(separator: ".")
            return .error(
                .duplicateKey, at: SourceLocation(file: file, line: line, column: column, length: key.count),
                path, "key '\(key)' is written twice in the same map (first at line \(context.mark.line))",
                hint: "keep one of them: a later value would silently replace the earlier one")
        default:
            return .error(.yamlSyntax, at: SourceLocation(file: file, line: 1, column: 1), "", "cannot read YAML: \(error)")
        }
    }

    /// Where a duplicated block-style key is written again: the next line at the same indentation
    /// with the same key, before the map ends; the first place if it cannot be found (flow maps).
    static func secondOccurrence(of key: String, after line: Int, column: Int, in lines: [String]) -> (Int, Int) {
        var index = line  // 0-based index of the line after the first occurrence
        while index < lines.count {
            let text = lines[index]
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if content.isEmpty || content.hasPrefix("#") {
                index += 1
                continue
            }
            if indent + 1 < column { break }
            if indent + 1 == column, content.hasPrefix(key + ":") { return (index + 1, column) }
            index += 1
        }
        return (line, column)
    }

    /// The keys of the block-style maps that enclose the key at `line`/`column`, outermost first.
    static func parentKeys(of line: Int, column: Int, in lines: [String]) -> [String] {
        var keys: [String] = []
        var limit = column - 1
        // Bounded by the lines we have, whatever line Yams reports (found by the fuzzer).
        var index = Swift.min(line - 2, lines.count - 1)
        while index >= 0, limit > 0 {
            let text = lines[index]
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if !content.isEmpty, !content.hasPrefix("#"), indent < limit, let colon = content.firstIndex(of: ":") {
                keys.insert(String(content[..<colon]), at: 0)
                limit = indent
            }
            index -= 1
        }
        return keys
    }

    private static func location(_ node: Node, file: String, length: Int = 1) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, length: length)
    }

    private static func convert(_ node: Node, file: String, budget: inout Int) -> Result<ConfigNode, Problems> {
        // Yams hands back an alias as the very node its anchor names, so refusing every anchored
        // node here stops "billion laughs" files before any alias is walked (expanded).
        if node.anchor != nil {
            return .failure(Problems(diagnostics: [.error(
                .aliasNotSupported, at: location(node, file: file), "",
                "YAML anchors and aliases (&name, *name) are not supported in model files",
                hint: "write the value out in full; to share values between files, use 'extends'")]))
        }
        budget -= 1
        if budget < 0 {
            return .failure(Problems(diagnostics: [.error(
                .fileTooLarge, at: location(node, file: file), "",
                "the model has more than \(maximumNodes) values", hint: "a model file describes one decision; split it")]))
        }
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return .success(.scalar(ConfigNode.Scalar(
                text: scalar.string, location: location(node, file: file, length: scalar.string.count), isNull: isNull)))
        case .mapping(let mapping):
            var entries: [ConfigNode.Mapping.Entry] = []
            var problems: [Diagnostic] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    problems.append(.error(.keyNotPlain, at: location(key, file: file), "", "a key must be a plain name",
                                           hint: "write 'name: value'"))
                    continue
                }
                switch convert(value, file: file, budget: &budget) {
                case .success(let converted):
                    entries.append(.init(key: keyScalar.string, keyLocation: location(key, file: file, length: keyScalar.string.count), value: converted))
                case .failure(let more):
                    problems += more.diagnostics
                }
            }
            if !problems.isEmpty { return .failure(Problems(diagnostics: problems)) }
            return .success(.mapping(ConfigNode.Mapping(entries: entries, location: location(node, file: file))))
        case .sequence(let sequence):
            var items: [ConfigNode] = []
            var problems: [Diagnostic] = []
            for item in sequence {
                switch convert(item, file: file, budget: &budget) {
                case .success(let converted): items.append(converted)
                case .failure(let more): problems += more.diagnostics
                }
            }
            if !problems.isEmpty { return .failure(Problems(diagnostics: problems)) }
            return .success(.sequence(ConfigNode.Sequence(items: items, location: location(node, file: file))))
        case .alias:
            return .failure(Problems(diagnostics: [.error(
                .aliasNotSupported, at: location(node, file: file), "",
                "YAML anchors and aliases (&name, *name) are not supported in model files",
                hint: "write the value out in full; to share values between files, use 'extends'")]))
        }
    }
}
