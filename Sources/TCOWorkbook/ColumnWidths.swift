/// Column widths from the text a column holds, so headers and labels are not cut off.
enum ColumnWidths {
    /// The width (in characters of the default font) that shows the longest of `texts`, within
    /// `minimum…maximum`; a little extra for bold headers and wide letters.
    static func fit(_ texts: [String], minimum: Double, maximum: Double) -> Double {
        let longest = Double(texts.map(\.count).max() ?? 0)
        return Swift.min(Swift.max(longest * 1.1 + 2, minimum), maximum)
    }

    /// The width of a column whose header wraps: its longest header word or value, within
    /// `minimum…maximum`. Headers such as "NPV savings vs baseline, after tax" then take three
    /// short lines instead of one wide column, and a printed sheet keeps a readable scale.
    static func fit(wrappedHeader header: String, values: [String], minimum: Double, maximum: Double) -> Double {
        fit(header.split(separator: " ").map(String.init) + values, minimum: minimum, maximum: maximum)
    }

    /// Lines `text` takes when wrapped at word boundaries in a column `width` characters wide.
    static func lines(_ text: String, width: Double) -> Int {
        let room = Swift.max(1, Int(width / 1.1) - 1)
        var lines = 1, used = 0
        for word in text.split(separator: " ") {
            let length = word.count
            if used == 0 {
                used = length
            } else if used + 1 + length <= room {
                used += 1 + length
            } else {
                lines += 1
                used = length
            }
        }
        return lines
    }
}
