// `make bench`: median time to load and solve (break-even searches included) and peak memory,
// for every model in Models/ and a generated large model. Figures are printed, never asserted.
import Foundation
import TCOCore
import TCOLoading
import TCOReview

#if canImport(Glibc)
import Glibc
#endif

/// Peak resident memory of this process so far, in MiB.
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

/// `body`'s value and how long it took, in milliseconds.
func timed<T>(_ body: () -> T) -> (value: T, ms: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

func measure(_ path: String, runs: Int) -> (loadMs: Double, solveMs: Double, solves: Int)? {
    var loads: [Double] = [], solves: [Double] = []
    var scenarioCount = 0
    for _ in 0..<runs {
        let load = timed { ModelLoader().load(path).result }
        guard case .success(let loaded) = load.value else { return nil }
        // As `tco solve` does: every scenario, comparisons on every core.
        let solve = timed {
            LoadedModel.solve(loaded.scenarios).reduce(0.0) { sum, result in
                result.strategies.reduce(sum) { $0 + $1.npvCost }
            }
        }
        precondition(solve.value.isFinite)
        scenarioCount = loaded.scenarios.count
        loads.append(load.ms)
        solves.append(solve.ms)
    }
    return (median(loads), median(solves), scenarioCount)
}

/// A large model: `workloads` workloads (50 by default), 10 serving options (5 API, 3 self-hosted,
/// 2 rented), 10 years, 5 scenarios.
func largeModelYAML(workloads: Int = 50) -> String {
    var y = "model: Generated large model\ncurrency: USD\nstart: 2027-01\nhorizon: 10 years\ndiscount_rate: 9%\nworkloads:\n"
    for w in 0..<workloads {
        y += "  w\(w):\n    requests: \(100 + w % 50 * 37)k/month\n    growth: \(10 + w % 30)%/year\n    input_tokens: \(800 + w * 20)\n"
        y += "    output_tokens: \(150 + w % 50 * 5)\n    cached_input: \(w % 40)%\n    peak_to_average: \(1 + Double(w % 5) * 0.5)\n"
        if w % 10 == 0, w < 50 { y += "    sensitive: true\n" }
    }
    y += "serving:\n"
    for a in 0..<5 {
        y += "  api\(a):\n    kind: api\n    price_input: \(1 + a) USD/Mtok\n    price_output: \(5 + 3 * a) USD/Mtok\n    price_change: -\(5 + a * 3)%/year\n"
        if a == 4 { y += "    private: true\n" }
    }
    for s in 0..<3 {
        y += "  slm\(s):\n    kind: self_hosted\n    hardware: hw\(s)\n    decode_throughput: \(2000 + 500 * s) tok/s\n    prefill_throughput: \(20000 + 4000 * s) tok/s\n    max_utilization: 70%\n"
    }
    for r in 0..<2 {
        y += "  rent\(r):\n    kind: rented\n    gpu_hour: \(2 + r) USD/GPU-hour\n    decode_throughput: 2400 tok/s\n    prefill_throughput: 24000 tok/s\n    max_utilization: 65%\n    price_change: -10%/year\n"
    }
    y += "hardware:\n"
    for h in 0..<3 {
        y += "  hw\(h):\n    gpus: 8\n    price: \(250 + 30 * h)k USD\n    power: 10.2 kW\n    idle_power: 3 kW\n    life: \(3 + h) years\n    residual: 10%\n    maintenance: 8%/year\n    lead_time: \(h + 1) months\n"
    }
    y += "facility:\n  pue: 1.3\n  electricity: 0.11 USD/kWh\n  electricity_change: 3%/year\n  colocation: 180 USD/kW/month\n"
    y += "staff:\n  engineer: {count: 3, cost: 220k USD/year}\n"
    y += "strategies:\n  buy:\n    route: {api0: 60%, api1: 40%}\n    workloads:\n"
    for w in stride(from: 0, to: 50, by: 10) { y += "      w\(w): {route: {api4: 100%}}\n" }
    for s in 0..<3 {
        y += "  hybrid\(s):\n    route: {slm\(s): 70%, api2: 30%}\n    escalation: {rate: 8%, to: api3}\n    fallback: api4\n    workloads:\n"
        for w in stride(from: 0, to: 50, by: 10) { y += "      w\(w): {route: {slm\(s): 100%}, escalation: {rate: 5%, to: api4}}\n" }
    }
    y += "  rent:\n    route: {rent0: 50%, rent1: 30%, api1: 20%}\n    escalation: {rate: 10%, to: api0}\n    workloads:\n"
    for w in stride(from: 0, to: 50, by: 10) { y += "      w\(w): {route: {rent0: 100%}, escalation: none}\n" }
    y += "baseline: buy\nscenarios:\n"
    let overrides = ["serving.api0.price_change: -40%/year", "facility.electricity: 0.16 USD/kWh", "workloads.w1.growth: 80%/year",
                     "hardware.hw0.price: 320k USD", "serving.slm1.max_utilization: 50%"]
    for (i, override) in overrides.enumerated() { y += "  s\(i):\n    \(override)\n" }
    return y
}

// `tco-bench --large-model PATH [WORKLOADS]` only writes the generated large model (to compare outputs byte for
// byte); `tco-bench --large` only prints its figures.
let arguments = CommandLine.arguments
let simulationRuns = Int(ProcessInfo.processInfo.environment["BENCH_SIM_RUNS"] ?? "") ?? 10_000
// BENCH_SIMULATION_ONLY=1: the Monte Carlo lines alone, to repeat them while tuning the simulation.
if ProcessInfo.processInfo.environment["BENCH_SIMULATION_ONLY"] != nil {
    await printSimulationBench(runs: simulationRuns)
    exit(0)
}

let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 15
if (3...4).contains(arguments.count), arguments[1] == "--large-model" {
    // An optional third argument: the number of workloads (50 by default), e.g. to profile `tco report`.
    let workloads = arguments.count == 4 ? Int(arguments[3]) ?? 50 : 50
    try largeModelYAML(workloads: workloads).write(toFile: arguments[2], atomically: true, encoding: .utf8)
    exit(0)
}
if arguments.count == 2, arguments[1] == "--large" {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tco-bench-large-only.yaml").path
    try largeModelYAML().write(toFile: path, atomically: true, encoding: .utf8)
    printLargeModelBench(path, runs: runs)
    try? FileManager.default.removeItem(atPath: path)
    exit(0)
}
var rows: [(String, Double, Double, Int)] = []
let models = ((try? FileManager.default.contentsOfDirectory(atPath: "Models")) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
for name in models {
    if let m = measure("Models/\(name)", runs: runs) { rows.append((name, m.loadMs, m.solveMs, m.solves)) }
}
let large = FileManager.default.temporaryDirectory.appendingPathComponent("tco-bench-large.yaml").path
try largeModelYAML().write(toFile: large, atomically: true, encoding: .utf8)
if let m = measure(large, runs: max(3, runs / 3)) { rows.append(("generated large (50 w, 10 options, 10 y, 5 sc.)", m.loadMs, m.solveMs, m.solves)) }
let largeRuns = max(5, runs)

print("model                                            scenarios  load (ms)  solve (ms)  total (ms)")
print("-----------------------------------------------  ---------  ---------  ----------  ----------")
for (name, load, solve, scenarios) in rows {
    let pad = { (s: String, n: Int) in String(repeating: " ", count: max(0, n - s.count)) + s }
    print(name.padding(toLength: 47, withPad: " ", startingAt: 0) + "  " + pad(String(scenarios), 9) + "  "
          + pad(String(format: "%.2f", load), 9) + "  " + pad(String(format: "%.2f", solve), 10) + "  " + pad(String(format: "%.2f", load + solve), 10))
}
/// Wall time of `tco report` (release binary) on a generated model of `workloads` workloads, in seconds.
func reportSeconds(workloads: Int) -> Double? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tco-bench-report-\(workloads)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = folder.appendingPathComponent("large.yaml").path
    guard (try? largeModelYAML(workloads: workloads).write(toFile: model, atomically: true, encoding: .utf8)) != nil
    else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ".build/release/tco")
    process.arguments = ["report", model, "--output", folder.appendingPathComponent("out").path]
    process.standardOutput = FileHandle.nullDevice
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
}

