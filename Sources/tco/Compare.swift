import ArgumentParser
import Foundation
import TCOCore
import TCOLoading
import TCOMemo
import TCOWorkbook

/// `tco compare MODEL_A MODEL_B [--output DIR]`: what changed in the inputs and how the results moved.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a decision: changed inputs and how every strategy's results moved.",
        discussion: """
            Strategies are compared by name; --match OLD=NEW pairs a strategy of A with a differently \
            named one of B. With --output, also writes DIR/<A>-vs-<B>.xlsx (Inputs A, Inputs B, Compare) \
            and DIR/<A>-vs-<B>.md (from the built-in Templates/compare.md.mustache, or --template).
            """)

    @Argument(help: "The current model (A).")
    var modelA: String

    @Argument(help: "The proposal (B).")
    var modelB: String

    @Option(help: "Folder for the comparison workbook and memo.")
    var output: String?

    @Option(help: "Compare memo template (Mustache); default: the built-in Templates/compare.md.mustache.")
    var template: String?

    @Option(help: ArgumentHelp(
        "Compare strategy OLD of A with strategy NEW of B (repeatable).", valueName: "OLD=NEW"))
    var match: [String] = []

    /// `--match` values as pairs; `nil` for one that is not `OLD=NEW`.
    var matches: [ModelComparison.StrategyMatch?] {
        match.map { text in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return ModelComparison.StrategyMatch(old: String(parts[0]), new: String(parts[1]))
        }
    }

    func validate() throws {
        if let bad = zip(match, matches).first(where: { $0.1 == nil }) {
            throw ValidationError("--match \(bad.0): write OLD=NEW, a strategy of A and a strategy of B")
        }
    }

    func run() throws {
        let a = try Terminal.load(modelA), b = try Terminal.load(modelB)
        let matches = self.matches.compactMap { $0 }
        // A name that is not a strategy is wrong usage (exit 64), not an invalid model (exit 1).
        let problems = ModelComparison.problems(with: matches, a: a, b: b)
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
        let resultsA = a.solvedScenarios()
        let resultsB = b.solvedScenarios()
        let comparison = ModelComparison(a, resultsA, b, resultsB, matches: matches)
        print(CompareTable.render(comparison, a: a, b: b))
        guard let output else { return }
        let stem = [modelA, modelB].map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            .joined(separator: "-vs-")
        print()
        try Terminal.writeOutputs(
            to: output, stem: stem,
            memo: { try MemoTemplate.compare(at: template).render(CompareContext.make(comparison, a: a, b: b)) },
            workbook: { try CompareWorkbookWriter.write(comparison, a: a, b: b, to: $0) }, protecting: [a, b])
    }
}
