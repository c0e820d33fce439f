import ArgumentParser
import Foundation
import TCOCore
import TCOLoading
import TCOMemo
import TCOWorkbook

/// `tco report MODEL [--output DIR]`: the workbook (and memo) for a review meeting.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the decision workbook (DIR/<stem>.xlsx) and review memo (DIR/<stem>.md) for a model.",
        discussion: "Nothing is written when the model has errors; files are written to a temporary name and renamed into place.")

    @Argument(help: "Model file (YAML).")
    var model: String

    @Option(help: "Folder for the outputs.")
    var output = "reports"

    @Option(help: "Memo template (Mustache); default: the built-in Templates/memo.md.mustache.")
    var template: String?

    func run() throws {
        let loaded = try Terminal.load(model)
        let results = loaded.solvedScenarios()
        let stem = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        try Terminal.writeOutputs(
            to: output, stem: stem, failurePrefix: "\(model): ",
            memo: { try MemoTemplate.memo(at: template).render(MemoContext.make(loaded, results: results)) },
            workbook: { _ = try WorkbookWriter.write(loaded, results: results, to: $0) })
    }
}
