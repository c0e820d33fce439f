import TCOCore
import TCOLoading

/// Builds one `Calc <scenario>` sheet: every line of every strategy's timeline as one formula
/// per row copied across the months, over the `Inputs` defined names. The rows are split by
/// concern: the time axis and volumes here, in-house demand and fleets (`+InHouse`), API
/// traffic (`+API`), a strategy's totals (`+Totals`), payback and break-even (`+Comparison`).
struct CalcSheet {
    /// A row to write: label, unit, a formula per month (given the 0-based column) with the
    /// solver's values as cached results, and an optional total. A row without a formula holds a
    /// single result in the total column (`values` empty).
    struct Row {
        var label: String
        var unit: String
        var format: CellStyle.NumberFormat
        var formula: ((Int) -> String)?
        var values: [Double]
        var total: Total = .none
        var isHeader = false
        /// Shown as a note on the label: why the row is computed the way it is.
        var note: String?
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

    /// Where a strategy's key lines are, for Summary, Annual, Checks and payback formulas.
    /// The loan rows of one financed fleet: drawn, payments, interest and settlement.
    struct LoanRows { var drawn: Int, payments: Int, interest: Int, settlement: Int }

    struct StrategyRows {
        var servers = 0, pnl = 0, cost = 0, discounted = 0, cumulative = 0, discountedAPI = 0, energy = 0
        /// After-tax lines (calculations.md, Tax): what comparisons use.
        var taxShield = 0, afterTax = 0, discountedAfterTax = 0, cumulativeAfterTax = 0, discountedAPIAfterTax = 0
        var payback: Int?
        /// Each financed fleet's loan rows.
        var loans: [LoanRows] = []
        /// Servers needed and in service, by self-hosted option.
        var fleets: [(option: String, needed: Int, inService: Int)] = []
        /// The API price break-even multiplier and its side (total column), against the baseline.
        var priceBreakEven: Int?
        var priceSide: Int?

        /// The total row of each cost line, in `CostLine` order.
        private var lineRows = [Int](repeating: 0, count: CostLine.allCases.count)

        /// The total row of `line`.
        subscript(line: CostLine) -> Int {
            get { lineRows[line.index] }
            set { lineRows[line.index] = newValue }
        }
    }

    let name: String
    let scenario: LoadedModel.Scenario
    let result: ScenarioResult
    let catalog: InputCatalog
    let months: Int
    let f: CalcFormulas

    /// `'Calc base'!$C$12`: the horizon total of `row`, as other sheets refer to it.
    func totalReference(_ row: Int) -> String {
        CellReference.sheet(name) + "!" + CellReference.absolute(row: row, column: CalcLayout.totalColumn)
    }

    /// `'Calc base'!$E$12:$BL$12`: the months of `row`, as other sheets refer to them.
    func monthsReference(_ row: Int) -> String { CellReference.sheet(name) + "!" + f.absoluteSpan(row) }
    private(set) var rows: [Row] = []
    var strategyRows: [String: StrategyRows] = [:]
    /// Discount factor of each month (the solver's), shown in the discount-factor row.
    let discountFactors: [Double]
    private(set) var discountedTokensRow = 0
    private(set) var tokensRow = 0
    /// The API options with request rows, by strategy and workload (`strategy|workload`): where
    /// escalation and fallback targets named on Inputs can send requests.
    var apiOptions: [String: Set<String>] = [:]
    /// How this scenario's formulas read the inputs that may change on known dates.
    var scheduled: ScheduledInputs

    /// The time axis: month index, months since start, calendar month, model year, last-month
    /// flag and discount factor, from row 4 down; the lines start below them.
    static let title = 0, headerRow = 2, firstRow = 3
    static let monthRow = 3, elapsedRow = 4, dateRow = 5, yearRow = 6, lastMonthRow = 7, discountRow = 8

    init(
        scenario: LoadedModel.Scenario, index: Int, result: ScenarioResult, catalog: InputCatalog,
        schedules: ScheduleCatalog
    ) {
        name = String("Calc \(scenario.name)".prefix(31))
        self.scenario = scenario
        self.result = result
        self.catalog = catalog
        months = scenario.model.horizonMonths
        f = CalcFormulas(months: scenario.model.horizonMonths, catalog: catalog)
        scheduled = ScheduledInputs(f: f, blocks: [:])
        let solver = Solver(model: scenario.model)
        discountFactors = solver.discountFactors
        addTimeAxis()
        addSchedules(schedules, scenario: index)
        build(solver)
    }

