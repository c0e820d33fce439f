/// The base scenario's lines of every strategy in the current run, and the fleet plans they were
/// worked out from, kept by its worker for the scenarios that copy parts of a strategy
/// (`StrategyParts`) instead of working them out again. One allocation, in a `RunStorage` it owns;
/// the buffers are laid out as `RunBuffers` lays out a worker's.
///
/// Only pointers: another worker copies it every run without reference counting. Valid while the
/// storage it was laid out in (`storage(strategies:legs:months:)`) lives.
struct KeptLines {
    private let amounts: UnsafeMutablePointer<Double>
    private let counts: UnsafeMutablePointer<Int>
    private let months, lines, legs: Int

    /// The storage for the lines of `strategies` strategies of up to `legs` in-house legs each.
    static func storage(strategies: Int, legs: Int, months: Int) -> RunStorage {
        let lines = CostLine.allCases.count
        return RunStorage(amounts: strategies * (lines + legs) * months, counts: strategies * legs * 2 * months)
    }

    /// The buffers in `storage`, made by `storage(strategies:legs:months:)` with these `legs` and `months`.
    init(storage: RunStorage, legs: Int, months: Int) {
        amounts = storage.amounts
        counts = storage.counts
        lines = CostLine.allCases.count
        self.legs = legs
        self.months = months
    }

    /// Strategy `k`'s line at `index` in `CostLine.allCases`.
    func line(_ k: Int, at index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: amounts + (k * (lines + legs) + index) * months, count: months)
    }

    /// Busy GPUs on average by month of strategy `k`'s in-house leg `slot`.
    func average(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: amounts + (k * (lines + legs) + lines + slot) * months,
                                   count: months)
    }

    /// Servers entering service by month of strategy `k`'s in-house leg `slot`.
    func entering(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: counts + ((k * legs + slot) * 2) * months, count: months)
    }

    /// Servers in service by month of strategy `k`'s in-house leg `slot`.
    func inService(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: counts + ((k * legs + slot) * 2 + 1) * months, count: months)
    }
}
