import Foundation
import TCOTestSupport
import Testing
@testable import TCOCore
import TCOLoading

/// The Monte Carlo plan (a scenario compiled to index-based arrays, solved by a worker that
/// reuses its model and buffers from run to run) must give the very same NPVs as a fresh solve of
/// the drawn model, bit for bit: the summaries, the JSON and the cross-check with the reference
/// all assume it.
@Suite("Monte Carlo fast path")
struct SimulationFastPathTests {
    static let repository = TestPaths.repository

    static func load(_ relativePath: String) throws -> LoadedModel {
        let path = repository.appendingPathComponent(relativePath).path
        guard case .success(let loaded) = ModelLoader().load(path).result else {
            throw Unloadable(path: relativePath)
        }
        return loaded
    }

    struct Unloadable: Error { var path: String }

    /// Draws every input `runs` times on every scenario (keeping `kept`) and compares the plan's
    /// bit patterns with a fresh solve's, through the same chunk worker as `Simulation.solveRuns`
    /// (one worker per scenario, trends and equal strategies shared between the scenarios of a run).
    static func expectIdentical(_ loaded: LoadedModel, inputs: [UncertainInput], runs: Int, kept: Set<Int> = []) {
        expectIdentical(loaded.scenarios.map { ($0.name, $0.model) }, inputs: inputs, runs: runs, kept: kept)
    }

    /// `expectIdentical` on scenarios given as (name, model), the base scenario first.
    static func expectIdentical(
        _ scenarios: [(name: String, model: Model)], inputs: [UncertainInput], runs: Int, kept: Set<Int> = []
    ) {
        expectIdentical(scenarios.map { ($0.name, $0.model, kept) }, inputs: inputs, runs: runs)
    }

    /// `expectIdentical` on scenarios that each keep their own inputs.
    static func expectIdentical(
        _ scenarios: [(name: String, model: Model, kept: Set<Int>)], inputs: [UncertainInput], runs: Int
    ) {
        let plans = scenarios.map { scenario in
            SimulationPlan(
                scenario: SimulationScenario(name: scenario.name, model: scenario.model, keptInputs: scenario.kept),
                inputs: inputs)
        }
        var worker = ChunkWorker(plans: plans, sources: ChunkWorker.sources(of: plans),
                                 shared: ChunkWorker.shared(of: plans), parts: ChunkWorker.parts(of: plans))
        for run in 0..<runs {
            let values = Simulation.draws(inputs, seed: 3, run: run)
            let fast = worker.npvs(run: run, seed: 3)
            for (s, scenario) in scenarios.enumerated() {
                let model = Simulation.drawn(scenario.model, inputs, values, keeping: scenario.kept)
                let fresh = Simulation.npvs(of: model).map(\.bitPattern)
                #expect(fast[s].map(\.bitPattern) == fresh, "scenario \(scenario.name), run \(run)")
                if fast[s].map(\.bitPattern) != fresh { return }
            }
        }
    }

    /// Inputs drawn uniformly over `ranges` (path, low, high) with the loader's setters.
    static func inputs(_ ranges: [(String, Double, Double)], in loaded: LoadedModel) -> [UncertainInput] {
        ranges.compactMap { path, low, high -> UncertainInput? in
            guard case .success(let setter) = InputSetter.make(path: path, in: loaded.base, written: []) else {
                Issue.record("no setter for \(path)")
                return nil
            }
            return UncertainInput(path: path, distribution: .uniform(low: low, high: high), apply: setter.apply)
        }
    }

