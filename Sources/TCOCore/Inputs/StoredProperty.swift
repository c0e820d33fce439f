/// A stored property of a struct, changed in place through its byte offset
/// (`MemoryLayout.offset(of:)`) instead of by applying its key path at run time.
///
/// A Monte Carlo run writes every draw into every scenario's model; a key path applied at run
/// time looks up generic metadata in the Swift runtime's shared caches, which cost more than the
/// run's arithmetic and made the two cores wait on each other. A key path with no offset (a
/// computed property) is applied as a key path.
struct StoredProperty<Root, Value>: Sendable {
    let path: WritableKeyPath<Root, Value> & Sendable
    /// Byte offset of the property inside `Root`; nil when it is not stored inline.
    let offset: Int?

    init(_ path: WritableKeyPath<Root, Value> & Sendable) {
        self.path = path
        offset = MemoryLayout<Root>.offset(of: path)
    }

    /// Calls `body` with the property of `root`, in place.
    @inline(__always)
    func modify(_ root: inout Root, _ body: (inout Value) -> Void) {
        guard let offset else { return body(&root[keyPath: path]) }
        withUnsafeMutablePointer(to: &root) { whole in
            // The documented use of `offset(of:)`: the property's storage, typed as the property.
            body(&UnsafeMutableRawPointer(whole).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee)
        }
    }
}
