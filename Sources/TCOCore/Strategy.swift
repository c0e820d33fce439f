/// A way of serving every workload: routes, escalation and fallback.
public struct Strategy: Sendable, Hashable {
    public var name: String
    /// Default route: serving option name → share of requests (fractions adding to 1), in file order.
    public var route: Route
    /// Default escalation of in-house requests.
    public var escalation: Escalation?
    /// Per-workload settings that replace the strategy's.
    public var workloadOverrides: [WorkloadRouting]
    /// API option serving self-hosted demand while no server is in service.
    public var fallback: String?
    /// What it costs once to make the strategy happen (fine-tuning, migration, a platform build).
    public var oneTimeCosts: [OneTimeCost]

    public init(
        name: String, route: Route, escalation: Escalation? = nil, workloadOverrides: [WorkloadRouting] = [],
        fallback: String? = nil, oneTimeCosts: [OneTimeCost] = []
    ) {
        self.name = name
        self.route = route
        self.escalation = escalation
        self.workloadOverrides = workloadOverrides
        self.fallback = fallback
        self.oneTimeCosts = oneTimeCosts
    }

    /// The route a workload follows: its own, else the strategy's (model-format.md, "Strategies").
    public func effectiveRoute(for workload: String) -> Route {
        workloadOverrides.first { $0.workload == workload }?.route ?? route
    }

    /// The escalation a workload follows: its own (`none` included), else the strategy's.
    public func effectiveEscalation(for workload: String) -> Escalation? {
        if let own = workloadOverrides.first(where: { $0.workload == workload }), let setting = own.escalation {
            return setting
        }
        return escalation
    }
}

/// Shares of a workload's requests by serving option.
public struct Route: Sendable, Hashable {
    public var shares: [(option: String, share: Double)]

    public init(_ shares: [(option: String, share: Double)]) {
        self.shares = shares
    }

    /// Options with a share above 0 %.
    public var activeShares: [(option: String, share: Double)] { shares.filter { $0.share > 0 } }

    public static func == (lhs: Route, rhs: Route) -> Bool {
        lhs.shares.count == rhs.shares.count
            && zip(lhs.shares, rhs.shares).allSatisfy { $0.option == $1.option && $0.share == $1.share }
    }

    public func hash(into hasher: inout Hasher) {
        for (option, share) in shares {
            hasher.combine(option)
            hasher.combine(share)
        }
    }
}

/// Re-running a share of in-house requests in full on an API.
public struct Escalation: Sendable, Hashable {
    /// Share of in-house requests that fail and are re-run (fraction).
    public var rate: Double
    /// The API option that re-runs them.
    public var to: String

    public init(rate: Double, to: String) {
        self.rate = rate
        self.to = to
    }
}

/// A strategy's settings for one workload.
public struct WorkloadRouting: Sendable, Hashable {
    public var workload: String
    /// Own route, replacing the strategy's; `nil` keeps the strategy's.
    public var route: Route?
    /// Own escalation: `nil` keeps the strategy's, `.some(nil)` is `escalation: none`.
    public var escalation: Escalation??

    public init(workload: String, route: Route? = nil, escalation: Escalation?? = nil) {
        self.workload = workload
        self.route = route
        self.escalation = escalation
    }
}

/// A cost a strategy pays once: expensed in its month, or capitalized and depreciated.
public struct OneTimeCost: Sendable, Hashable {
    public var name: String
    /// Amount in the model's currency.
    public var cost: Double
    /// Month of the horizon in which it is paid (1 = `start`).
    public var month: Int
    /// Months of straight-line depreciation when capitalized; `nil`: expensed in its month.
    public var capitalizeMonths: Int?

    public init(name: String, cost: Double, month: Int = 1, capitalizeMonths: Int? = nil) {
        self.name = name
        self.cost = cost
        self.month = month
        self.capitalizeMonths = capitalizeMonths
    }
}
