import Foundation
import Mustache
import TCOCore

/// A Markdown memo template (swift-mustache), checked before anything is written: syntax errors
/// and tags that name nothing in the memo's context are errors with the template's line.
public struct MemoTemplate: Sendable {
    let template: MustacheTemplate
    let text: String
    let file: String

    /// Reads and parses the template at `path`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, line: 1, column: 1, message: "cannot read the template", hint: "check the path given to --template")
        }
        try self.init(text: text, file: path)
    }

    public init(text: String, file: String) throws {
        // Markdown, not HTML: no entity escaping, unless the template chooses otherwise. The
        // pragma is prepended on the same line, so line numbers stay the template's own.
        let source = text.contains("CONTENT_TYPE") ? text : "{{% CONTENT_TYPE: TEXT}}" + text
        do {
            template = try MustacheTemplate(string: source)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "\(error.error)", hint: "check that every {{#section}} has its {{/section}} and every tag is closed with }}")
        }
        self.text = text
        self.file = file
    }

    /// Every tag name that is not a key of `context` (at any depth), with its place.
    func unknownTags(in context: [String: Any]) -> [TemplateError] {
        var known: Set<String> = ["."]
        // A list that is empty in this context (no changed inputs, say) shows no keys of its
        // items, so tags inside its section cannot be checked against this context: skip them
        // rather than call a correct template wrong.
        var emptyLists: Set<String> = [], filledLists: Set<String> = []
        func collect(_ value: Any) {
            if let map = value as? [String: Any] {
                for (key, inner) in map {
                    known.insert(key)
                    if let list = inner as? [Any] {
                        if list.isEmpty { emptyLists.insert(key) } else { filledLists.insert(key) }
                    }
                    collect(inner)
                }
            } else if let list = value as? [Any] {
                list.forEach(collect)
            }
        }
        collect(context)
        let uncheckable = emptyLists.subtracting(filledLists)
        var openSections: [String] = []
        var problems: [TemplateError] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
                var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                rest = rest[close.upperBound...]
                if let sigil = tag.first, "!>%=<$".contains(sigil) { continue }
                let sigil = tag.first
                if let sigil, "#^/&{".contains(sigil) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
                if tag.hasSuffix("}") { tag = String(tag.dropLast()).trimmingCharacters(in: .whitespaces) }
                if sigil == "/" {
                    if let last = openSections.lastIndex(of: tag) { openSections.remove(at: last) }
                    continue
                }
                if openSections.contains(where: uncheckable.contains), known.contains(tag) == false {
                    if sigil == "#" || sigil == "^" { openSections.append(tag) }
                    continue
                }
                if sigil == "#" || sigil == "^" { openSections.append(tag) }
                for part in tag.split(separator: ".") where !known.contains(String(part)) {
                    let near = Suggestion.nearest(to: String(part), in: known)
                    problems.append(TemplateError(
                        file: file, line: index + 1, column: column, message: "unknown tag '\(tag)'",
                        hint: near.map { "did you mean '\($0)'?" } ?? "see Templates/memo.md.mustache for the names a memo template can use"))
                    break
                }
            }
        }
        return problems
    }

    /// Renders `context`; throws the first unknown tag, so a typo never silently prints nothing.
    public func render(_ context: [String: Any]) throws -> String {
        if let problem = unknownTags(in: context).first { throw problem }
        return template.render(context)
    }
}
