/// Independent jobs, run one after another or at once. TCOCore has no threads of its own: a caller
/// that may use every core passes a `Perform` that does (e.g. `DispatchQueue.concurrentPerform`).
public enum Jobs {
    /// Runs `job(0)` … `job(count − 1)` and returns when all have finished, in any order or at once.
    public typealias Perform = (_ count: Int, _ job: @Sendable (Int) -> Void) -> Void

    /// Runs the jobs one after another.
    public static func inOrder(_ count: Int, _ job: @Sendable (Int) -> Void) {
        for i in 0..<count { job(i) }
    }

    /// `make(i)` for every `i` in `0..<count`, in index order, the calls run by `perform`. Each call
    /// writes only its own slot, so the result does not depend on how or in what order they run.
    public static func map<T>(_ count: Int, _ perform: Perform, _ make: @escaping @Sendable (Int) -> T) -> [T] {
        // Written once per slot, read after `perform` has returned (every job finished).
        nonisolated(unsafe) let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        perform(count) { i in slots[i] = make(i) }
        return slots.map { $0! }
    }
}