    @Test("example-v2: the fast path's NPVs equal a fresh solve's for 300 random draws on every scenario")
    func exampleV2() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        Self.expectIdentical(loaded, inputs: inputs, runs: 300)
    }

    @Test("an input whose path names no section (its setter may write anything) is derived again every run")
    func freeFormPath() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        // A loan's rate drawn through a path the plan cannot place: the plan must not keep the
        // first run's loan terms (RunTerms reads loans again unless every path avoids them).
        let rate = UncertainInput(path: "loan rate", distribution: .uniform(low: 0.02, high: 0.2)) { model, value in
            model.finance.loans[0].annualRate = value
        }
        Self.expectIdentical(loaded, inputs: [rate], runs: 40)
    }

    @Test("example-v2: a scenario takes the NPVs of a strategy it leaves alone from an earlier scenario")
    func sharedStrategies() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        let plans = loaded.scenarios.map { scenario in
            SimulationPlan(scenario: SimulationScenario(name: scenario.name, model: scenario.model, keptInputs: []),
                           inputs: inputs)
        }
        #expect(loaded.scenarios.map(\.name) == ["base", "price-collapse", "no-terminal-value", "cash-purchase",
                                                 "peak-rent"])
        // Strategies api, own, rent: the terminal value and the loan touch only own's fleet, the
        // rented option's scaling only rent; new API prices touch all three.
        let expected: [[Int?]] = [[nil, nil, nil], [nil, nil, nil], [0, nil, 0], [0, nil, 0], [0, 0, nil]]
        #expect(ChunkWorker.sources(of: plans) == expected)
        // A scenario keeping an input the others draw shares nothing.
        var keeping = plans
        let scenario = loaded.scenarios[2]
        keeping[2] = SimulationPlan(
            scenario: SimulationScenario(name: scenario.name, model: scenario.model, keptInputs: [0]), inputs: inputs)
        #expect(ChunkWorker.sources(of: keeping)[2] == [nil, nil, nil])
    }

    @Test("example-v2: a scenario copies from the base scenario the parts of a strategy it leaves alone")
    func sharedParts() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        // As the CLI: price-collapse keeps the input it overrides (frontier's price change, input 1).
        let plans = loaded.scenarios.map { scenario in
            SimulationPlan(scenario: SimulationScenario(name: scenario.name, model: scenario.model,
                                                        keptInputs: scenario.name == "price-collapse" ? [1] : []),
                           inputs: inputs)
        }
        let parts = ChunkWorker.parts(of: plans)
        let everything = StrategyParts(StrategyParts.each)
        // Strategies api, own, rent. New API prices (kept, not drawn) leave the fleet, its loans,
        // the rented GPUs and the staff; the terminal value rule and the loan touch only theirs; the
        // rented option's scaling only the rented GPUs. (Parts a strategy does not have are "shared":
        // there is nothing of them to work out.)
        #expect(parts[0] == [[], [], []])
        #expect(parts[1] == [everything.subtracting(.api), everything.subtracting(.api), everything.subtracting(.api)])
        #expect(parts[2][1] == everything.subtracting(.terminalValue))
        #expect(parts[3][1] == everything.subtracting(.loans))
        #expect(parts[4][2] == everything.subtracting(.rented))
        // What each scenario's worker derives: the finance scenarios work out only own's terminal
        // value or loans, from copied fleet plans, so they derive no drawn line at all.
        let sources = ChunkWorker.sources(of: plans)
        let needs = plans.indices.map { s in
            var worker = PlanWorker(plan: plans[s])
            worker.copiedParts = parts[s]
            worker.taken = sources[s].map { $0 != nil }
            worker.workOutNeeds()
            return [worker.needs.demand, worker.needs.facility, worker.needs.staff]
        }
        #expect(needs == [[true, true, true], [true, false, false], [false, false, false], [false, false, false],
                          [true, false, false]])
    }

    @Test("example-v2: scenarios each changing one input of the registry, drawn or not, give a fresh solve's NPVs")
    func scenarioChangingEachInput() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        let base = loaded.base
        // Whatever a scenario changes, a part of a strategy it copies from the base scenario must be
        // one the change leaves alone: every input the registry knows, as the only change of a scenario.
        var scenarios: [(name: String, model: Model, kept: Set<Int>)] = [("base", base, [])]
        for input in InputRegistry.inputs(of: base) {
            guard let value = input.value(in: base), let access = input.key.access else { continue }
            var model = base
            switch access.kind {
            case .flag: access.set(value == 0 ? 1 : 0, in: &model, of: input.owner)
            case .whole: access.set(value + 1, in: &model, of: input.owner)
            case .continuous: access.set(value == 0 ? 0.01 : value * 0.8, in: &model, of: input.owner)
            }
            scenarios.append((input.path, model, Set(inputs.indices.filter { inputs[$0].path == input.path })))
        }
        // A scenario that sets a drawn input to the value the base scenario has keeps it undrawn:
        // its model is the base's, yet no part the input reaches is the same.
        for index in inputs.indices { scenarios.append(("keeps \(inputs[index].path)", base, [index])) }
        #expect(scenarios.count > 60)
        Self.expectIdentical(scenarios, inputs: inputs, runs: 12)
    }

    @Test("every tornado row of every scenario is two fresh solves' savings, bit for bit", arguments: [
        "Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml", "Models/support-copilot.yaml",
    ])
    func tornadoRowsAreFreshSolves(path: String) throws {
        let loaded = try Self.load(path)
        let plan = try #require(loaded.uncertainty)
        for scenario in loaded.simulationScenarios(plan) {
            let summary = Simulation.runSerially(inputs: plan.inputs, scenario: scenario,
                                                 baseline: loaded.base.baseline, runs: 40, seed: 5)
            let tornado = try #require(summary.tornado)
            let names = scenario.model.strategies.map(\.name)
            let s = try #require(names.firstIndex(of: tornado.strategy))
            let a = try #require(names.firstIndex(of: tornado.against))
            for row in tornado.inputs {
                let input = try #require(plan.inputs.first { $0.path == row.path })
                let (low, high) = input.distribution.tornadoEnds
                func savings(_ value: Double) -> Double {
                    var model = scenario.model
                    input.apply(&model, Swift.min(Swift.max(value, input.lowest), input.highest))
                    model.enforceLinkedBounds()
                    let npvs = Simulation.npvs(of: model)
                    return npvs[a] - npvs[s]
                }
                #expect(row.savingsLow.bitPattern == savings(low).bitPattern, "\(scenario.name) \(row.path)")
                #expect(row.savingsHigh.bitPattern == savings(high).bitPattern, "\(scenario.name) \(row.path)")
            }
        }
    }

    @Test("a scenario that writes a key defaulting to a drawn input keeps its value (uncertainty.md)")
    func scenarioWritesAFollower() async throws {
        // private-frontier leaves price_cache_write out: it follows price_input, drawn here. The
        // scenario `cache-deal` writes it, so there the draw moves price_input alone.
        let example = Self.repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        var text = try String(contentsOf: example, encoding: .utf8)
        text = text.replacingOccurrences(of: "  peak-rent:\n", with: """
              cache-deal:
                serving.private-frontier.price_cache_write: 1 USD/Mtok
              peak-rent:

            """)
        text = text.replacingOccurrences(of: "    facility.pue: 1.15 to 1.6\n", with: """
                facility.pue: 1.15 to 1.6
                serving.private-frontier.price_input: 2 USD/Mtok to 5 USD/Mtok

            """)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("follower-\(UUID().uuidString).yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .success(let loaded) = ModelLoader().load(file.path).result else {
            Issue.record("the model does not load")
            return
        }
        let plan = try #require(loaded.uncertainty)
        let scenarios = loaded.simulationScenarios(plan)
        let s = try #require(scenarios.firstIndex { $0.name == "cache-deal" })
        let drawnPrice = plan.inputs.count - 1
        #expect(scenarios[s].setters.keys.sorted() == [drawnPrice])
        #expect(scenarios.indices.allSatisfy { $0 == s || scenarios[$0].setters.isEmpty })
        let (_, runs) = await Simulation.runKeepingRuns(inputs: plan.inputs, scenarios: scenarios,
                                                        baseline: loaded.base.baseline, runs: 60, seed: 3)
        let option = try #require(loaded.base.serving.firstIndex { $0.name == "private-frontier" })
        for run in 0..<60 {
            for (index, scenario) in scenarios.enumerated() {
                let model = Simulation.drawn(scenario.model, scenario.inputs(plan.inputs), runs.draws[run],
                                             keeping: scenario.keptInputs)
                #expect(Simulation.npvs(of: model).map(\.bitPattern) == runs.npvs[index][run].map(\.bitPattern))
                guard case .api(let pricing) = model.serving[option].kind else { continue }
                // The scenario's 1 USD/Mtok holds; elsewhere the cache write price is the drawn input price.
                let expected = index == s ? 1.0 : runs.draws[run][drawnPrice]  // USD/Mtok, as stored
                #expect(pricing.priceCacheWrite.first == expected, "\(scenario.name) run \(run)")
            }
        }
    }

    @Test("a −0 in a scenario's model makes parts compare by description too; −25 %/year is not one")
    func negativeZero() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        #expect(!loaded.base.mayHoldNegativeZero)
        var signed = loaded.base
        signed.finance.taxRate = -0.0
        #expect(signed.mayHoldNegativeZero)
        // In a later step of a schedule too.
        var stepped = loaded.base
        stepped.workloads[0].growth = try #require(Schedule(entries: [(1, Rate(0.6)), (13, Rate(-0.0))]))
        #expect(stepped.mayHoldNegativeZero)
        let inputs = try #require(loaded.uncertainty).inputs
        let plans = [loaded.base, signed].map {
            SimulationPlan(scenario: SimulationScenario(name: "s", model: $0, keptInputs: []), inputs: inputs)
        }
        #expect(!ChunkWorker.zerosUnsigned(plans))
        #expect(0.0.isIdentical(to: -0.0, zerosUnsigned: true) && !0.0.isIdentical(to: -0.0, zerosUnsigned: false))
    }

    @Test("example-v2: a scenario copies from the base scenario the drawn lines of the parts it leaves alone")
    func sharedDerivations() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        let plans = loaded.scenarios.map { scenario in
            SimulationPlan(scenario: SimulationScenario(name: scenario.name, model: scenario.model, keptInputs: []),
                           inputs: inputs)
        }
        let shared = ChunkWorker.shared(of: plans)
        // Options frontier, private-frontier, slm-70b, rented-h200: price-collapse changes the two
        // APIs' price change, peak-rent the rented option; the finance scenarios change no line.
        #expect(shared.map(\.options) == [[false, false, false, false], [false, false, true, true],
                                          [true, true, true, true], [true, true, true, true],
                                          [true, true, true, false]])
        #expect(shared.dropFirst().allSatisfy { $0.workloads == [true, true] && $0.staff == [true, true, true] })
        #expect(shared.dropFirst().allSatisfy { $0.facility && $0.discount })
        // Inputs: deal-room-qa's growth, frontier's price change, slm-70b's decode throughput, own's
        // escalation rate, ml-engineer's cost, the PUE. The finance scenarios copy the lines the
        // first, second, third and fifth reach, so they write only the escalation rate and the PUE.
        #expect(shared[2].unwritten == [0, 1, 2, 4] && shared[3].unwritten == [0, 1, 2, 4])
        // Keeping an input the base scenario draws (deal-room-qa's growth): that workload's requests
        // are derived by the scenario, the rest is still copied.
        var keeping = plans
        keeping[2] = SimulationPlan(
            scenario: SimulationScenario(name: "kept", model: loaded.scenarios[2].model, keptInputs: [0]),
            inputs: inputs)
        let kept = ChunkWorker.shared(of: keeping)[2]
        #expect(kept.workloads == [true, false] && kept.options == [true, true, true, true])
        #expect(kept.unwritten == [1, 2, 4])
    }

    @Test("scenarios changing a drawn workload, role, facility or discount rate derive those lines themselves")
    func scenariosChangingDrawnParts() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        let base = loaded.base
        var busier = base, dearer = base
        // deal-room-qa's growth and ml-engineer's cost are drawn; their levels differ here.
        busier.workloads[1].requests = Schedule(90_000)
        dearer.staff[0].count = Schedule(3)
        dearer.facility?.colocationPerKilowattMonth = Schedule(260)
        dearer.discountRate = 0.12
        let plans = [base, busier, dearer].map {
            SimulationPlan(scenario: SimulationScenario(name: "s", model: $0, keptInputs: []), inputs: inputs)
        }
        let shared = ChunkWorker.shared(of: plans)
        #expect(shared[1].workloads == [true, false] && shared[1].staff == [true, true, true])
        #expect(shared[2].staff == [false, true, true] && !shared[2].facility && !shared[2].discount)
        Self.expectIdentical([("base", base), ("busier", busier), ("dearer", dearer)], inputs: inputs, runs: 120)
    }

    @Test("example-v2: one chunk at a time or eight give the same NPVs, bit for bit, in run order")
    func oneOrManyChunks() async throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let inputs = try #require(loaded.uncertainty).inputs
        // As the CLI: price-collapse keeps the one input it overrides (frontier's price change, input 1).
        let scenarios = loaded.scenarios.map { scenario in
            SimulationScenario(name: scenario.name, model: scenario.model,
                               keptInputs: scenario.name == "price-collapse" ? [1] : [])
        }
        func npvs(_ concurrency: Int) async -> [[[UInt64]]] {
            let (_, runs) = await Simulation.runKeepingRuns(
                inputs: inputs, scenarios: scenarios, baseline: loaded.base.baseline, runs: 777, seed: 11,
                concurrency: concurrency)
            return runs.npvs.map { $0.map { $0.map(\.bitPattern) } }
        }
        let one = await npvs(1), many = await npvs(8)
        #expect(one == many)
        #expect(one.count == 5 && one.allSatisfy { $0.count == 777 })
    }

    @Test("support-copilot: the same over inputs of every section, each drawn over a wide range")
    func supportCopilot() throws {
        let loaded = try Self.load("Models/support-copilot.yaml")
        let ranges: [(String, Double, Double)] = [
            ("discount_rate", 0.04, 0.16), ("workloads.support-chat.requests", 1e5, 5e6),
            ("workloads.support-chat.growth", -0.2, 1.5), ("workloads.ticket-summary.cached_input", 0, 0.9),
            ("serving.frontier.price_input", 1e-6, 6e-6), ("serving.frontier.price_change", -0.6, 0.1),
            ("serving.slm-8b.decode_throughput", 1000, 9000), ("serving.rented-h100.gpu_hour", 1, 4),
            ("serving.rented-h100.price_change", -0.3, 0.1), ("hardware.h100-server.price", 150_000, 400_000),
            ("hardware.h100-server.idle_power", 1, 12), ("facility.pue", 1.1, 1.8),
            ("facility.electricity", 0.05, 0.3), ("facility.electricity_change", -0.05, 0.2),
            ("staff.sre-on-call.cost", 100_000, 300_000), ("strategies.hybrid.escalation.rate", 0, 0.6),
        ]
        Self.expectIdentical(loaded, inputs: Self.inputs(ranges, in: loaded), runs: 200)
    }

    @Test("example-v2: the same over v2 inputs (fleet, loans, tax, one-time costs, long context), some kept")
    func exampleV2EverySection() throws {
        let loaded = try Self.load("Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml")
        let ranges: [(String, Double, Double)] = [
            ("workloads.deal-room-qa.growth", -0.1, 0.8), ("workloads.contract-review.cached_input", 0.1, 0.7),
            ("workloads.contract-review.cache_write", 0, 0.6), ("workloads.deal-room-qa.input_tokens", 150e3, 300e3),
            ("workloads.contract-review.peak_to_average", 1, 5), ("workloads.contract-review.batch", 0, 0.8),
            ("serving.frontier.price_change", -0.6, 0.1), ("serving.frontier.long_context.price_output", 1e-5, 4e-5),
            ("serving.private-frontier.price_output", 1e-5, 3e-5), ("serving.slm-70b.max_utilization", 0.3, 0.9),
            ("serving.slm-70b.decode_throughput", 800, 2500), ("serving.rented-h200.price_change", -0.3, 0.1),
            ("serving.rented-h200.prefill_throughput", 8000, 25000), ("hardware.h200-server.price", 2e5, 5e5),
            ("hardware.h200-server.power", 4, 12), ("hardware.h200-server.idle_power", 1, 9),
            ("hardware.h200-server.residual", 0, 0.4), ("hardware.h200-server.maintenance", 0.02, 0.12),
            ("strategies.own.escalation.rate", 0, 0.4), ("strategies.own.one_time.fine-tuning.cost", 5e4, 4e5),
            ("strategies.own.workloads.deal-room-qa.escalation.rate", 0, 0.3), ("staff.ml-engineer.cost", 2e5, 3e5),
            ("staff.ml-engineer.cost_change", 0, 0.1), ("staff.finops-analyst.count", 0, 2), ("facility.pue", 1.1, 1.8),
            ("facility.colocation", 100, 300), ("finance.tax_rate", 0, 0.4),
            ("finance.financing.h200-server.rate", 0, 0.12), ("finance.financing.h200-server.loan", 0, 1),
            ("discount_rate", 0.02, 0.15),
        ]
        let inputs = Self.inputs(ranges, in: loaded)
        Self.expectIdentical(loaded, inputs: inputs, runs: 150)
        Self.expectIdentical(loaded, inputs: inputs, runs: 60, kept: [0, 6, 14, 20, 29])
    }

    @Test("every model in Models/: the same over every key of every item a setter takes, drawn over wide ranges")
    func everyModel() throws {
        // Wide ranges by key, in the unit the model stores (per token, kW, fractions, per month).
        let ranges: [String: (Double, Double)] = [
            "growth": (-0.2, 1.0), "requests": (1e4, 2e7), "input_tokens": (100, 300e3), "output_tokens": (50, 3000),
            "cached_input": (0, 0.8), "cache_write": (0, 0.5), "batch": (0, 0.9), "peak_to_average": (1, 5),
            "price_input": (1e-7, 1e-5), "price_output": (1e-6, 4e-5), "price_cached_input": (1e-8, 1e-6),
            "price_cache_write": (1e-7, 1e-5), "price_change": (-0.6, 0.2), "batch_discount": (0, 0.6),
            "decode_throughput": (300, 9000), "prefill_throughput": (2000, 40000), "max_utilization": (0.2, 1),
            "gpu_hour": (0.5, 6), "price": (5e4, 6e5), "power": (2, 14), "idle_power": (0.5, 10), "residual": (0, 0.5),
            "maintenance": (0, 0.15), "count": (0, 4), "cost": (5e4, 4e5), "cost_change": (-0.05, 0.15),
            "pue": (1, 2), "electricity": (0.03, 0.3), "electricity_change": (-0.05, 0.2), "colocation": (50, 400),
            "discount_rate": (0, 0.2), "tax_rate": (0, 0.45), "loan": (0, 1), "rate": (0, 0.4),
        ]
        let folder = Self.repository.appendingPathComponent("Models").path
        let models = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!models.isEmpty)
        for name in models {
            let loaded = try Self.load("Models/\(name)")
            let model = loaded.base
            var paths = ["discount_rate", "finance.tax_rate"]
            for workload in model.workloads {
                paths += ["growth", "requests", "input_tokens", "output_tokens", "cached_input", "cache_write", "batch",
                          "peak_to_average"].map { "workloads.\(workload.name).\($0)" }
            }
            for option in model.serving {
                paths += ["price_input", "price_output", "price_cached_input", "price_cache_write", "price_change",
                          "batch_discount", "decode_throughput", "prefill_throughput", "max_utilization", "gpu_hour"]
                    .map { "serving.\(option.name).\($0)" }
            }
            for hardware in model.hardware {
                paths += ["price", "power", "idle_power", "residual", "maintenance"]
                    .map { "hardware.\(hardware.name).\($0)" }
                paths += ["loan", "rate"].map { "finance.financing.\(hardware.name).\($0)" }
            }
            for role in model.staff { paths += ["count", "cost", "cost_change"].map { "staff.\(role.name).\($0)" } }
            paths += ["pue", "electricity", "electricity_change", "colocation"].map { "facility.\($0)" }
            paths += model.strategies.map { "strategies.\($0.name).escalation.rate" }
            let drawable = paths.compactMap { path -> (String, Double, Double)? in
                guard case .success = InputSetter.make(path: path, in: model, written: []),
                      let key = path.split(separator: ".").last, let range = ranges[String(key)]
                else { return nil }
                return (path, range.0, range.1)
            }
            #expect(drawable.count > 10, "\(name)")
            Self.expectIdentical(loaded, inputs: Self.inputs(drawable, in: loaded), runs: 40)
        }
    }
}
