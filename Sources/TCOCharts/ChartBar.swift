/// One bar of a bar chart: a name (a strategy) and its value; `nil` when there is none to show
/// (for example no token served, so no cost per token).
public struct ChartBar: Sendable, Hashable {
    public var name: String
    public var value: Double?

    public init(name: String, value: Double?) {
        self.name = name
        self.value = value
    }
}
