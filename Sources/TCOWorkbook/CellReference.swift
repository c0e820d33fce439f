/// A1-style references for formulas (rows and columns 0-based here, as libxlsxwriter counts).
enum CellReference {
    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func column(_ index: Int) -> String {
        var n = index + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// `E5`, with `$` before the column and/or row when they are absolute.
    static func a1(row: Int, column: Int, absoluteRow: Bool = false, absoluteColumn: Bool = false) -> String {
        (absoluteColumn ? "$" : "") + self.column(column) + (absoluteRow ? "$" : "") + String(row + 1)
    }

    /// `$E$5`.
    static func absolute(row: Int, column: Int) -> String { a1(row: row, column: column, absoluteRow: true, absoluteColumn: true) }

    /// A sheet name quoted for formulas: `'Calc base'`.
    static func sheet(_ name: String) -> String { "'" + name.replacing("'", with: "''") + "'" }
}
