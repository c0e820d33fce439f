import TCOCore
import TCOLoading

/// Builds one `Calc <scenario>` sheet: every line of every strategy's timeline as one formula
/// per row copied across the months, over the `Inputs` defined names.
struct CalcSheet {
    /// A row to write: label, unit, a formula per month (given the 0-based column) with the
    /// solver's values as cached results, and an optional total.
    struct Row {
        var label: String
        var unit: String
        var format: CellStyle.NumberFormat
        var formula: ((Int) -> String)?
        var values: [Double]
        var total: Total = .none
        var isHeader = false
    }

    enum Total {
        case none
        case sum
        case max
        /// A custom formula in the total column with its cached value.
        case custom(String, Double)
        /// A text result (e.g. payback "never") — formula and cached text.
        case customText(String, String)
    }

    /// Where a strategy's key lines are, for Summary and payback formulas.
    struct StrategyRows {
        var api = 0, rented = 0, capex = 0, maintenance = 0, power = 0, colocation = 0, staff = 0
        var residual = 0, terminalValue = 0, depreciation = 0, servers = 0, cost = 0, discounted = 0, cumulative = 0
        var payback: Int?
    }

    let name: String
    let scenario: LoadedModel.Scenario
    let result: ScenarioResult
    let catalog: InputCatalog
    let months: Int
    let f: CalcFormulas
    private(set) var rows: [Row] = []
    private(set) var strategyRows: [String: StrategyRows] = [:]
    /// Discount factor of each month (the solver's), shown in the discount-factor row.
    let discountFactors: [Double]
    private(set) var discountedTokensRow = 0
    private(set) var tokensRow = 0

    static let title = 0, monthRow = 3, elapsedRow = 4, dateRow = 5, discountRow = 6, firstBodyRow = 8

    init(scenario: LoadedModel.Scenario, result: ScenarioResult, catalog: InputCatalog) {
        name = String("Calc \(scenario.name)".prefix(31))
        self.scenario = scenario
        self.result = result
        self.catalog = catalog
        months = scenario.model.horizonMonths
        f = CalcFormulas(months: scenario.model.horizonMonths, catalog: catalog)
        let solver = Solver(model: scenario.model)
        discountFactors = solver.discountFactors
        build(solver)
    }

    private mutating func add(_ row: Row) -> Int {
        rows.append(row)
        return Self.firstBodyRow + rows.count - 1
    }

    private mutating func header(_ text: String) {
        _ = add(Row(label: text, unit: "", format: .text, formula: nil, values: [], isHeader: true))
    }

    // MARK: Building

    private mutating func build(_ solver: Solver) {
        let f = self.f
        let model = scenario.model
        header("Volumes")
        var requestRows: [String: Int] = [:]
        for (w, workload) in model.workloads.enumerated() {
            let key = "workloads.\(workload.name)"
            let requests = f.input("\(key).requests"), growth = f.input("\(key).growth")
            let monthly = workload.growth.first.isMonthly
            requestRows[workload.name] = add(Row(
                label: "\(workload.name): requests", unit: "requests", format: .integer,
                formula: { c in "\(requests)*\(f.changeFactor(growth, monthly: monthly, c))" },
                values: solver.requestsByWorkload[w], total: .sum))
        }
        let tokenTerms = model.workloads.map { w in
            (requestRows[w.name] ?? 0, "(\(f.input("workloads.\(w.name).input_tokens"))+\(f.input("workloads.\(w.name).output_tokens")))")
        }
        tokensRow = add(Row(
            label: "Tokens served", unit: "tokens", format: .millions,
            formula: { c in tokenTerms.map { "\(f.ref($0.0, c))*\($0.1)" }.joined(separator: "+") },
            values: result.tokens, total: .sum))
        let tokens = tokensRow
        discountedTokensRow = add(Row(
            label: "Tokens served, discounted", unit: "tokens", format: .millions,
            formula: { c in "\(f.ref(tokens, c))*\(CellReference.a1(row: Self.discountRow, column: c, absoluteRow: true))" },
            values: zip(result.tokens, solver.discountFactors).map { $0 * $1 }, total: .sum))

        for strategy in model.strategies {
            guard let strategyResult = result.strategy(named: strategy.name) else { continue }
            header("Strategy: \(strategy.name)")
            strategyRows[strategy.name] = addStrategy(strategy, result: strategyResult, details: solver.details(of: strategy), requestRows: requestRows)
        }
        addPayback()
    }

