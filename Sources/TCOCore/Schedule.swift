/// A value that may change on known dates (model-format.md, "Schedules"): each step's value holds
/// from its month until the next step's month.
///
/// Months are months of the horizon, 1 being `start`. The first step is always month 1 (a value
/// written for `start` or earlier); later steps are in ascending order and may lie after the horizon,
/// where they are unused. A single value is a schedule with one step.
public struct Schedule<Value: Sendable & Hashable>: Sendable, Hashable {
    /// A value and the month of the horizon from which it holds.
    public struct Step: Sendable, Hashable {
        /// Month of the horizon (1 = `start`) from which `value` holds.
        public var month: Int
        public var value: Value

        public init(month: Int, value: Value) {
            self.month = month
            self.value = value
        }
    }

    /// At least one step; the first in month 1, months strictly ascending.
    public private(set) var steps: [Step]

    /// The same value in every month.
    public init(_ value: Value) {
        steps = [Step(month: 1, value: value)]
    }

    /// The schedule written as `(month, value)` entries, months counted from `start` = 1 (months
    /// before `start` are 0 or negative). The last entry at or before month 1 gives month 1's value
    /// and earlier ones are unused. `nil` unless the months are strictly ascending and the first is
    /// at or before month 1.
    public init?(entries: [(month: Int, value: Value)]) {
        guard let first = entries.first, first.month <= 1 else { return nil }
        var steps: [Step] = []
        var previous = Int.min
        for entry in entries {
            guard entry.month > previous else { return nil }
            previous = entry.month
            if entry.month <= 1 {
                steps = [Step(month: 1, value: entry.value)]
            } else {
                steps.append(Step(month: entry.month, value: entry.value))
            }
        }
        self.steps = steps
    }

    /// The value in force in month 1.
    public var first: Value { steps[0].value }

    /// Whether the value is the same in every month (one step).
    public var isConstant: Bool { steps.count == 1 }

    /// The step in force in month `m` (the last one whose month is at or before `m`).
    public func step(inMonth m: Int) -> Step {
        var found = steps[0]
        for step in steps.dropFirst() {
            guard step.month <= m else { break }
            found = step
        }
        return found
    }

    /// The value in force in month `m`.
    public func value(inMonth m: Int) -> Value { step(inMonth: m).value }

    /// The steps in force in months `1 … months`, one per month.
    public func stepsByMonth(_ months: Int) -> [Step] {
        guard months > 0 else { return [] }
        var result: [Step] = []
        result.reserveCapacity(months)
        var index = 0
        for m in 1...months {
            while index + 1 < steps.count, steps[index + 1].month <= m { index += 1 }
            result.append(steps[index])
        }
        return result
    }

    /// The values in force in months `1 … months`.
    public func valuesByMonth(_ months: Int) -> [Value] { stepsByMonth(months).map(\.value) }

    /// The same months with every value transformed.
    /// Each step's value changed by `transform`, months kept: `map` in place, which allocates
    /// nothing when the steps are not shared (a Monte Carlo worker writes a draw every run).
    mutating func updateValues(_ transform: (Value) -> Value) {
        for index in steps.indices { steps[index].value = transform(steps[index].value) }
    }

    public func map<T>(_ transform: (Value) -> T) -> Schedule<T> {
        var result = Schedule<T>(transform(steps[0].value))
        result.steps = steps.map { Schedule<T>.Step(month: $0.month, value: transform($0.value)) }
        return result
    }

    /// Whether any value satisfies `predicate`.
    public func contains(where predicate: (Value) -> Bool) -> Bool { steps.contains { predicate($0.value) } }

    /// Whether every value satisfies `predicate`.
    public func allSatisfy(_ predicate: (Value) -> Bool) -> Bool { steps.allSatisfy { predicate($0.value) } }
}

extension Schedule where Value == Double {
    /// A level with a rate of change (calculations.md, "Schedules"): in month `m`, `v × T(m) / T(s)`,
    /// with `v` the value in force and `s` its month. Returned as the two factors `v / T(s)` (the
    /// level at the trend's scale) so that callers multiply by `T(m)` where version 1 multiplied
    /// its change factor, which keeps version 1 numbers bit for bit (`v / 1 = v`).
    public func levels(over trend: [Double]) -> [Double] {
        var levels = [Double](repeating: 0, count: trend.count)
        writeLevels(over: trend, into: &levels)
        return levels
    }
}

extension Schedule where Value == Rate {
    /// No change in any month.
    public static var zero: Schedule<Rate> { Schedule(.zero) }

    /// The trend `T(1 … months)` of this rate of change (calculations.md, "Schedules"): `T(1) = 1`,
    /// `T(m) = T(m − 1) × f(m)` with `f(j)` from the rate in force in month `j`. Computed in closed
    /// form over each run of one rate: from month `a` (the month before the run, at least 1),
    /// `T(m) = T(a) × (1 + x)^((m − a)/12)`, or `(1 + x)^(m − a)` for a monthly rate. For a single
    /// rate this is version 1's `(1 + x)^((m − 1)/12)`, to a rounding or two (`writeTrend`).
    public func trend(months: Int) -> [Double] {
        var trend = [Double](repeating: 1, count: Swift.max(months, 0))
        writeTrend(into: &trend)
        return trend
    }
}
