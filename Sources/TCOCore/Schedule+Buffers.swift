/// The month-by-month forms of a schedule written into a buffer the caller owns: the solver's
/// arrays come from here, and a Monte Carlo worker derives a drawn line again each run into the
/// same storage, with one implementation (so one arithmetic) for both.
extension Schedule {
    /// Index of the step in force in month `m`, given the one in force in month `m − 1`.
    func stepIndex(inMonth m: Int, after previous: Int) -> Int {
        var index = previous
        while index + 1 < steps.count, steps[index + 1].month <= m { index += 1 }
        return index
    }
}

extension Schedule where Value == Double {
    /// `valuesByMonth(buffer.count)`, in place.
    func writeValues(into buffer: inout [Double]) {
        buffer.withUnsafeMutableBufferPointer { writeValues(into: $0) }
    }

    /// `valuesByMonth(buffer.count)` into memory the caller owns (a Monte Carlo worker's buffers).
    func writeValues(into buffer: UnsafeMutableBufferPointer<Double>) {
        forEachStep(through: buffer.count) { step, months in
            UnsafeMutableBufferPointer(rebasing: buffer[months]).update(repeating: steps[step].value)
        }
    }

    /// `levels(over: trend)` in place: `v / T(s)` by month, `buffer` as long as `trend`.
    func writeLevels(over trend: [Double], into buffer: inout [Double]) {
        trend.withUnsafeBufferPointer { trend in
            buffer.withUnsafeMutableBufferPointer { writeLevels(over: trend, into: $0) }
        }
    }

    /// `levels(over: trend)` into memory the caller owns. The level is divided once per step:
    /// every month of a step divides the same two numbers.
    func writeLevels(over trend: UnsafeBufferPointer<Double>, into buffer: UnsafeMutableBufferPointer<Double>) {
        forEachStep(through: Swift.min(trend.count, buffer.count)) { step, months in
            let level = steps[step].value / trend[steps[step].month - 1]
            UnsafeMutableBufferPointer(rebasing: buffer[months]).update(repeating: level)
        }
    }
}

extension Schedule {
    /// Each step in force in months 1 through `last`, with the indices (`month − 1`) of the months
    /// it is in force: a step at a time, not a month at a time (a Monte Carlo run fills most
    /// lines from one or two steps).
    @inline(__always)
    func forEachStep(through last: Int, _ body: (_ step: Int, _ months: Range<Int>) -> Void) {
        // Steps start in month 1 and ascend strictly (`init(entries:)`).
        var step = 0
        while step < steps.count, steps[step].month <= last {
            let end = step + 1 < steps.count ? Swift.min(steps[step + 1].month - 1, last) : last
            body(step, (steps[step].month - 1)..<end)
            step += 1
        }
    }
}

extension Schedule where Value == Rate {
    /// `trend(months: trend.count)` in place (see `trend(months:)`).
    func writeTrend(into trend: inout [Double]) {
        trend.withUnsafeMutableBufferPointer { writeTrend(into: $0) }
    }

    /// `trend(months: trend.count)` into memory the caller owns.
    func writeTrend(into trend: UnsafeMutableBufferPointer<Double>) {
        guard !trend.isEmpty else { return }
        trend[0] = 1
        var index = 0
        for m in stride(from: 2, through: trend.count, by: 1) {
            index = stepIndex(inMonth: m, after: index)
            let step = steps[index]
            let anchor = Swift.max(step.month - 1, 1)
            // `changeFactor` of month k is (1 + x)^((k − 1)/12): k = m − anchor + 1 spans m − anchor months.
            let factor = Calendar.changeFactor(step.value, month: m - anchor + 1)
            trend[m - 1] = anchor == 1 ? factor : trend[anchor - 1] * factor
        }
    }
}
