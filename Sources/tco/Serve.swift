import ArgumentParser
import Foundation
import TCOReview

/// `tco serve MODEL [--port N]`: the review page for a meeting, on this computer only.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the review page: live what-ifs on the model, on 127.0.0.1 only.",
        discussion: """
            Open the printed URL in a browser. Change an input on the page and every scenario is solved again; \
            'Copy as scenario' gives the changes as a scenarios: block for the model file, which the server never \
            writes. Saving the model file reloads the page; an invalid file shows its errors and greys the last \
            good results. Stop with Ctrl-C.
            """)

    @Argument(help: "Model file (YAML).")
    var model: String

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard FileManager.default.fileExists(atPath: model) else { throw ValidationError("no file '\(model)'") }
    }

    func run() async throws {
        let session = ReviewSession(modelPath: model)
        try await ReviewServer.run(session, port: port) { url in
            // Written straight to the file descriptor so a script reading the pipe sees it at once.
            FileHandle.standardOutput.write(Data("TokenTCO review of \(model): \(url)  (Ctrl-C to stop)\n".utf8))
        }
    }
}
