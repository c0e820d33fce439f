/// How a cell looks. Inputs, solver values and calculations are styled apart, as the FAST
/// standard asks, so a reviewer sees at a glance what may be changed and what is computed.
enum CellStyle: Hashable {
    case plain
    case title
    case subtitle
    case header
    /// A header over centred cells (check flags).
    case centredHeader
    /// A header over right-aligned numbers, aligned with them.
    case numberHeader
    case label
    case note
    /// As `note`, on one line (rows keep their height, so wrapped text would overlap).
    case remark
    /// An assumption: blue on light yellow.
    case input(NumberFormat)
    /// A live formula.
    case calc(NumberFormat)
    /// A key result: bold, ruled above.
    case total(NumberFormat)
    /// A value the solver wrote because Excel cannot express the step cleanly: italic on lilac.
    case solver(NumberFormat)
    /// A hyperlink to another place in the workbook.
    case link
    /// Conditional formats: a passing check (green), a failing one (red), a solver value made
    /// stale by changed inputs (struck through on grey).
    case good, bad, stale

    enum NumberFormat: Hashable {
        case money, moneyCents, price, percent, number, integer, millions, factor, text
        /// A month as `Jan 2027`; `yearMonth` as in the model file, `2027-01`.
        case date, yearMonth
        /// Tolerances such as 10^-9, which `#,##0.00` would show as 0.00.
        case scientific
        /// A check: 0 shows "OK", anything else "FAIL" (the value stays a number to add up).
        case flag
        /// The number of failed checks: "OK" for 0, else "3 failed" (a link beside it leads to Checks).
        case failures

        var excel: String {
            switch self {
            case .money: "#,##0;[Red]-#,##0"
            case .moneyCents: "#,##0.00;[Red]-#,##0.00"
            case .price: "#,##0.000"
            case .percent: "0.0%"
            case .number: "#,##0.00"
            case .integer: "#,##0"
            case .millions: "#,##0.0,,\"M\""
            case .factor: "0.0000"
            case .text: "@"
            case .date: "mmm yyyy"
            case .yearMonth: "yyyy-mm"
            case .scientific: "0.0E+00"
            case .flag: "[=0]\"OK\";[Red]\"FAIL\""
            case .failures: "[=0]\"OK\";[Red]0\" failed\""
            }
        }
    }
}
