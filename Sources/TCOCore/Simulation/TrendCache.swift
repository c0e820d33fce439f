/// Trends of rates of change a worker has derived in the current run, kept by the schedule they
/// come from. In one run every scenario draws the same value for an input it does not keep, so the
/// scenarios after the first find their drawn trends here instead of calling `pow` for every month
/// again. A trend is a function of its schedule (and length) alone, so a trend found here is the
/// one `writeTrend` would write, bit for bit (rates of ±0 compare equal and both give a trend of 1).
///
/// Only the current run's trends are kept (`startRun`): another run draws other rates, so older
/// trends would only lengthen the search. Their buffers are reused from run to run.
struct TrendCache {
    private var schedules: [Schedule<Rate>] = []
    private var trends: [[Double]] = []
    /// How many of `schedules` and `trends` hold this run's trends.
    private var count = 0

    /// Forgets the trends of the last run, keeping their storage.
    mutating func startRun() { count = 0 }

    /// `schedule.writeTrend(into: buffer)`, from the cache when it holds the schedule's trend.
    mutating func write(_ schedule: Schedule<Rate>, into buffer: UnsafeMutableBufferPointer<Double>) {
        for slot in 0..<count where trends[slot].count == buffer.count && schedules[slot] == schedule {
            _ = buffer.update(fromContentsOf: trends[slot])
            return
        }
        schedule.writeTrend(into: buffer)
        if count < schedules.count {
            schedules[count] = schedule
            if trends[count].count == buffer.count {
                trends[count].withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: buffer) }
            } else {
                trends[count] = Array(buffer)
            }
        } else {
            // A copy of its own: the worker overwrites `buffer` in later runs.
            schedules.append(schedule)
            trends.append(Array(buffer))
        }
        count += 1
    }
}
