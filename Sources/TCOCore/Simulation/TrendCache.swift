/// Trends of rates of change a worker has just derived, kept by the schedule they come from. In
/// one run every scenario draws the same value for an input it does not keep, so the scenarios
/// after the first find their drawn trends here instead of calling `pow` for every month again.
/// A trend is a function of its schedule (and length) alone, so a trend found here is the one
/// `writeTrend` would write, bit for bit (rates of ±0 compare equal and both give a trend of 1).
struct TrendCache {
    private var schedules: [Schedule<Rate>] = []
    private var trends: [[Double]] = []
    /// The slot the next new trend goes into once every slot is taken.
    private var next = 0
    /// Enough for every drawn rate of a model (each scenario's own rates are not drawn).
    static let slots = 16

    /// `schedule.writeTrend(into: &buffer)`, from the cache when it holds the schedule's trend.
    mutating func write(_ schedule: Schedule<Rate>, into buffer: inout [Double]) {
        for slot in schedules.indices where trends[slot].count == buffer.count && schedules[slot] == schedule {
            for m in buffer.indices { buffer[m] = trends[slot][m] }
            return
        }
        schedule.writeTrend(into: &buffer)
        // A copy of its own (`map`): the worker overwrites `buffer` in later runs.
        if schedules.count < Self.slots {
            schedules.append(schedule)
            trends.append(buffer.map { $0 })
        } else {
            schedules[next] = schedule
            trends[next] = buffer.map { $0 }
            next = (next + 1) % Self.slots
        }
    }
}
