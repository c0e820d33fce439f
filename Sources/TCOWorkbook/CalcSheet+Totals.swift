import TCOCore

extension CalcSheet {
    /// Every row of one strategy: in-house demand and fleets, API traffic, then its lines
    /// (calculations.md, "Cash cost" and "P&L cost"), discounted and cumulative cash cost.
    mutating func addStrategy(
        _ strategy: Strategy, result: StrategyResult, details: StrategyDetails, solver: Solver,
        requestRows: [String: Int]
    ) -> StrategyRows {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        let inHouse = addInHouse(strategy, details: details, solver: solver, requestRows: requestRows)
        let apiRows = addAPI(strategy, details: details, requestRows: requestRows, inHouse: inHouse)
        let oneTime = addOneTime(strategy)

        var rows = StrategyRows()
        let m = result.monthly
        func sumRow(
            _ label: String, _ parts: [Int], _ values: [Double], format: CellStyle.NumberFormat = .money,
            total: Total = .sum, unit: String? = nil
        ) -> Int {
            add(
                Row(
                    label: "\(s): \(label)", unit: unit ?? model.currency, format: format,
                    formula: { c in parts.isEmpty ? "0" : parts.map { f.ref($0, c) }.joined(separator: "+") },
                    values: values, total: total))
        }
        let inHouseShares = model.workloads.flatMap { w in
            strategy.effectiveRoute(for: w.name).activeShares
                .filter { model.servingOption(named: $0.option)?.isInHouse == true }
                .map { f.shareName(strategy, w.name, $0.option) }
        }
        // Each role the strategy pays (calculations.md, Staff): in-house roles while an effective
        // route sends a share in-house, `all` always, a list when it names the strategy.
        let usesInHouse = "IF(\(inHouseShares.isEmpty ? "0" : inHouseShares.joined(separator: "+"))>0,1,0)"
        let staffTerms: [(Int) -> String] = model.staff.compactMap { role in
            let key = "staff.\(role.name)"
            let pays: String
            switch role.payers {
            case .inHouse:
                guard !inHouseShares.isEmpty else { return nil }
                pays = usesInHouse + "*"
            case .all: pays = ""
            case .strategies(let names):
                guard names.contains(s) else { return nil }
                pays = ""
            }
            let monthly = role.costChange.first.isMonthly, scheduled = self.scheduled
            return { c in
                "\(pays)\(scheduled.value("\(key).count", c))*"
                    + scheduled.level("\(key).cost", trend: "\(key).cost_change", monthly: monthly, c)
            }
        }
        rows.loans = inHouse.loans
        rows.fleets = inHouse.needed.keys.sorted().compactMap { o in
            inHouse.inService[o].flatMap { inService in inHouse.needed[o].map { (o, $0, inService) } }
        }
        let parts: [CostLine: [Int]] = [
            .api: apiRows, .rented: inHouse.rented, .capex: inHouse.capex + oneTime.capex,
            .maintenance: inHouse.maintenance, .power: inHouse.power, .colocation: inHouse.colocation,
            .residual: inHouse.residual, .terminalValue: inHouse.terminal + oneTime.terminal,
            .depreciation: inHouse.depreciation + oneTime.depreciation, .oneTime: oneTime.expensed,
            .financing: inHouse.financing, .interest: inHouse.interest,
        ]
        for line in CostLine.allCases {
            guard line == .staff else {
                rows[line] = sumRow(line.label, parts[line] ?? [], m[line])
                continue
            }
            rows[.staff] = add(
                Row(
                    label: "\(s): staff", unit: model.currency, format: .money,
                    formula: { c in
                        staffTerms.isEmpty
                            ? "0" : "(\(staffTerms.map { $0(c) }.joined(separator: "+")))/Months_Per_Year"
                    },
                    values: m.staff, total: .sum))
        }
        rows.servers = sumRow(
            "servers in service", inHouse.inService.values.sorted(), m.servers.map(Double.init),
            format: .integer, total: .max, unit: "servers")
        rows.energy = sumRow(
            "energy of self-hosted fleets", inHouse.energy, m.energyKilowattHours, format: .integer, unit: "kWh")
        let r = rows
        let pnl = m.pnlCost
        rows.pnl = add(
            Row(
                label: "\(s): P&L cost", unit: model.currency, format: .money,
                formula: { c in CostLine.pnl.map { f.ref(r[$0], c) }.joined(separator: "+") },
                values: pnl, total: .sum,
                note:
                    "Profit and loss: the fleet's cash items (capex, residual, terminal value) replaced by "
                    + "depreciation."
            ))
        rows.cost = add(
            Row(
                label: "\(s): cash cost", unit: model.currency, format: .money,
                formula: { c in
                    String(CostLine.cash.map { ($0.cashSign < 0 ? "-" : "+") + f.ref(r[$0], c) }.joined().dropFirst())
                },
                values: m.cost, total: .sum))
        (rows.discounted, rows.cumulative) = addDiscountedAndCumulative(
            of: rows.cost, values: m.cost, discountedLabel: "\(s): discounted cash cost",
            cumulativeLabel: "\(s): cumulative cash cost")
        let api = rows[.api]
        rows.discountedAPI = add(
            Row(
                label: "\(s): API cost, discounted", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(api, c))*\(f.discount(c))" },
                values: zip(m.api, discountFactors).map { $0 * $1 }, total: .sum,
                note: "NPV of the API line: the part of NPV that scales with API prices (API price break-even)."))
        addAfterTax(strategy, result: result, into: &rows)
        return rows
    }

    /// Tax shield, after-tax cost, its discounted and cumulative values, and the after-tax API NPV
    /// (calculations.md, Tax and Comparison): savings, payback and break-even use these.
    mutating func addAfterTax(_ strategy: Strategy, result: StrategyResult, into rows: inout StrategyRows) {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        let m = result.monthly
        let tax = f.input("finance.tax_rate")
        let (pnl, cost, api) = (rows.pnl, rows.cost, rows.discountedAPI)
        rows.taxShield = add(
            Row(
                label: "\(s): tax shield", unit: model.currency, format: .money,
                formula: { c in "\(tax)*\(f.ref(pnl, c))" }, values: m.taxShield, total: .sum,
                note: "Every P&L expense lowers tax by the tax rate in its month (taxable profit is assumed)."))
        let shield = rows.taxShield
        rows.afterTax = add(
            Row(
                label: "\(s): after-tax cost", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(cost, c))-\(f.ref(shield, c))" }, values: m.afterTaxCost, total: .sum))
        let afterTax = rows.afterTax
        (rows.discountedAfterTax, rows.cumulativeAfterTax) = addDiscountedAndCumulative(
            of: afterTax, values: m.afterTaxCost, discountedLabel: "\(s): discounted after-tax cost",
            cumulativeLabel: "\(s): cumulative after-tax cost")
        let rate = model.finance.taxRate
        rows.discountedAPIAfterTax = add(
            Row(
                label: "\(s): API cost after tax, discounted", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(api, c))*(1-\(tax))" },
                values: zip(m.api, discountFactors).map { $0 * $1 * (1 - rate) }, total: .sum,
                note: "API cost is in P&L, so the tax shield takes the tax rate off it: the part of after-tax NPV "
                    + "that scales with API prices."))
    }

    /// The discounted row and the running-total row of a monthly cost row (cash or after tax): the
    /// NPV sums the first, payback reads the second.
    mutating func addDiscountedAndCumulative(
        of source: Int, values: [Double], discountedLabel: String, cumulativeLabel: String
    ) -> (discounted: Int, cumulative: Int) {
        let f = self.f
        let currency = scenario.model.currency
        let discounted = add(
            Row(
                label: discountedLabel, unit: currency, format: .money,
                formula: { c in "\(f.ref(source, c))*\(f.discount(c))" },
                values: zip(values, discountFactors).map { $0 * $1 }, total: .sum))
        var running = 0.0
        let cumulative = nextRow
        let cumulativeRow = add(
            Row(
                label: cumulativeLabel, unit: currency, format: .money,
                formula: { c in "\(f.ref(cumulative, c - 1))+\(f.ref(source, c))" },
                values: values.map {
                    running += $0
                    return running
                }))
        return (discounted, cumulativeRow)
    }
}
