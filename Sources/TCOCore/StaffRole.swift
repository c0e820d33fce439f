/// A role in the team, and which strategies pay it.
public struct StaffRole: Sendable, Hashable {
    public var name: String
    /// Full-time equivalents (may be fractional): the value in force, no trend.
    public var count: Schedule<Double>
    /// Cost per full-time equivalent per year as written (`costChange` goes on from each written value).
    public var costPerYear: Schedule<Double>
    /// The yearly pay rise, an effective rate of change.
    public var costChange: Schedule<Rate>
    /// Who pays the role.
    public var payers: Payers

    /// Which strategies pay a role (model-format.md, "Staff").
    public enum Payers: Sendable, Hashable {
        /// Every strategy whose effective routes give a share to a self-hosted or rented option.
        case inHouse
        /// Every strategy, the baseline included.
        case all
        /// The strategies named (none when empty).
        case strategies([String])

        /// Whether `strategy`, which runs something in-house when `usesInHouse`, pays the role.
        public func include(_ strategy: String, usesInHouse: Bool) -> Bool {
            switch self {
            case .inHouse: usesInHouse
            case .all: true
            case .strategies(let names): names.contains(strategy)
            }
        }
    }

    public init(
        name: String, count: Schedule<Double>, costPerYear: Schedule<Double>, costChange: Schedule<Rate> = .zero,
        payers: Payers = .inHouse
    ) {
        self.name = name
        self.count = count
        self.costPerYear = costPerYear
        self.costChange = costChange
        self.payers = payers
    }

    /// A role with one headcount and one cost, paid by in-house strategies (the version 1 form).
    public init(name: String, count: Double, costPerYear: Double) {
        self.init(name: name, count: Schedule(count), costPerYear: Schedule(costPerYear))
    }
}
