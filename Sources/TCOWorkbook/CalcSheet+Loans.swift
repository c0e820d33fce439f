import TCOCore

extension CalcSheet {
    /// The loans of one financed fleet (calculations.md, Loans): every month's purchases bring a
    /// loan repaid in equal payments from the next month; the rows add up all purchase months with
    /// SUMPRODUCT over the months so far, so one formula per row is copied across the months.
    mutating func addLoans(
        _ s: String, _ o: String, loan: Loan, capexRow: Int, capex: [Double], into out: inout InHouseRows
    ) {
        let f = self.f
        let model = scenario.model
        let key = "finance.financing.\(loan.hardware)"
        let (share, rate, term) = (f.input("\(key).loan"), f.input("\(key).rate"), f.input("\(key).term"))
        let r = "((1+\(rate))^(1/Months_Per_Year)-1)"
        // Balance left after n payments, as a share of the loan: annuity, or straight for rate 0.
        func left(_ n: String) -> String {
            "IF(\(r)=0,1-(\(n))/\(term),((1+\(r))^\(term)-(1+\(r))^(\(n)))/((1+\(r))^\(term)-1))"
        }
        let values = Self.loanValues(capex: capex, loan: loan, months: months)
        let drawn = add(
            Row(
                label: "\(s) · \(o): loans drawn (inflow)", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(capexRow, c))*\(share)" }, values: values.drawn, total: .sum))
        let payments = add(
            Row(
                label: "\(s) · \(o): loan payments", unit: model.currency, format: .money,
                formula: { c in
                    "IF(\(r)=0,1/\(term),\(r)/(1-(1+\(r))^(-\(term))))*SUMPRODUCT((\(f.monthsUpTo(c - 1))>="
                        + "\(f.month(c))-\(term))*\(f.upTo(drawn, c - 1)))"
                },
                values: values.payments, total: .sum,
                note: "Equal payments from the month after each purchase, for 'term' months."))
        let interest = add(
            Row(
                label: "\(s) · \(o): loan interest (P&L)", unit: model.currency, format: .money,
                formula: { c in
                    "\(r)*SUMPRODUCT((\(f.monthsUpTo(c - 1))>=\(f.month(c))-\(term))*\(f.upTo(drawn, c - 1))"
                        + "*\(left("\(f.month(c))-\(f.monthsUpTo(c - 1))-1")))"
                },
                values: values.interest, total: .sum,
                note: "The monthly rate times each loan's balance before this month's payment."))
        out.interest.append(interest)
        let settlement = add(
            Row(
                label: "\(s) · \(o): loan settlement at the horizon", unit: model.currency, format: .money,
                formula: { c in
                    "IF(\(f.lastMonth(c))=1,SUMPRODUCT((\(f.monthsUpTo(c))>\(f.month(c))-\(term))*\(f.upTo(drawn, c))"
                        + "*\(left("\(f.month(c))-\(f.monthsUpTo(c))"))),0)"
                },
                values: values.settlement, total: .sum,
                note: "Balances still owed after the last month's payment are paid then (principal only)."))
        // The corkscrew a reviewer follows month by month: what is owed after each month.
        var owed = 0.0
        let balance = nextRow
        _ = add(
            Row(
                label: "\(s) · \(o): loan balance owed at month end", unit: model.currency, format: .money,
                formula: { c in
                    "\(f.ref(balance, c - 1))+\(f.ref(drawn, c))-(\(f.ref(payments, c))-\(f.ref(interest, c)))"
                        + "-\(f.ref(settlement, c))"
                },
                values: (0..<months).map { m in
                    owed += values.drawn[m] - (values.payments[m] - values.interest[m]) - values.settlement[m]
                    return owed
                },
                note: "Last month's balance + loans drawn − principal repaid (payment less interest) − settlement: "
                    + "0 once every loan is paid back or settled at the horizon."))
        out.loans.append(LoanRows(drawn: drawn, payments: payments, interest: interest, settlement: settlement))
        out.financing.append(
            add(
                Row(
                    label: "\(s) · \(o): financing (payments + settlement − loans drawn)", unit: model.currency,
                    format: .money,
                    formula: { c in "\(f.ref(payments, c))+\(f.ref(settlement, c))-\(f.ref(drawn, c))" },
                    values: values.financing, total: .sum)))
    }

    /// The solver's loan arithmetic for one fleet, month by month, as the rows' cached values.
    static func loanValues(capex: [Double], loan: Loan, months: Int) -> (
        drawn: [Double], payments: [Double], interest: [Double], settlement: [Double], financing: [Double]
    ) {
        let zeros = [Double](repeating: 0, count: months)
        var (drawn, payments, interest, settlement) = (zeros, zeros, zeros, zeros)
        let r = loan.monthlyRate, term = loan.termMonths
        for (i, price) in capex.enumerated() where price > 0 && term >= 1 {
            let amount = price * loan.share, bought = i + 1
            drawn[i] += amount
            let payment = r == 0 ? amount / Double(term) : amount * r / (1 - Double.pow(1 + r, Double(-term)))
            var balance = amount
            let last = min(bought + term, months)
            if last > bought {
                for t in (bought + 1)...last {
                    interest[t - 1] += r * balance
                    payments[t - 1] += payment
                    balance -= payment - r * balance
                }
            }
            if bought + term > months { settlement[months - 1] += balance }
        }
        let financing = (0..<months).map { payments[$0] + settlement[$0] - drawn[$0] }
        return (drawn, payments, interest, settlement, financing)
    }
}
