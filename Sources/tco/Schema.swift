import ArgumentParser
import TCOLoading

/// `tco schema`: the model format as a JSON Schema for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the model format as a JSON Schema (draft 2020-12) for editors.",
        discussion: """
            Save it next to your models (tco schema > model.schema.json) and start a model file with
            '# yaml-language-server: $schema=model.schema.json' for completion, hover help and checks as you type.
            """)

    func run() throws {
        print(ModelJSONSchema.text(), terminator: "")
    }
}
