/// What the workbook shows and what the solver says each cell must recalculate to; the tests
/// recalculate the file with LibreOffice and compare every entry.
public struct WorkbookManifest: Sendable {
    /// A timeline row of a `Calc` sheet.
    public struct TimelineRow: Sendable {
        public var sheet: String
        /// 0-based row.
        public var row: Int
        public var label: String
        /// The solver's value for each month (column `firstMonthColumn + m − 1`).
        public var months: [Double]
        /// The solver's value of the total column, if the row has one.
        public var total: Double?
    }

    /// A single result cell (Summary, Compare, Calc results).
    public struct Cell: Sendable {
        public var sheet: String
        public var row: Int
        public var column: Int
        public var label: String
        /// A number, or `nil` when the cell shows text (`text`).
        public var number: Double?
        public var text: String?
        /// Whether the cell holds a value the solver wrote (break-even), not a formula.
        public var isSolverValue: Bool
    }

    public var timelineRows: [TimelineRow] = []
    public var cells: [Cell] = []
    /// 0-based column of month 1 in `Calc` sheets; the total column is `totalColumn`.
    public var firstMonthColumn = CalcLayout.firstMonthColumn
    public var totalColumn = CalcLayout.totalColumn
    /// Sheet names in order.
    public var sheets: [String] = []
    /// Defined names of the inputs with the cell each refers to on `Inputs` (base column), e.g. `Electricity_Price` → (row, column).
    public var inputCells: [String: (row: Int, column: Int)] = [:]
}

/// Column layout of the `Calc` sheets.
public enum CalcLayout {
    public static let labelColumn = 0
    public static let unitColumn = 1
    public static let totalColumn = 2
    /// An empty column before month 1, so that "months before this one" ranges are never empty.
    public static let spacerColumn = 3
    public static let firstMonthColumn = 4
}
