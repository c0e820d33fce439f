import Foundation
import TCOTestSupport
import Testing
@testable import TCOCore
import TCOLoading

/// The break-even searches skip work (the price one reads `wins(k)` off two straight lines, the
/// volume one solves only two NPVs and reuses the forecast) but must return exactly what the
/// contract's bisection returns when every `wins(k)` is solved from scratch.
@Suite("Break-even searches equal the contract's bisection")
struct BreakEvenEquivalenceTests {
    static let repository = TestPaths.repository

    static let models: [String] = {
        let shipped = ((try? FileManager.default.contentsOfDirectory(
            atPath: repository.appendingPathComponent("Models").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Models/\($0)" }
        let fixtures = ((try? FileManager.default.contentsOfDirectory(
            atPath: repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid").path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Tests/TCOLoadingTests/Fixtures/valid/\($0)" }
        return shipped + fixtures + ["../shared/spec/example.yaml", "../shared/spec/example-v2.yaml"]
    }()

    /// Every comparison of every scenario: both searches against the reference bisection.
    static func expectEqual(_ loaded: LoadedModel, _ label: String) {
        let everyCore = LoadedModel.solve(loaded.scenarios)
        // Jobs on every core or one after another: the same results.
        #expect(everyCore == Solver.solve(loaded.scenarios.map { ($0.name, $0.model) }), "\(label): serial")
        for (scenario, solved) in zip(loaded.scenarios, everyCore) {
            let solver = Solver(model: scenario.model)
            guard let baseline = scenario.model.strategy(named: scenario.model.baseline) else { continue }
            for comparison in solved.comparisons {
                guard let strategy = scenario.model.strategy(named: comparison.strategy) else { continue }
                let place = "\(label), scenario \(scenario.name), \(comparison.strategy)"
                let price = solver.breakEvenByBisection(strategy, against: baseline, price: true)
                let volume = solver.breakEvenByBisection(strategy, against: baseline, price: false)
                #expect(comparison.breakEvenPrice == price, "price: \(place)")
                #expect(comparison.breakEvenVolume == volume, "volume: \(place)")
            }
        }
    }

    @Test("shipped models, fixtures and the spec's examples", arguments: models)
    func shipped(_ relativePath: String) throws {
        let path = Self.repository.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else { return }  // the spec lives outside the repository
        let loaded = try ModelLoader().load(path).result.get()
        Self.expectEqual(loaded, relativePath)
    }

    @Test("random version 2 models of Tests/Reference/random_models.py (when python3 is installed)")
    func random() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-break-even-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = (1...24).map(String.init)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repository.appendingPathComponent("Tests/Reference/random_models.py").path,
                             "--out", folder.path] + seeds
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return }
        var checked = 0
        for seed in seeds {
            let path = folder.appendingPathComponent("random-\(seed).yaml").path
            guard case .success(let loaded) = ModelLoader().load(path).result else { continue }
            Self.expectEqual(loaded, "random-\(seed)")
            checked += 1
        }
        #expect(checked >= seeds.count / 2, "only \(checked) random models loaded")
    }
}
