/// One monthly line of a strategy that enters its cash cost or its P&L cost (calculations.md,
/// "Totals of a strategy").
///
/// The one list of what cash cost and P&L cost are made of: the solver's totals, the JSON
/// document, the workbook's total rows and the yearly view iterate it. Adding a line means one
/// case here, one stored line in `MonthlyLines`, and its arithmetic in the solver.
///
/// Cases are in the order of the `monthly` object of `tco solve --json`: version 1 lines first,
/// then version 2 lines (the servers count sits between them). Sums run in this order, so a
/// version 1 model, whose version 2 lines are exact zeros, keeps its numbers bit for bit.
public enum CostLine: String, Sendable, Hashable, CaseIterable {
    case api
    case rented
    case capex
    case maintenance
    case power
    case colocation
    case staff
    case residual
    case terminalValue
    case depreciation
    case oneTime
    case financing
    case interest

    /// Key in the `monthly` object of `tco solve --json`.
    public var jsonKey: String {
        switch self {
        case .terminalValue: "terminal_value"
        case .oneTime: "one_time"
        default: rawValue
        }
    }

    /// A finance reader's name for the line (workbook rows, tables).
    public var label: String {
        switch self {
        case .api: "API"
        case .rented: "rented GPUs"
        case .capex: "capex"
        case .maintenance: "maintenance"
        case .power: "power"
        case .colocation: "colocation"
        case .staff: "staff"
        case .residual: "residual value (inflow)"
        case .terminalValue: "terminal value (inflow)"
        case .depreciation: "depreciation (P&L)"
        case .oneTime: "one-time costs, expensed"
        case .financing: "financing (loans)"
        case .interest: "loan interest (P&L)"
        }
    }

    /// How the line enters cash cost: +1 a payment, −1 an inflow, 0 not cash (depreciation and
    /// interest are P&L views of cash that capex and financing already carry).
    public var cashSign: Double {
        switch self {
        case .api, .rented, .capex, .maintenance, .power, .colocation, .staff, .oneTime, .financing: 1
        case .residual, .terminalValue: -1
        case .depreciation, .interest: 0
        }
    }

    /// Whether the line is part of P&L cost (capex, residual, terminal value and loan principal
    /// are balance-sheet movements; P&L carries depreciation and interest instead).
    public var isPnLCost: Bool {
        switch self {
        case .api, .rented, .maintenance, .power, .colocation, .staff, .depreciation, .oneTime, .interest: true
        case .capex, .residual, .terminalValue, .financing: false
        }
    }

    /// Whether the line came with format version 2 (its JSON key follows `servers`).
    public var isVersion2: Bool {
        switch self {
        case .oneTime, .financing, .interest: true
        default: false
        }
    }

    /// Position in `allCases` (arrays indexed by line).
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The lines of cash cost, in summation order.
    public static let cash = allCases.filter { $0.cashSign != 0 }
    /// The lines of P&L cost, in summation order.
    public static let pnl = allCases.filter(\.isPnLCost)
}

extension MonthlyLines {
    /// The stored line for `line`. A switch, not a key path: `self[keyPath:]` with a key path
    /// chosen at run time copies the whole struct (eighteen retains and releases) on every read,
    /// which was 40 % of a Monte Carlo run when `accumulate` read its thirteen lines that way.
    /// Read only: every writer names its line.
    public subscript(line: CostLine) -> [Double] {
        switch line {
        case .api: api
        case .rented: rented
        case .capex: capex
        case .maintenance: maintenance
        case .power: power
        case .colocation: colocation
        case .staff: staff
        case .residual: residual
        case .terminalValue: terminalValue
        case .depreciation: depreciation
        case .oneTime: oneTime
        case .financing: financing
        case .interest: interest
        }
    }

