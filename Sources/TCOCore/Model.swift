/// A validated decision model: what is served, what can serve it, and the strategies to compare.
///
/// Amounts are in canonical units: fractions for percentages and rates, the model's currency
/// for money, per month for volumes, kW for power, tokens per second for throughput.
public struct Model: Sendable, Hashable {
    /// Title shown on reports.
    public var title: String
    /// ISO currency code of every money amount.
    public var currency: String
    /// First month of the horizon.
    public var start: YearMonth
    /// Horizon in months (1 … 360).
    public var horizonMonths: Int
    /// Cost of capital, effective annual rate (fraction).
    public var discountRate: Double
    public var workloads: [Workload]
    public var serving: [ServingOption]
    public var hardware: [Hardware]
    public var facility: Facility?
    public var staff: [StaffRole]
    public var strategies: [Strategy]
    /// Tax, terminal value and loans.
    public var finance: Finance
    /// Name of the strategy every other one is compared against.
    public var baseline: String

    public init(
        title: String, currency: String, start: YearMonth, horizonMonths: Int, discountRate: Double,
        workloads: [Workload], serving: [ServingOption], hardware: [Hardware] = [], facility: Facility? = nil,
        staff: [StaffRole] = [], strategies: [Strategy], baseline: String, finance: Finance = Finance()
    ) {
        self.title = title
        self.currency = currency
        self.start = start
        self.horizonMonths = horizonMonths
        self.discountRate = discountRate
        self.workloads = workloads
        self.serving = serving
        self.hardware = hardware
        self.facility = facility
        self.staff = staff
        self.strategies = strategies
        self.baseline = baseline
        self.finance = finance
    }

    /// The serving option called `name`.
    public func servingOption(named name: String) -> ServingOption? { serving.first { $0.name == name } }
    /// The server type called `name`.
    public func hardware(named name: String) -> Hardware? { hardware.first { $0.name == name } }
    /// The strategy called `name`.
    public func strategy(named name: String) -> Strategy? { strategies.first { $0.name == name } }
}

/// A calendar month, `YYYY-MM`.
public struct YearMonth: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    /// 1 … 12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `2027-01`; `nil` if the text is not a valid year and month.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1900
        else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    /// Which month of a horizon starting in `start` this is: 1 for `start`, 0 for the month
    /// before it, 13 a year after it.
    public func monthOfHorizon(startingIn start: YearMonth) -> Int {
        (year - start.year) * 12 + (month - start.month) + 1
    }

    /// The month `offset` months later.
    public func adding(months offset: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + offset
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }
}

