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
    /// Name of the strategy every other one is compared against.
    public var baseline: String

    public init(
        title: String, currency: String, start: YearMonth, horizonMonths: Int, discountRate: Double,
        workloads: [Workload], serving: [ServingOption], hardware: [Hardware] = [], facility: Facility? = nil,
        staff: [StaffRole] = [], strategies: [Strategy], baseline: String
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

    /// The month `offset` months later.
    public func adding(months offset: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + offset
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }
}

/// A source of requests: a product feature or back-office process.
public struct Workload: Sendable, Hashable {
    public var name: String
    /// Requests in month 1.
    public var requestsPerMonth: Double
    /// Effective rate of change of requests.
    public var growth: Rate
    /// Input tokens per request.
    public var inputTokens: Double
    /// Output tokens per request.
    public var outputTokens: Double
    /// Share of input tokens billed at an API's cached price (fraction).
    public var cachedInput: Double
    /// Peak-hour load over average load (≥ 1).
    public var peakToAverage: Double
    /// Whether only in-house or private API options may serve it.
    public var sensitive: Bool

    public init(
        name: String, requestsPerMonth: Double, growth: Rate = .zero, inputTokens: Double, outputTokens: Double,
        cachedInput: Double = 0, peakToAverage: Double = 1, sensitive: Bool = false
    ) {
        self.name = name
        self.requestsPerMonth = requestsPerMonth
        self.growth = growth
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInput = cachedInput
        self.peakToAverage = peakToAverage
        self.sensitive = sensitive
    }
}

/// A rate of change as written: per year (effective annual) or per month.
public struct Rate: Sendable, Hashable {
    /// Fraction per period (−0.2 is −20 %).
    public var value: Double
    /// Whether the period is a month rather than a year.
    public var isMonthly: Bool

    /// Lowest rate a what-if may set: −99.9999 % (the format requires rates above −100 %).
    public static let lowestValue = -0.999999

    public init(_ value: Double, monthly: Bool = false) {
        self.value = value
        self.isMonthly = monthly
    }

    public static let zero = Rate(0)
}

/// A server type: what it costs, draws, and how long it lasts.
public struct Hardware: Sendable, Hashable {
    public var name: String
    /// GPUs per server (whole, ≥ 1).
    public var gpus: Int
    /// All-in purchase price per server, in the model's currency.
    public var price: Double
    /// Draw at full load, kW.
    public var power: Double
    /// Draw when idle, kW.
    public var idlePower: Double
    /// Depreciation life and replacement age, months.
    public var lifeMonths: Int
    /// Share of price recovered in cash when a server retires (fraction).
    public var residual: Double
    /// Maintenance per year as a share of price (fraction per year).
    public var maintenancePerYear: Double
    /// Months from order (payment) to service.
    public var leadTimeMonths: Int

    public init(
        name: String, gpus: Int, price: Double, power: Double, idlePower: Double? = nil, lifeMonths: Int,
        residual: Double = 0, maintenancePerYear: Double = 0, leadTimeMonths: Int = 0
    ) {
        self.name = name
        self.gpus = gpus
        self.price = price
        self.power = power
        self.idlePower = idlePower ?? power
        self.lifeMonths = lifeMonths
        self.residual = residual
        self.maintenancePerYear = maintenancePerYear
        self.leadTimeMonths = leadTimeMonths
    }
}

/// Power and space costs of self-hosted servers.
public struct Facility: Sendable, Hashable {
    /// Power usage effectiveness (≥ 1).
    public var pue: Double
    /// Electricity price in month 1, per kWh.
    public var electricityPerKilowattHour: Double
    /// Effective rate of change of the electricity price.
    public var electricityChange: Rate
    /// Colocation per kW of full-load server power per month.
    public var colocationPerKilowattMonth: Double

    public init(pue: Double = 1, electricityPerKilowattHour: Double, electricityChange: Rate = .zero, colocationPerKilowattMonth: Double = 0) {
        self.pue = pue
        self.electricityPerKilowattHour = electricityPerKilowattHour
        self.electricityChange = electricityChange
        self.colocationPerKilowattMonth = colocationPerKilowattMonth
    }
}

/// An in-house role paid while a strategy runs anything in-house.
public struct StaffRole: Sendable, Hashable {
    public var name: String
    /// Full-time equivalents (may be fractional).
    public var count: Double
    /// Cost per full-time equivalent per year.
    public var costPerYear: Double

    public init(name: String, count: Double, costPerYear: Double) {
        self.name = name
        self.count = count
        self.costPerYear = costPerYear
    }
}