/// Median time of one what-if round trip of the review page on `path`: solve every scenario with
/// the change, rank the drivers, render the page's live part (what the server does per request).
func reviewRoundTripMs(_ path: String, runs: Int) async -> Double {
    let session = ReviewSession(modelPath: path)
    await session.refresh()
    var times: [Double] = []
    for run in 0..<runs {
        let change = WhatIfChange(path: "facility.electricity", value: "0.1\(run % 10) USD/kWh")
        let t0 = DispatchTime.now().uptimeNanoseconds
        let view = await session.view([change])
        let html = ReviewPage.live(view, shown: [])
        precondition(!html.isEmpty && view.whatIfProblems == nil)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

printLargeModelBench(large, runs: largeRuns)
try? FileManager.default.removeItem(atPath: large)
await printSimulationBench(runs: simulationRuns)

print("")
let roundTrip = await reviewRoundTripMs("Models/support-copilot.yaml", runs: runs)
print(String(format: "review page what-if round trip (support-copilot, server side, median): %.1f ms", roundTrip))

print("")
print("tco report (workbook, memo, charts) on generated models: grows linearly with the workloads")
for workloads in [100, 500, 1000] {
    if let seconds = reportSeconds(workloads: workloads) {
        print(String(format: "  %5d workloads: %6.2f s", workloads, seconds))
    } else {
        print("  \(workloads) workloads: report failed")
    }
}
print(String(format: "peak memory (max RSS): %.1f MiB; median of %d runs (large model: %d); solve includes break-even searches", peakMemoryMiB(), runs, max(3, runs / 3)))
