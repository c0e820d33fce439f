import TCOCore

extension ModelDecoder {
    /// `finance`: tax rate, terminal value and loans (their hardware names are checked with the
    /// other rules); the defaults when the block is absent.
    func decodeFinance(_ node: ConfigNode?) -> Finance? {
        guard let node else { return Finance() }
        guard let map = mapping(node, "finance", example: "'finance: {tax_rate: 25%}'") else { return nil }
        checkKeys(map, "finance", allowed: ModelSchema.finance, required: [], what: "finance", place: .finance)
        let taxRate = number(map, "tax_rate", "finance", at: .finance)
        let terminal = word(map, "terminal_value", "finance", ["book", "none"])
            .flatMap(Finance.TerminalValue.init(rawValue:))
        var loans: [Loan] = []
        var valid = map["terminal_value"] == nil || terminal != nil
        if let financing = map["financing"] {
            let example = "'h100-server: {loan: 80%, rate: 7%/year, term: 3 years}'"
            guard let entries = entities(financing, "finance.financing", example: example, required: false) else {
                return nil
            }
            for (hardware, loanMap) in entries {
                if let loan = decodeLoan(loanMap, hardware: hardware) { loans.append(loan) } else { valid = false }
            }
        }
        guard valid else { return nil }
        return Finance(taxRate: taxRate ?? 0, terminalValue: terminal ?? .book, loans: loans)
    }

    private func decodeLoan(_ map: ConfigNode.Mapping, hardware: String) -> Loan? {
        let path = "finance.financing.\(hardware)"
        checkKeys(map, path, allowed: ModelSchema.loan, required: ModelSchema.loan, what: "the loan for '\(hardware)'",
                  place: .loan)
        let share = number(map, "loan", path, at: .loan)
        var rate: Double?
        if let node = map["rate"] {
            rate = loanRate(node, "\(path).rate")
        }
        let term = checked(quantity(map, "term", path, [.duration], place: .loan)?.value, "\(path).term",
                           { $0 >= 1 && $0 <= Self.longestDuration },
                           "a loan's term must be at least 1 month and at most 1,000 years", example: "3 years")
        guard let share, let rate, let term else { return nil }
        return Loan(hardware: hardware, share: share, annualRate: rate, termMonths: Int(term))
    }

    /// A loan's rate: an effective annual rate, `7%/year` or `7%`; a monthly rate is refused, as for
    /// `discount_rate`, and the hint explains how a lender's APR converts.
    private func loanRate(_ node: ConfigNode, _ path: String) -> Double? {
        let apr = "8% APR (nominal, compounded monthly) is (1 + 0.08/12)^12 - 1 = 8.30% effective"
        if let raw = node.scalar?.text, case .success(let q) = Quantity.parse(raw, currency: currency),
            q.dimension == .ratePerMonth
        {
            error(.wrongDimension, node.location, path, "a loan's rate is an effective annual rate, got '\(raw)'",
                  hint: "write it per year, e.g. 'rate: 7%/year'; \(apr)")
            return nil
        }
        guard let q = quantity(node, path, key: "rate", [.percent, .ratePerYear], place: .loan) else { return nil }
        return checked(q.value, path, { (0...1).contains($0) }, "a loan's rate must be from 0% to 100% a year",
                       example: "7%/year")
    }

    /// A strategy's `one_time` costs: each a cost, a month from `start` to the last month of the
    /// horizon (default `start`), and an optional `capitalize` period.
    func decodeOneTimeCosts(_ node: ConfigNode, _ path: String) -> [OneTimeCost]? {
        let example = "'fine-tuning: {cost: 150k \(currency), month: 2027-02}'"
        guard let entries = entities(node, path, example: example, required: false) else { return nil }
        var result: [OneTimeCost] = []
        var valid = true
        for (name, map) in entries {
            let itemPath = "\(path).\(name)"
            checkKeys(map, itemPath, allowed: ModelSchema.oneTime, required: ModelSchema.oneTimeRequired,
                      what: "one-time cost '\(name)'", place: .oneTime)
            let cost = number(map, "cost", itemPath, at: .oneTime)
            var month: Int? = 1
            if let node = map["month"] {
                month = nil
                if let written = self.month(node, "\(itemPath).month", example: start?.description ?? "2027-01") {
                    month = monthInHorizon(written, "\(itemPath).month", node.location)
                }
            }
            let life = checked(quantity(map, "capitalize", itemPath, [.duration], place: .oneTime)?.value,
                               "\(itemPath).capitalize", { $0 >= 1 && $0 <= Self.longestDuration },
                               "a capitalized cost's life must be at least 1 month and at most 1,000 years",
                               example: "3 years")
            guard let cost, let month, map["capitalize"] == nil || life != nil else {
                valid = false
                continue
            }
            result.append(OneTimeCost(name: name, cost: cost, month: month, capitalizeMonths: life.map { Int($0) }))
        }
        return valid ? result : nil
    }

    /// The month of the horizon of `written`, or an error when it is outside the horizon.
    private func monthInHorizon(_ written: YearMonth, _ path: String, _ location: SourceLocation) -> Int? {
        guard let start, let horizonMonths else { return nil }
        let month = written.monthOfHorizon(startingIn: start)
        guard month < 1 || month > horizonMonths else { return month }
        let last = start.adding(months: horizonMonths - 1)
        error(.monthOutsideHorizon, location, path,
              "\(written) is outside the horizon, which runs from \(start) to \(last)",
              hint: "a one-time cost is paid in a month of the horizon, from \(start) to \(last)")
        return nil
    }
}
