/// The base scenario's lines of every strategy in the current run, and the fleet plans they were
/// worked out from, kept by its worker for the scenarios that copy parts of a strategy
/// (`StrategyParts`) instead of working them out again. One allocation, in a `RunStorage` it owns;
/// the buffers are laid out as `RunBuffers` lays out a worker's.
struct KeptLines {
    private let storage: RunStorage
    private let months, lines, legs: Int

    init(strategies: Int, legs: Int, months: Int) {
        lines = CostLine.allCases.count
        self.legs = legs
        self.months = months
        storage = RunStorage(amounts: strategies * (lines + legs) * months, counts: strategies * legs * 2 * months)
    }

    /// Strategy `k`'s line at `index` in `CostLine.allCases`.
    func line(_ k: Int, at index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: storage.amounts + (k * (lines + legs) + index) * months, count: months)
    }

    /// Busy GPUs on average by month of strategy `k`'s in-house leg `slot`.
    func average(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: storage.amounts + (k * (lines + legs) + lines + slot) * months,
                                   count: months)
    }

    /// Servers entering service by month of strategy `k`'s in-house leg `slot`.
    func entering(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: storage.counts + ((k * legs + slot) * 2) * months, count: months)
    }

    /// Servers in service by month of strategy `k`'s in-house leg `slot`.
    func inService(_ k: Int, slot: Int) -> UnsafeMutableBufferPointer<Int> {
        UnsafeMutableBufferPointer(start: storage.counts + ((k * legs + slot) * 2 + 1) * months, count: months)
    }
}
