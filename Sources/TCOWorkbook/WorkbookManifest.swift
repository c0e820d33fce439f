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
    /// Defined names of the inputs with the cell each refers to on `Inputs` (base column),
    /// e.g. `Electricity_Price` → (row, column).
    public var inputCells: [String: (row: Int, column: Int)] = [:]
    /// The `Master_Check` cell on Summary: the number of failed checks (0 when all pass).
    public var masterCheck: (row: Int, column: Int) = (0, 0)
    /// Each check row of the Checks sheet: its label and 0-based row; scenario `s` is in column
    /// `ChecksLayout.firstScenarioColumn + s`.
    public var checkRows: [(label: String, row: Int)] = []
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

/// Layout of the `Checks` sheet: a check per row, a flag per scenario column (0 passes, 1 fails).
public enum ChecksLayout {
    public static let labelColumn = 0, failuresColumn = 1, firstScenarioColumn = 2
    /// The failures of all checks together (`Master_Check` refers to it).
    public static let totalRow = 2
    public static let headerRow = 4
    /// The input fingerprint at export and now, and the check that they agree (solver values current).
    public static let exportFingerprintRow = 7, liveFingerprintRow = 8, staleRow = 9
    public static let firstCheckRow = 11
    static var totalReference: String { "Checks!" + CellReference.absolute(row: totalRow, column: failuresColumn) }
}
