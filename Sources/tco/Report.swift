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

    @Option(help: "Memo template (Mustache); default Templates/memo.md.mustache.")
    var template = "Templates/memo.md.mustache"

    func run() throws {
        let loaded = try Terminal.load(model)
        let results = loaded.scenarios.map { Solver(model: $0.model).solve(scenario: $0.name) }
        let stem = URL(fileURLWithPath: model).deletingPathExtension().lastPathComponent
        // The memo is rendered before anything is written: a template error writes nothing.
        let memo: String
        do {
            memo = try MemoTemplate(path: template).render(MemoContext.make(loaded, results: results))
        } catch {
            Terminal.error("\(error)")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let workbook = (output as NSString).appendingPathComponent("\(stem).xlsx")
            _ = try WorkbookWriter.write(loaded, results: results, to: workbook)
            let memoPath = (output as NSString).appendingPathComponent("\(stem).md")
            try Data(memo.utf8).write(to: URL(fileURLWithPath: memoPath), options: .atomic)
            print("wrote \(workbook)")
            print("wrote \(memoPath)")
        } catch {
            Terminal.error("\(model): \(error)")
            throw ExitCode(1)
        }
    }
}
