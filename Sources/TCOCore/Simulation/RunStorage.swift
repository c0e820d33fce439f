/// Owns the memory of one `PlanWorker`'s monthly buffers: one allocation of amounts and one of
/// server counts, freed with the worker. Only `RunBuffers` points into it.
final class RunStorage {
    let amounts: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Int>

    init(amounts amountCount: Int, counts countCount: Int) {
        amounts = .allocate(capacity: Swift.max(amountCount, 1))
        amounts.initialize(repeating: 0, count: Swift.max(amountCount, 1))
        counts = .allocate(capacity: Swift.max(countCount, 1))
        counts.initialize(repeating: 0, count: Swift.max(countCount, 1))
    }

    deinit {
        amounts.deallocate()
        counts.deallocate()
    }
}
