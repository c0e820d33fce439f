#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A progress bar on standard error, drawn only when standard error is a terminal (never into a
/// log or a pipe), redrawn at most every percent.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let lock = NSLock()
    private var shownPercent = -1

    /// `nil` when standard error is not a terminal or the work is too small to need one.
    init?(total: Int, label: String) {
        guard isatty(STDERR_FILENO) == 1, total >= 2_000 else { return nil }
        self.total = total
        self.label = label
    }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = Swift.min(100, done * 100 / Swift.max(total, 1))
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30, filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
