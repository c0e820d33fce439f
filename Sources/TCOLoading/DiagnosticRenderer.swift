import TCOCore

/// Renders diagnostics like a compiler: headline, the source line with a caret, and the hint.
public enum DiagnosticRenderer {
    /// One block of text per diagnostic, using `sources` (file → text) for the excerpt.
    public static func render(_ diagnostic: Diagnostic, sources: [String: String]) -> String {
        var lines = [diagnostic.headline]
        if let location = diagnostic.location, let text = sources[location.file] {
            let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if location.line >= 1, location.line <= fileLines.count {
                let number = String(location.line)
                let gutter = String(repeating: " ", count: max(4, number.count + 1))
                let sourceLine = fileLines[location.line - 1].replacing("\t", with: " ")
                let padded = String(repeating: " ", count: max(0, gutter.count - number.count)) + number
                lines.append("\(padded) | \(sourceLine)")
                let underline = "^" + String(repeating: "~", count: max(0, location.length - 1))
                lines.append("\(gutter) | \(String(repeating: " ", count: max(0, location.column - 1)))\(underline)")
            }
        }
        if let hint = diagnostic.hint {
            lines.append("      = hint: \(hint)")
        }
        return lines.joined(separator: "\n")
    }
}
