/// How a cell looks. Inputs, solver values and calculations are styled apart, as the FAST
/// standard asks, so a reviewer sees at a glance what may be changed and what is computed.
enum CellStyle: Hashable {
    case plain
    case title
    case subtitle
    case header
    case label
    case note
    /// An assumption: blue on light yellow.
    case input(NumberFormat)
    /// A live formula.
    case calc(NumberFormat)
    /// A key result: bold, ruled above.
    case total(NumberFormat)
    /// A value the solver wrote because Excel cannot express the step cleanly: italic on lilac.
    case solver(NumberFormat)

    enum NumberFormat: Hashable {
        case money, moneyCents, price, percent, number, integer, millions, factor, text

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
            }
        }
    }
}
