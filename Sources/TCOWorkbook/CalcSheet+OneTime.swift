import TCOCore

extension CalcSheet {
    /// The rows of a strategy's one-time costs that its totals add up.
    struct OneTimeRows {
        var expensed: [Int] = [], capex: [Int] = [], depreciation: [Int] = [], terminal: [Int] = []
    }

    /// One-time costs of `strategy` (calculations.md, One-time costs), four rows each: expensed in
    /// its month, or capex there with straight-line depreciation and its book value at the horizon.
    /// Every row exists for every cost so that a scenario (or a reader) may switch `capitalize`.
    mutating func addOneTime(_ strategy: Strategy) -> OneTimeRows {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        var out = OneTimeRows()
        let months = self.months
        for item in strategy.oneTimeCosts {
            let key = "strategies.\(s).one_time.\(item.name)"
            let (cost, month, life) = (f.input("\(key).cost"), f.input("\(key).month"), f.input("\(key).capitalize"))
            let j = item.month, inHorizon = item.month >= 1 && item.month <= months
            func at(_ m: Int, _ value: Double) -> [Double] {
                (1...months).map { $0 == m && inHorizon ? value : 0 }
            }
            let capitalized = item.capitalizeMonths.map { max($0, 1) }
            out.expensed.append(
                add(
                    Row(
                        label: "\(s) · one-time \(item.name): expensed", unit: model.currency, format: .money,
                        formula: { c in "IF(AND(\(f.month(c))=\(month),\(life)=0),\(cost),0)" },
                        values: capitalized == nil ? at(j, item.cost) : at(j, 0), total: .sum)))
            out.capex.append(
                add(
                    Row(
                        label: "\(s) · one-time \(item.name): capex", unit: model.currency, format: .money,
                        formula: { c in "IF(AND(\(f.month(c))=\(month),\(life)>0),\(cost),0)" },
                        values: capitalized == nil ? at(j, 0) : at(j, item.cost), total: .sum)))
            let depreciation = (1...months).map { m -> Double in
                guard let d = capitalized, inHorizon, m >= j, m <= j + d - 1 else { return 0 }
                return item.cost / Double(d)
            }
            out.depreciation.append(
                add(
                    Row(
                        label: "\(s) · one-time \(item.name): depreciation (P&L)", unit: model.currency,
                        format: .money,
                        formula: { c in
                            "IF(AND(\(life)>0,\(f.month(c))>=\(month),\(f.month(c))<\(month)+\(life)),"
                                + "\(cost)/\(life),0)"
                        },
                        values: depreciation, total: .sum)))
            var terminal = [Double](repeating: 0, count: months)
            if let d = capitalized, inHorizon, j + d - 1 > months, model.finance.terminalValue == .book {
                terminal[months - 1] = item.cost * (1 - Double(months - j + 1) / Double(d))
            }
            out.terminal.append(
                add(
                    Row(
                        label: "\(s) · one-time \(item.name): terminal value (book value at horizon)",
                        unit: model.currency, format: .money,
                        formula: { c in
                            "IF(AND(\(life)>0,\(f.lastMonth(c))=1,\(month)+\(life)-1>\(f.month(c)),"
                                + "\(month)<=\(f.month(c))),\(cost)*(1-(\(f.month(c))-\(month)+1)/\(life)),0)"
                                + "*Terminal_Value_Book"
                        },
                        values: terminal, total: .sum)))
        }
        return out
    }
}
