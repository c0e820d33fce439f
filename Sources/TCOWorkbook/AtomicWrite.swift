import Foundation

/// Writing a file so that readers see the old file or the whole new one, never a half-written one.
enum AtomicWrite {
    /// Calls `body` with a temporary path beside `path`, then renames it into place; on any error
    /// the temporary file is removed and nothing is left behind.
    static func write(to path: String, _ body: (String) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        do {
            try body(temporary)
            // rename(2) replaces an existing file atomically.
            guard rename(temporary, path) == 0 else {
                throw XLSXError(description: "cannot move the workbook into place at \(path): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
