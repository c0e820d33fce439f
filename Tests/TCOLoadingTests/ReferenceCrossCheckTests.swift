import Foundation
import TCOTestSupport
import Testing
import TCOCore
@testable import TCOLoading

/// Cross-check against an independent implementation of the contract: Tests/Reference/reference.py
/// (Python, written from the spec without reading this code) solved each model into
/// Fixtures/reference/<model>.json. Every number of `tco solve --json` must agree to 1e-9 relative.
/// Regenerate with `python3 Tests/Reference/reference.py MODEL > Fixtures/reference/<stem>.json`.
@Suite("Cross-check with the independent reference implementation")
struct ReferenceCrossCheckTests {
    static let fixtures = TestPaths.modelFixtures
    static let repository = TestPaths.repository

    static let models: [String] = {
        let shipped = ((try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("Models").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Models/\($0)" }
        // random-N.yaml: models of Tests/Reference/random_models.py (seed N) that use most v2 features.
        let fixtures = [
            "spec-example", "small", "example-v2", "random-78", "random-84", "random-141", "random-161", "tiny-demand",
        ]
            .map { "Tests/TCOLoadingTests/Fixtures/valid/\($0).yaml" }
        return shipped + fixtures
    }()

    @Test("solver JSON equals the reference JSON", arguments: models)
    func agrees(_ relativePath: String) throws {
        let path = Self.repository.appendingPathComponent(relativePath).path
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let expectedData = try Data(contentsOf: Self.fixtures.appendingPathComponent("reference/\(stem).json"))
        let loaded = try ModelLoader().load(path).result.get()
        let results = loaded.solvedScenarios()
        let actualData = Data(JSONReport.render(model: loaded.base, results: results).utf8)
        let expected = try JSONSerialization.jsonObject(with: expectedData)
        let actual = try JSONSerialization.jsonObject(with: actualData)
        var differences: [String] = []
        Self.compare(actual, expected, path: "", into: &differences)
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
    }

    static func compare(_ a: Any, _ b: Any, path: String, into differences: inout [String]) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            if Set(x.keys) != Set(y.keys) { differences.append("\(path): keys \(x.keys.sorted()) vs \(y.keys.sorted())") }
            for (key, value) in x { if let other = y[key] { compare(value, other, path: "\(path).\(key)", into: &differences) } }
        case let (x as [Any], y as [Any]):
            if x.count != y.count { differences.append("\(path): \(x.count) vs \(y.count) items") }
            for (i, (u, v)) in zip(x, y).enumerated() { compare(u, v, path: "\(path)[\(i)]", into: &differences) }
        case let (x as String, y as String):
            if x != y { differences.append("\(path): \(x) vs \(y)") }
        case let (x as NSNumber, y as NSNumber):
            let u = x.doubleValue, v = y.doubleValue
            if abs(u - v) > 1e-9 * max(abs(v), 1) { differences.append("\(path): \(u) vs reference \(v)") }
        case (is NSNull, is NSNull):
            break
        default:
            differences.append("\(path): \(a) vs reference \(b)")
        }
    }
}
