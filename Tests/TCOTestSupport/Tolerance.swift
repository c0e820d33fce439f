/// Money and other results compared with a relative tolerance: |a − b| ≤ tolerance × max(|b|, 1)
/// (an absolute tolerance near zero, where a relative one would demand exact zeros).
public func isClose(_ a: Double?, _ b: Double, relative tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(abs(b), 1)
}
