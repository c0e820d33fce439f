import Foundation
import TCOCore
import TCOLoading

/// The model file behind the page: reloaded when it changes on disk, with the last good solve
/// kept so that a file made invalid mid-meeting greys the results instead of blanking them.
public actor ReviewSession {
    /// The file as the user named it.
    public let modelPath: String
    /// Goes up by one whenever the file's content changes; the page reloads when it sees a new one.
    public private(set) var version = 0
    /// The last solve of the file without what-if changes that loaded.
    public private(set) var lastGood: ReviewSnapshot?
    /// `tco check`'s text for the file when it is invalid now, else `nil`.
    public private(set) var fileProblems: String?
    /// The simulation of the last good version of the file, when it has an `uncertainty` block.
    public private(set) var lastRisk: ReviewRisk?
    private var fingerprint: Data?
    /// The what-ifs solved on the last good version of the file (the latest few), so that while
    /// the file is invalid the page can still show, greyed, what the meeting's what-ifs gave.
    private var solvedWhatIfs: [[WhatIfChange]: ReviewSnapshot] = [:]

    public init(modelPath: String) {
        self.modelPath = modelPath
    }

    /// Reads the file again when its bytes changed (also the first time); returns whether they did.
    @discardableResult
    public func refresh() -> Bool {
        let data = FileManager.default.contents(atPath: modelPath)
        guard data != fingerprint || version == 0 else { return false }
        fingerprint = data
        version += 1
        switch ModelLoader().load(modelPath) {
        case (.success(let loaded), _):
            lastGood = ReviewSnapshot(loaded)
            lastRisk = ReviewRisk(loaded)
            fileProblems = nil
            solvedWhatIfs = [:]
        case (.failure(let failure), _):
            fileProblems = Self.render(failure.diagnostics, sources: failure.sources)
        }
        return true
    }

    /// What the page shows for `changes`: a fresh solve, or the errors (file or what-if) with the
    /// last good solve to grey out.
    public func view(_ changes: [WhatIfChange]) -> ReviewView {
        var view = solve(changes)
        view.fileInputs = lastGood?.loaded.inputs ?? []
        view.risk = lastRisk
        return view
    }

    private func solve(_ changes: [WhatIfChange]) -> ReviewView {
        if let fileProblems {
            // Never the file's own numbers under what-ifs the page lists as applied: the last good
            // solve of these what-ifs if there is one, else the file's with a word that they are not in it.
            if changes.isEmpty || solvedWhatIfs[changes] != nil {
                return ReviewView(
                    snapshot: solvedWhatIfs[changes] ?? lastGood, changes: changes, fileProblems: fileProblems,
                    whatIfProblems: nil, version: version, modelPath: modelPath)
            }
            return ReviewView(snapshot: lastGood, changes: changes, fileProblems: fileProblems,
                              whatIfProblems: Self.unsolvable, version: version, modelPath: modelPath)
        }
        if changes.isEmpty {
            return ReviewView(snapshot: lastGood, changes: [], fileProblems: nil, whatIfProblems: nil,
                              version: version, modelPath: modelPath)
        }
        var loader = ModelLoader()
        loader.whatIf = changes
        switch loader.load(modelPath) {
        case (.success(let loaded), _):
            let snapshot = ReviewSnapshot(loaded)
            if solvedWhatIfs.count >= 16 { solvedWhatIfs.removeAll() }
            solvedWhatIfs[changes] = snapshot
            return ReviewView(snapshot: snapshot, changes: changes, fileProblems: nil,
                              whatIfProblems: nil, version: version, modelPath: modelPath)
        case (.failure(let failure), _):
            var sources = failure.sources
            sources[WhatIfChange.file] = changes.map { "\($0.path): \($0.value)" }.joined(separator: "\n")
            // A bad what-if changes nothing: the page keeps the solve without it.
            return ReviewView(snapshot: lastGood, changes: changes, fileProblems: nil,
                              whatIfProblems: Self.render(failure.diagnostics, sources: sources),
                              version: version, modelPath: modelPath)
        }
    }

    /// Why the what-ifs are not in the numbers while the file is invalid.
    static let unsolvable = "The model file is invalid, so these what-ifs cannot be solved: the numbers shown are "
        + "the file's last valid version without them. Fix the file (see above) and they apply again."

    /// Diagnostics exactly as `tco check` prints them.
    static func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        diagnostics.map { DiagnosticRenderer.render($0, sources: sources) }.joined(separator: "\n")
    }
}

/// What one request of the page gets to render.
public struct ReviewView: Sendable {
    public var snapshot: ReviewSnapshot?
    public var changes: [WhatIfChange]
    public var fileProblems: String?
    public var whatIfProblems: String?
    public var version: Int
    public var modelPath: String
    /// The inputs as written in the file, with their source comments, for the what-if controls.
    public var fileInputs: [LoadedModel.Input] = []
    /// How sure the file's decision is (its `uncertainty` block simulated), when it has one.
    public var risk: ReviewRisk?

    /// Whether the numbers shown are not the current file's (it is invalid, or the what-if is).
    public var isStale: Bool { fileProblems != nil }
}
