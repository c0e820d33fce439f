import RealModule

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
    ///
    /// A yearly rate's factor `(1 + x)^(k/12)`, k months after the step's anchor, is worked out as
    /// `(1 + x)^q × (1 + x)^(r/12)` with k = 12q + r: twelve `pow` calls for the months of a year
    /// and one a year, instead of one a month (a trend's `pow` calls were a quarter of a Monte Carlo
    /// run). It differs from the single power by a rounding or two (about 10^-16 of the value);
    /// whole years and the first year are the very `pow` of the formula.
    func writeTrend(into trend: UnsafeMutableBufferPointer<Double>) {
        guard !trend.isEmpty else { return }
        trend[0] = 1
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 12) { withinYear in
            forEachStep(through: trend.count) { step, months in
                let rate = steps[step].value, growth = 1 + rate.value
                let anchor = Swift.max(steps[step].month - 1, 1)
                var known = 0, year = 0, yearFactor = 1.0
                for index in months where index >= 1 {
                    // Month index + 1 is `span` months after the anchor (`Calendar.changeFactor`'s m − 1).
                    let span = index + 1 - anchor
                    let factor: Double
                    if rate.value == 0 || rate.isMonthly {
                        factor = Calendar.changeFactor(rate, month: span + 1)
                    } else {
                        let (q, r) = span.quotientAndRemainder(dividingBy: 12)
                        while known <= r {
                            withinYear[known] = known == 0 ? 1 : Double.pow(growth, Double(known) / 12)
                            known += 1
                        }
                        if q != year {
                            yearFactor = Double.pow(growth, Double(q))
                            year = q
                        }
                        factor = r == 0 ? yearFactor : q == 0 ? withinYear[r] : yearFactor * withinYear[r]
                    }
                    trend[index] = anchor == 1 ? factor : trend[anchor - 1] * factor
                }
            }
        }
    }
}