    /// Adds each month's cash cost to `cash` and P&L cost to `pnl` (both zero on entry, one value
    /// a month): Σ sign × line over `CostLine.cash` and Σ line over `CostLine.pnl`, line by line
    /// in that order, so every month's sum is the same bit for bit as written out term by term.
    public func addCashAndPnLCost(into cash: inout [Double], pnl: inout [Double]) {
        cash.withUnsafeMutableBufferPointer { cash in
            pnl.withUnsafeMutableBufferPointer { pnl in accumulate(cash: cash, pnl: pnl) }
        }
    }

    /// `addCashAndPnLCost` into buffers: the one kernel of the totals and of a Monte Carlo run.
    @inline(__always)
    func accumulate(
        cash: UnsafeMutableBufferPointer<Double>, pnl: UnsafeMutableBufferPointer<Double>,
        over lines: [CostLine] = CostLine.allCases
    ) {
        for line in lines {
            self[line].withUnsafeBufferPointer { values in Self.accumulate(values, of: line, cash: cash, pnl: pnl) }
        }
    }

    /// One line's part of `accumulate`: its values added with its sign to `cash` and, if it is
    /// part of P&L cost, to `pnl`. A Monte Carlo worker calls it on lines it keeps in its own memory.
    @inline(__always)
    static func accumulate(
        _ values: UnsafeBufferPointer<Double>, of line: CostLine, cash: UnsafeMutableBufferPointer<Double>,
        pnl: UnsafeMutableBufferPointer<Double>
    ) {
        let sign = line.cashSign, inPnL = line.isPnLCost
        // One loop per kind of line, its tests taken out of the loop: the same additions in the
        // same order, without two branches a month (the kernel was a fifth of a Monte Carlo run).
        let months = Swift.min(values.count, cash.count)
        switch (sign != 0, inPnL) {
        case (true, true):
            for m in 0..<months {
                cash[m] += sign * values[m]
                pnl[m] += values[m]
            }
        case (true, false):
            for m in 0..<months { cash[m] += sign * values[m] }
        case (false, true):
            for m in 0..<months { pnl[m] += values[m] }
        case (false, false):
            break
        }
    }

    /// `Σ (cash − tax rate × pnl) × discount` month by month: the last step of `npvCostAfterTax`.
    @inline(__always)
    static func npvAfterTax(
        cash: UnsafeMutableBufferPointer<Double>, pnl: UnsafeMutableBufferPointer<Double>, taxRate: Double,
        discount: UnsafeBufferPointer<Double>
    ) -> Double {
        var npv = 0.0
        for m in 0..<discount.count { npv += (cash[m] - taxRate * pnl[m]) * discount[m] }
        return npv
    }

    /// NPV of cost after tax, `Σ (cash cost − tax rate × P&L cost) × discount factor`, with the
    /// sums of `addCashAndPnLCost` (so equal bit for bit to the totals' NPV after tax) and no
    /// allocation on the heap: a Monte Carlo run calls it for every strategy.
    ///
    /// `lines`, when given, are the only lines that can be non-zero (in `CostLine` order): the
    /// others are left out of the sums. Adding a zero never changes a sum that starts at +0
    /// (x + ±0 = x, and +0 + −0 = +0), so the result is the same bit for bit.
    func npvCostAfterTax(taxRate: Double, discount: [Double], over lines: [CostLine] = CostLine.allCases) -> Double {
        let months = discount.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * months) { buffer in
            buffer.initialize(repeating: 0)
            let cash = UnsafeMutableBufferPointer(rebasing: buffer[0..<months])
            let pnl = UnsafeMutableBufferPointer(rebasing: buffer[months..<(2 * months)])
            accumulate(cash: cash, pnl: pnl, over: lines)
            return discount.withUnsafeBufferPointer {
                Self.npvAfterTax(cash: cash, pnl: pnl, taxRate: taxRate, discount: $0)
            }
        }
    }

    /// P&L cost of every month: Σ line over `CostLine.pnl`.
    public var pnlCost: [Double] {
        var cash = [Double](repeating: 0, count: cost.count), pnl = cash
        addCashAndPnLCost(into: &cash, pnl: &pnl)
        return pnl
    }
}