    /// Appends `row` and returns its 0-based sheet row.
    mutating func add(_ row: Row) -> Int {
        rows.append(row)
        return Self.firstRow + rows.count - 1
    }

    /// The sheet row the next `add` will use (for rows that refer to themselves or to a later row).
    var nextRow: Int { Self.firstRow + rows.count }

    mutating func header(_ text: String) {
        _ = add(Row(label: text, unit: "", format: .text, formula: nil, values: [], isHeader: true))
    }

    // MARK: Building

    private mutating func build(_ solver: Solver) {
        let f = self.f, scheduled = self.scheduled
        let model = scenario.model
        header("Volumes")
        var requestRows: [String: Int] = [:]
        for (w, workload) in model.workloads.enumerated() {
            let key = "workloads.\(workload.name)"
            let requests = "\(key).requests", growth = "\(key).growth"
            let monthly = workload.growth.first.isMonthly
            let row = nextRow
            requestRows[workload.name] = add(
                Row(
                    label: "\(workload.name): requests", unit: "requests", format: .integer,
                    formula: { c in
                        scheduled.stepping(requests, trend: growth, row: row, c)
                            ?? scheduled.level(requests, trend: growth, monthly: monthly, c)
                    },
                    values: solver.requestsByWorkload[w], total: .sum))
        }
        let tokenTerms = model.workloads.map { w in
            (
                requestRows[w.name] ?? 0,
                "(\(f.input("workloads.\(w.name).input_tokens"))+\(f.input("workloads.\(w.name).output_tokens")))"
            )
        }
        tokensRow = add(
            Row(
                label: "Tokens served", unit: "tokens", format: .millions,
                formula: { c in tokenTerms.map { "\(f.ref($0.0, c))*\($0.1)" }.joined(separator: "+") },
                values: result.tokens, total: .sum))
        let tokens = tokensRow
        discountedTokensRow = add(
            Row(
                label: "Tokens served, discounted", unit: "tokens", format: .millions,
                formula: { c in "\(f.ref(tokens, c))*\(f.discount(c))" },
                values: zip(result.tokens, solver.discountFactors).map { $0 * $1 }, total: .sum))

        for strategy in model.strategies {
            guard let strategyResult = result.strategy(named: strategy.name) else { continue }
            header("Strategy: \(strategy.name)")
            strategyRows[strategy.name] = addStrategy(
                strategy, result: strategyResult, details: solver.details(of: strategy), solver: solver,
                requestRows: requestRows)
        }
        addPayback()
        addPriceBreakEven(solver)
    }

    /// The time axis rows. The month index counts from the column on its left (the empty spacer
    /// before month 1 reads as 0), so it survives inserted columns, unlike `COLUMN()`.
    private mutating func addTimeAxis() {
        let f = self.f
        let start = scenario.model.start
        let axis: [(String, String, CellStyle.NumberFormat, (Int) -> String, (Int) -> Double)] = [
            ("Month", "index", .integer, { c in "\(f.ref(Self.monthRow, c - 1))+1" }, { Double($0) }),
            ("Months since start", "months", .integer, { c in "\(f.month(c))-1" }, { Double($0 - 1) }),
            (
                "Calendar month", "date", .date, { c in "EDATE(Start,\(f.elapsed(c)))" },
                { InputCatalog.serial(start.adding(months: $0 - 1)) }
            ),
            (
                "Year of the model (12 months from Start)", "year", .integer,
                { c in "INT(\(f.elapsed(c))/Months_Per_Year)+1" },
                { Double(($0 - 1) / 12 + 1) }
            ),
            (
                "Last month of the horizon", "1 = yes", .integer, { c in "IF(\(f.month(c))=Horizon_Months,1,0)" },
                { [months] m in m == months ? 1 : 0 }
            ),
            (
                "Discount factor (end of month)", "factor", .factor,
                { c in "(1+Discount_Rate)^(-\(f.month(c))/Months_Per_Year)" },
                { [discountFactors] m in discountFactors[m - 1] }
            ),
        ]
        for (label, unit, format, formula, value) in axis {
            _ = add(Row(label: label, unit: unit, format: format, formula: formula, values: (1...months).map(value)))
        }
        assert(nextRow == Self.discountRow + 1)
    }
}
