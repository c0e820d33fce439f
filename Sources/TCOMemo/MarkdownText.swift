/// Text from a model file made safe to place in the memo's Markdown: it stays one line, cannot
/// close a table cell, and cannot smuggle HTML (a `<script>` in a source comment) into the memo.
enum MarkdownText {
    /// `text` with line breaks as spaces, `|` escaped, and `<` as `&lt;` where it would open an
    /// HTML tag or comment (`<script`, `</`, `<!--`); `TTFT < 1 s` and `->` stay as written.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\n", "\r", "\r\n":
                out += " "
            case "|":
                out += "\\|"
            case "<":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                out += next.isLetter || next == "/" || next == "!" || next == "?" ? "&lt;" : "<"
            default:
                out.append(character)
            }
        }
        return out
    }
}
