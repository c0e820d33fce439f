/// Owns memory for a fixed number of values of a plain type (no references inside), freed with
/// it: a worker lends such buffers to the other scenarios' workers by pointer, and a pointer is
/// copied without reference counting where an array is retained and released each time.
final class OwnedBuffer<Element> {
    let pointer: UnsafeMutableBufferPointer<Element>

    init(repeating value: Element, count: Int) {
        pointer = .allocate(capacity: Swift.max(count, 0))
        pointer.initialize(repeating: value)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }
}
