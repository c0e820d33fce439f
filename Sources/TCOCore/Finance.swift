import RealModule

/// How the company's books treat the decision (model-format.md, "Finance"): tax, what assets
/// count for at the horizon, and loans for hardware.
public struct Finance: Sendable, Hashable {
    /// Tax rate on profit (fraction): every P&L expense lowers tax by this share.
    public var taxRate: Double
    /// What servers and capitalized costs still in service after the horizon count for.
    public var terminalValue: TerminalValue
    /// Loans for hardware, at most one per hardware type.
    public var loans: [Loan]

    /// How assets still in service at the horizon count.
    public enum TerminalValue: String, Sendable, Hashable {
        /// At their net book value, as an inflow in the last month.
        case book
        /// For nothing.
        case none
    }

    public init(taxRate: Double = 0, terminalValue: TerminalValue = .book, loans: [Loan] = []) {
        self.taxRate = taxRate
        self.terminalValue = terminalValue
        self.loans = loans
    }

    /// The loan that finances servers of `hardware`, if any.
    public func loan(for hardware: String) -> Loan? { loans.first { $0.hardware == hardware } }
}

/// A loan for every server of one hardware type: a share of the price borrowed in the purchase
/// month and repaid in equal monthly payments (calculations.md, "Loans").
public struct Loan: Sendable, Hashable {
    /// The hardware type financed.
    public var hardware: String
    /// Share of each server's price borrowed (fraction).
    public var share: Double
    /// Effective annual interest rate (fraction).
    public var annualRate: Double
    /// Number of monthly payments, from the month after the purchase.
    public var termMonths: Int

    public init(hardware: String, share: Double, annualRate: Double, termMonths: Int) {
        self.hardware = hardware
        self.share = share
        self.annualRate = annualRate
        self.termMonths = termMonths
    }

    /// The monthly rate of the effective annual rate: `(1 + rate)^(1/12) − 1`.
    public var monthlyRate: Double { Double.pow(1 + annualRate, 1.0 / 12) - 1 }
}
