// Monte Carlo figures for `make bench`: 10,000 runs of example-v2 (every scenario, as `tco simulate`
// does) on one core and on all of them.
import Foundation
import TCOCore
import TCOLoading

/// The simulation `tco simulate` would run on `path`, or nil when the model has no uncertainty block.
func simulationSetup(_ path: String) -> (inputs: [UncertainInput], scenarios: [SimulationScenario],
                                         baseline: String, seed: UInt64)? {
    guard case .success(let loaded) = ModelLoader().load(path).result, let plan = loaded.uncertainty
    else { return nil }
    let scenarios = loaded.simulationScenarios(plan)
    return (plan.inputs, scenarios, loaded.base.baseline, plan.seed)
}

/// Wall seconds of `runs` runs of every scenario with `concurrency` chunks at once, one per repeat
/// (the machine may be shared: the best is the figure, the spread says how noisy it was).
/// Also returns the CPU seconds of the best repeat: the work done, whatever else the machine runs.
func simulationSeconds(_ path: String, runs: Int, concurrency: Int, repeats: Int) async
    -> (wall: [Double], cpuOfBest: Double)
{
    guard let setup = simulationSetup(path) else { return ([], 0) }
    var times: [(wall: Double, cpu: Double)] = []
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds, cpu0 = processCPUSeconds()
        let result = await Simulation.run(inputs: setup.inputs, scenarios: setup.scenarios, baseline: setup.baseline,
                                          runs: runs, seed: setup.seed, concurrency: concurrency)
        times.append((Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, processCPUSeconds() - cpu0))
        precondition(result.runs == runs)
    }
    times.sort { $0.wall < $1.wall }
    return (times.map(\.wall), times.first?.cpu ?? 0)
}

/// User and system CPU seconds of this process so far, all threads.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Prints the Monte Carlo lines of the bench: wall time (best, median, worst of the repeats) and
/// runs per second on one core and on all of them, the speed-up, and the ratio to NumPy.
func printSimulationBench(runs: Int, repeats: Int = 7) async {
    let path = "Tests/TCOLoadingTests/Fixtures/valid/example-v2.yaml"
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let scenarios = simulationSetup(path)?.scenarios.count ?? 0
    print("")
    print("tco simulate, \(runs) runs of example-v2 × \(scenarios) scenarios × 3 strategies "
          + "(best of \(repeats), target < 1 s and ≥ 5× NumPy)")
    let one = await simulationSeconds(path, runs: runs, concurrency: 1, repeats: repeats)
    let all = await simulationSeconds(path, runs: runs, concurrency: cores, repeats: repeats)
    guard let bestOne = one.wall.first, let bestAll = all.wall.first else { return print("  simulation failed") }
    func line(_ label: String, _ times: [Double], cpu: Double) -> String {
        String(format: "  %@ %6.3f s  %9.0f runs/s   (median %.3f s, worst %.3f s; CPU of the best %.3f s)", label,
               times[0], Double(runs) / times[0], times[times.count / 2], times[times.count - 1], cpu)
    }
    print(line("1 core:  ", one.wall, cpu: one.cpuOfBest))
    print(line(String(format: "%d cores: ", cores), all.wall, cpu: all.cpuOfBest))
    print(String(format: "  speed-up from 1 to %d cores: %.2f× (best against best)", cores, bestOne / bestAll))
    if let numpy = numpySeconds(path, runs: runs) {
        // A complete implementation of the contract, vectorised over runs × months and checked
        // against tco's results (SimulationCrossCheckTests): a real yardstick, not a bound.
        print(String(format: "  NumPy (Tests/Reference/numpy_mc.py, vectorised, best of 3 × 3): %.3f s; "
                     + "tco is %.1f× faster on 1 core, %.1f× on %d", numpy, numpy / bestOne, numpy / bestAll, cores))
    } else {
        print("  NumPy: python3 with numpy and pyyaml not available")
    }
}

/// Seconds of `numpy_mc.py MODEL --runs N --time` (a vectorised NumPy Monte Carlo of the contract;
/// it prints the best of three repeats), the best of three such processes; nil without python3,
/// numpy and pyyaml.
func numpySeconds(_ path: String, runs: Int) -> Double? {
    var best: Double?
    for _ in 0..<3 {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/Reference/numpy_mc.py", path, "--runs", String(runs), "--time"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, let seconds = Double(text) else { return nil }
        best = min(best ?? seconds, seconds)
    }
    return best
}