    private mutating func addStrategy(
        _ strategy: Strategy, result: StrategyResult, details: StrategyDetails, requestRows: [String: Int]
    ) -> StrategyRows {
        let f = self.f
        let model = scenario.model
        let s = strategy.name
        var rows = StrategyRows()
        var inServiceRows: [String: Int] = [:]
        var rentedRows: [Int] = [], capexRows: [Int] = [], residualRows: [Int] = [], terminalRows: [Int] = []
        var depreciationRows: [Int] = [], maintenanceRows: [Int] = [], colocationRows: [Int] = [], powerRows: [Int] = []

        for detail in details.inHouse {
            guard let option = model.servingOption(named: detail.option) else { continue }
            let o = option.name, key = "serving.\(o)"
            let users = model.workloads.filter { w in strategy.effectiveRoute(for: w.name).activeShares.contains { $0.option == o } }
            let prefill = f.input("\(key).prefill_throughput"), decode = f.input("\(key).decode_throughput")
            func gpuSeconds(_ w: Workload, _ c: Int) -> String {
                let wk = "workloads.\(w.name)"
                return "\(f.ref(requestRows[w.name] ?? 0, c))*\(f.shareName(strategy, w.name, o))*(\(f.input("\(wk).input_tokens"))/\(prefill)+\(f.input("\(wk).output_tokens"))/\(decode))/Seconds_Per_Month"
            }
            let busy = add(Row(
                label: "\(s) · \(o): average busy GPUs", unit: "GPUs", format: .number,
                formula: { c in users.map { gpuSeconds($0, c) }.joined(separator: "+") },
                values: detail.averageBusyGPUs, total: .max))
            let peak = add(Row(
                label: "\(s) · \(o): GPUs needed at peak", unit: "GPUs", format: .number,
                formula: { c in "(" + users.map { "\(gpuSeconds($0, c))*\(f.input("workloads.\($0.name).peak_to_average"))" }.joined(separator: "+") + ")/\(f.input("\(key).max_utilization"))" },
                values: detail.peakGPUs, total: .max))
            if detail.isRented {
                let gpus = add(Row(
                    label: "\(s) · \(o): GPUs rented", unit: "GPUs", format: .integer,
                    formula: { c in "MAX(0,ROUNDUP(\(f.ref(peak, c))-Ceiling_Tolerance,0))" },
                    values: detail.unitsNeeded.map(Double.init), total: .max))
                let change = f.input("\(key).price_change"), hour = f.input("\(key).gpu_hour")
                let monthly: Bool
                if case .rented(_, let pricing) = option.kind { monthly = pricing.priceChange.first.isMonthly } else { monthly = false }
                rentedRows.append(add(Row(
                    label: "\(s) · \(o): rented GPU cost", unit: model.currency, format: .money,
                    formula: { c in "\(f.ref(gpus, c))*\(hour)*Hours_Per_Month*\(f.changeFactor(change, monthly: monthly, c))" },
                    values: detail.rentedCost, total: .sum)))
                continue
            }
            guard case .selfHosted(_, let hardwareName) = option.kind else { continue }
            let h = "hardware.\(hardwareName)"
            let gpusPerServer = f.input("\(h).gpus"), price = f.input("\(h).price"), life = f.input("\(h).life"), lead = f.input("\(h).lead_time")
            let residualShare = f.input("\(h).residual"), power = f.input("\(h).power"), idle = f.input("\(h).idle_power")
            let needed = add(Row(
                label: "\(s) · \(o): servers needed", unit: "servers", format: .integer,
                formula: { c in "MAX(0,ROUNDUP(\(f.ref(peak, c))/\(gpusPerServer)-Ceiling_Tolerance,0))" },
                values: detail.unitsNeeded.map(Double.init), total: .max))
            let enteringRow = Self.firstBodyRow + self.rows.count
            // Perfect-foresight orders: top up to the servers needed, counting servers that entered
            // service in the last `life` months before this one (columns to the left only, so no cycle).
            let entering = add(Row(
                label: "\(s) · \(o): servers entering service", unit: "servers", format: .integer,
                formula: { c in
                    let before = CellReference.a1(row: enteringRow, column: CalcLayout.spacerColumn, absoluteColumn: true) + ":" + f.ref(enteringRow, c - 1)
                    let monthsBefore = CellReference.absolute(row: Self.monthRow, column: CalcLayout.spacerColumn) + ":" + f.month(c - 1)
                    return "IF(\(f.month(c))<=\(lead),0,MAX(0,\(f.ref(needed, c))-SUMIFS(\(before),\(monthsBefore),\">\"&(\(f.month(c))-\(life)))))"
                },
                values: detail.entering.map(Double.init), total: .sum))
            let inService = add(Row(
                label: "\(s) · \(o): servers in service", unit: "servers", format: .integer,
                formula: { c in
                    let upTo = CellReference.a1(row: entering, column: CalcLayout.firstMonthColumn, absoluteColumn: true) + ":" + f.ref(entering, c)
                    let monthsUpTo = CellReference.absolute(row: Self.monthRow, column: CalcLayout.firstMonthColumn) + ":" + f.month(c)
                    return "SUMIFS(\(upTo),\(monthsUpTo),\">\"&(\(f.month(c))-\(life)))"
                },
                values: detail.inService.map(Double.init), total: .max))
            inServiceRows[o] = inService
            capexRows.append(add(Row(
                label: "\(s) · \(o): capex (servers ordered)", unit: model.currency, format: .money,
                formula: { c in "\(price)*SUMIFS(\(f.span(entering)),\(f.monthSpan),\(f.month(c))+\(lead))" },
                values: detail.capex, total: .sum)))
            residualRows.append(add(Row(
                label: "\(s) · \(o): residual value of retiring servers", unit: model.currency, format: .money,
                formula: { c in "\(price)*\(residualShare)*SUMIFS(\(f.span(entering)),\(f.monthSpan),\(f.month(c))-\(life)+1)" },
                values: detail.residual, total: .sum)))
            terminalRows.append(add(Row(
                label: "\(s) · \(o): terminal value (net book value at horizon)", unit: model.currency, format: .money,
                formula: { c in
                    "IF(\(f.month(c))=Horizon_Months,SUMPRODUCT((\(f.monthSpan)>\(f.month(c))-\(life)+1)*\(f.span(entering))*(\(price)-(\(price)-\(residualShare)*\(price))*(\(f.month(c))-\(f.monthSpan)+1)/\(life))),0)"
                },
                values: detail.terminalValue, total: .sum)))
            depreciationRows.append(add(Row(
                label: "\(s) · \(o): depreciation", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(inService, c))*(\(price)-\(residualShare)*\(price))/\(life)" },
                values: detail.depreciation, total: .sum)))
            maintenanceRows.append(add(Row(
                label: "\(s) · \(o): maintenance", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(inService, c))*\(price)*\(f.input("\(h).maintenance"))/Months_Per_Year" },
                values: detail.maintenance, total: .sum)))
            colocationRows.append(add(Row(
                label: "\(s) · \(o): colocation", unit: model.currency, format: .money,
                formula: { c in "\(f.ref(inService, c))*\(power)*\(f.input("facility.colocation"))" },
                values: detail.colocation, total: .sum)))
            let share = add(Row(
                label: "\(s) · \(o): fleet busy share", unit: "%", format: .percent,
                formula: { c in "IF(\(f.ref(inService, c))=0,0,MIN(1,\(f.ref(busy, c))/(\(f.ref(inService, c))*\(gpusPerServer))))" },
                values: detail.busyShare))
            let electricityMonthly = model.facility?.electricityChange.first.isMonthly ?? false
            powerRows.append(add(Row(
                label: "\(s) · \(o): power", unit: model.currency, format: .money,
                formula: { c in
                    "\(f.ref(inService, c))*(\(idle)+(\(power)-\(idle))*\(f.ref(share, c)))*Hours_Per_Month*\(f.input("facility.pue"))*\(f.input("facility.electricity"))*\(f.changeFactor(f.input("facility.electricity_change"), monthly: electricityMonthly, c))"
                },
                values: detail.power, total: .sum)))
        }

        // API requests and costs, per workload and API option.
        var apiRows: [Int] = []
        for workload in model.workloads {
            let w = workload.name
            let route = strategy.effectiveRoute(for: w).activeShares
            let rented = route.filter { model.servingOption(named: $0.option).map { !$0.isSelfHosted && $0.isInHouse } ?? false }
            let selfHosted = route.filter { model.servingOption(named: $0.option)?.isSelfHosted == true }
            var targets: [String] = []
            func target(_ o: String) { if !targets.contains(o) { targets.append(o) } }
            for entry in route where model.servingOption(named: entry.option)?.isAPI == true { target(entry.option) }
            let escalation = strategy.effectiveEscalation(for: w)
            if let escalation, !(rented.isEmpty && selfHosted.isEmpty) { target(escalation.to) }
            if let fallback = strategy.fallback, !selfHosted.isEmpty { target(fallback) }
            for a in targets {
                guard case .api(let pricing) = model.servingOption(named: a)?.kind else { continue }
                let flow = details.apiFlows.first { $0.workload == w && $0.option == a }
                let zeros = [Double](repeating: 0, count: months)
                let direct = route.contains { $0.option == a } ? f.shareName(strategy, w, a) : nil
                let rate = escalation?.to == a ? f.escalationRateName(strategy, w) : nil
                let isFallback = strategy.fallback == a && !selfHosted.isEmpty
                let requests = add(Row(
                    label: "\(s) · \(w) → \(a): requests", unit: "requests", format: .integer,
                    formula: { c in
                        var terms: [String] = []
                        if let direct { terms.append(direct) }
                        if let rate {
                            let served = rented.map { f.shareName(strategy, w, $0.option) }
                                + selfHosted.map { "\(f.shareName(strategy, w, $0.option))*(\(f.ref(inServiceRows[$0.option] ?? 0, c))>0)" }
                            terms.append("\(rate)*(\(served.joined(separator: "+")))")
                        }
                        if isFallback {
                            terms.append(contentsOf: selfHosted.map { "\(f.shareName(strategy, w, $0.option))*(\(f.ref(inServiceRows[$0.option] ?? 0, c))=0)" })
                        }
                        return "\(f.ref(requestRows[w] ?? 0, c))*(\(terms.isEmpty ? "0" : terms.joined(separator: "+")))"
                    },
                    values: flow?.requests ?? zeros, total: .sum))
                let wk = "workloads.\(w)", ak = "serving.\(a)"
                let cached = f.input("\(wk).cached_input")
                apiRows.append(add(Row(
                    label: "\(s) · \(w) → \(a): API cost", unit: model.currency, format: .money,
                    formula: { c in
                        "\(f.ref(requests, c))*(\(f.input("\(wk).input_tokens"))*((1-\(cached))*\(f.input("\(ak).price_input"))+\(cached)*\(f.input("\(ak).price_cached_input")))+\(f.input("\(wk).output_tokens"))*\(f.input("\(ak).price_output")))/Tokens_Per_Million*\(f.changeFactor(f.input("\(ak).price_change"), monthly: pricing.priceChange.first.isMonthly, c))"
                    },
                    values: flow?.cost ?? zeros, total: .sum)))
            }
        }

        let m = result.monthly
        func sumRow(_ label: String, _ parts: [Int], _ values: [Double], format: CellStyle.NumberFormat = .money, total: Total = .sum, unit: String? = nil) -> Int {
            add(Row(
                label: "\(s): \(label)", unit: unit ?? model.currency, format: format,
                formula: { c in parts.isEmpty ? "0" : parts.map { f.ref($0, c) }.joined(separator: "+") },
                values: values, total: total))
        }
        rows.api = sumRow("API", apiRows, m.api)
        rows.rented = sumRow("rented GPUs", rentedRows, m.rented)
        rows.capex = sumRow("capex", capexRows, m.capex)
        rows.maintenance = sumRow("maintenance", maintenanceRows, m.maintenance)
        rows.power = sumRow("power", powerRows, m.power)
        rows.colocation = sumRow("colocation", colocationRows, m.colocation)
        let inHouseShares = model.workloads.flatMap { w in
            strategy.effectiveRoute(for: w.name).activeShares
                .filter { model.servingOption(named: $0.option)?.isInHouse == true }
                .map { f.shareName(strategy, w.name, $0.option) }
        }
        let staffCost = model.staff.map { "\(f.input("staff.\($0.name).count"))*\(f.input("staff.\($0.name).cost"))" }
        rows.staff = add(Row(
            label: "\(s): staff", unit: model.currency, format: .money,
            formula: { _ in
                inHouseShares.isEmpty || staffCost.isEmpty
                    ? "0" : "IF(\(inHouseShares.joined(separator: "+"))>0,(\(staffCost.joined(separator: "+")))/Months_Per_Year,0)"
            },
            values: m.staff, total: .sum))
        rows.residual = sumRow("residual value (inflow)", residualRows, m.residual)
        rows.terminalValue = sumRow("terminal value (inflow)", terminalRows, m.terminalValue)
        rows.depreciation = sumRow("depreciation (P&L)", depreciationRows, m.depreciation)
        rows.servers = sumRow("servers in service", Array(inServiceRows.values).sorted(), m.servers.map(Double.init), format: .integer, total: .max, unit: "servers")
        let r = rows
        rows.cost = add(Row(
            label: "\(s): cash cost", unit: model.currency, format: .money,
            formula: { c in
                [r.api, r.rented, r.capex, r.maintenance, r.power, r.colocation, r.staff].map { f.ref($0, c) }.joined(separator: "+")
                    + "-\(f.ref(r.residual, c))-\(f.ref(r.terminalValue, c))"
            },
            values: m.cost, total: .sum))
        let cost = rows.cost
        rows.discounted = add(Row(
            label: "\(s): discounted cash cost", unit: model.currency, format: .money,
            formula: { c in "\(f.ref(cost, c))*\(CellReference.a1(row: Self.discountRow, column: c, absoluteRow: true))" },
            values: zip(m.cost, discountFactors).map { $0 * $1 }, total: .sum))
        var running = 0.0
        rows.cumulative = add(Row(
            label: "\(s): cumulative cash cost", unit: model.currency, format: .money,
            formula: { c in "SUM(\(CellReference.a1(row: cost, column: CalcLayout.firstMonthColumn, absoluteColumn: true)):\(f.ref(cost, c)))" },
            values: m.cost.map { running += $0; return running }))
        return rows
    }

    /// Payback against the baseline: in each month, whether cumulative cost is no dearer, and
    /// whether that holds through the last month; the payback month is the first such month.
    private mutating func addPayback() {
        let f = self.f
        let model = scenario.model
        guard let baseline = strategyRows[model.baseline] else { return }
        header("Payback against the baseline (\(model.baseline))")
        for strategy in model.strategies where strategy.name != model.baseline {
            guard var own = strategyRows[strategy.name], let strategyResult = result.strategy(named: strategy.name),
                let baselineResult = result.strategy(named: model.baseline), let comparison = result.comparisons.first(where: { $0.strategy == strategy.name })
            else { continue }
            var x = 0.0, b = 0.0
            let holds: [Double] = zip(strategyResult.monthly.cost, baselineResult.monthly.cost).map { cx, cb in
                x += cx
                b += cb
                return Solver.isNoDearer(x, than: b) ? 1 : 0
            }
            var through = holds
            for i in stride(from: months - 2, through: 0, by: -1) { through[i] = holds[i] * through[i + 1] }
            let cx = own.cumulative, cb = baseline.cumulative
            let holdsRow = add(Row(
                label: "\(strategy.name): cumulative cost no dearer than \(model.baseline)", unit: "1 = yes", format: .integer,
                formula: { c in "IF(\(f.ref(cx, c))<=\(f.ref(cb, c))+Comparison_Tolerance*MAX(ABS(\(f.ref(cb, c))),1),1,0)" },
                values: holds))
            let throughRow = Self.firstBodyRow + rows.count
            let paybackText = comparison.paybackMonth.map(String.init) ?? "never"
            let formulaThrough: (Int) -> String = { c in
                "IF(\(f.month(c))=Horizon_Months,\(f.ref(holdsRow, c)),\(f.ref(holdsRow, c))*\(f.ref(throughRow, c + 1)))"
            }
            let paybackFormula = "IF(SUM(\(f.span(throughRow)))>0,Horizon_Months-SUM(\(f.span(throughRow)))+1,\"never\")"
            _ = add(Row(
                label: "\(strategy.name): … and in every later month", unit: "1 = yes", format: .integer,
                formula: formulaThrough, values: through,
                total: comparison.paybackMonth.map { .custom(paybackFormula, Double($0)) } ?? .customText(paybackFormula, paybackText)))
            own.payback = throughRow
            strategyRows[strategy.name] = own
        }
    }
}
