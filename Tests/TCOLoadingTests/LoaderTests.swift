import Foundation
import TCOTestSupport
import Testing
import TCOCore
@testable import TCOLoading

@Suite("Loading the shipped models")
struct LoaderTests {
    static let repository = TestPaths.repository

    static let models: [String] = {
        let folder = repository.appendingPathComponent("Models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
            + ["spec-example.yaml", "small.yaml"].map {
                repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/\($0)").path
            }
    }()

    @Test("every model in Models/ and the spec's example loads without errors", arguments: models)
    func loads(_ path: String) throws {
        let (result, _) = ModelLoader().load(path)
        switch result {
        case .success(let loaded):
            #expect(loaded.scenarios.first?.name == "base")
            #expect(!loaded.base.strategies.isEmpty)
        case .failure(let failure):
            Issue.record("\(path): \(failure.diagnostics.map(\.headline).joined(separator: "\n"))")
        }
    }
}
