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
        var index = 0
        for m in stride(from: 1, through: buffer.count, by: 1) {
            index = stepIndex(inMonth: m, after: index)
            buffer[m - 1] = steps[index].value
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
        guard !trend.isEmpty else { return }
        var index = 0
        var level = steps[0].value / trend[steps[0].month - 1]
        for m in stride(from: 1, through: Swift.min(trend.count, buffer.count), by: 1) {
            let inForce = stepIndex(inMonth: m, after: index)
            if inForce != index {
                index = inForce
                level = steps[index].value / trend[steps[index].month - 1]
            }
            buffer[m - 1] = level
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
