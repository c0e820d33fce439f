/// Column widths from the text a column holds, so headers and labels are not cut off.
enum ColumnWidths {
    /// The width (in characters of the default font) that shows the longest of `texts`, within
    /// `minimum…maximum`; a little extra for bold headers and wide letters.
    static func fit(_ texts: [String], minimum: Double, maximum: Double) -> Double {
        let longest = Double(texts.map(\.count).max() ?? 0)
        return Swift.min(Swift.max(longest * 1.1 + 2, minimum), maximum)
    }
}
