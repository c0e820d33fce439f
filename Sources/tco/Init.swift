import ArgumentParser
import Foundation
import TCOLoading

/// `tco init [FILE]`: writes a commented starter model; never overwrites a file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented, valid starter model to edit.",
        discussion: "Every section is present and each value says what it means and where to find its source. "
            + "An existing file is never overwritten.")

    @Argument(help: "Where to write the model.")
    var file = "model.yaml"

    func run() throws {
        if FileManager.default.fileExists(atPath: file) {
            Terminal.error("'\(file)' already exists; tco init never overwrites a file (choose another name)")
            throw ExitCode.validationFailure
        }
        do {
            // Refuses to replace a file that appears between the check above and the write.
            try Data(StarterModel.text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            Terminal.error("cannot write '\(file)': \(Terminal.describe(error))")
            throw ExitCode.validationFailure
        }
        print("wrote \(file) — edit it, then: tco check \(file) && tco report \(file)")
    }
}
