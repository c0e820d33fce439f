#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Several output files written as one: each goes to a temporary name beside its destination, and
/// only when every one is written are they renamed into place. A reader never finds a new memo next
/// to an old workbook, nor charts without their memo.
struct StagedFiles {
    /// Why the outputs could not be written.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var staged: [(temporary: String, destination: String)] = []

    /// Writes a file for `destination` through `body`, which is given the temporary path to write.
    mutating func stage(_ destination: String, _ body: (String) throws -> Void) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure(description: "cannot write \(destination): a folder of that name is in the way")
        }
        let name = (destination as NSString).lastPathComponent
        let folder = (destination as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).\(getpid()).tmp"
        staged.append((temporary, destination))
        try body(temporary)
    }

    /// Writes `text` (UTF-8) for `destination`.
    mutating func stage(_ destination: String, text: String) throws {
        try stage(destination) { try Data(text.utf8).write(to: URL(fileURLWithPath: $0)) }
    }

    /// Renames every staged file into place. If one rename fails, the files already moved are put
    /// back as they were (the previous version restored, or the new file removed).
    mutating func commit() throws {
        // Hard links keep the previous versions until every rename has succeeded (where the file
        // system has no hard links, a failed rename can only remove the new files, not restore old ones).
        var backups: [String: String] = [:]
        defer { for backup in backups.values { unlink(backup) } }
        for (_, destination) in staged where FileManager.default.fileExists(atPath: destination) {
            let backup = destination + ".\(getpid()).previous"
            if link(destination, backup) == 0 { backups[destination] = backup }
        }
        for (index, file) in staged.enumerated() {
            guard rename(file.temporary, file.destination) != 0 else { continue }
            let reason = String(cString: strerror(errno))
            for moved in staged[..<index] {
                if let backup = backups.removeValue(forKey: moved.destination) {
                    rename(backup, moved.destination)
                } else {
                    unlink(moved.destination)
                }
            }
            staged = Array(staged[index...])
            throw Failure(description: "cannot move \(file.destination) into place: \(reason)")
        }
        staged = []
    }

    /// Removes the temporary files not renamed into place (after a failure; nothing after `commit`).
    mutating func discard() {
        for file in staged { unlink(file.temporary) }
        staged = []
    }
}
