/// One line of a chart: a name (a strategy) and its values, one per month.
public struct ChartSeries: Sendable, Hashable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// The running total of `monthly` values: what has been spent by the end of each month.
    public static func cumulative(name: String, monthly: [Double]) -> ChartSeries {
        var total = 0.0
        return ChartSeries(name: name, values: monthly.map { total += $0; return total })
    }
}
