// The generated large model's figures for `make bench`: where `tco solve --json` spends its time.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TCOCore
import TCOLoading

/// Median milliseconds of each stage of `tco solve --json` on `path`, in this process: loading,
/// solving every strategy of every scenario, the break-even searches (every comparison, on every
/// core), and writing the JSON.
func largeModelStagesMs(_ path: String, runs: Int) -> (load: Double, solve: Double, breakEvens: Double, json: Double)? {
    var load: [Double] = [], solve: [Double] = [], all: [Double] = [], json: [Double] = []
    for _ in 0..<runs {
        let loading = timed { ModelLoader().load(path).result }
        guard case .success(let loaded) = loading.value else { return nil }
        let solving = timed {
            loaded.scenarios.reduce(0.0) { sum, scenario in
                let solver = Solver(model: scenario.model)
                return scenario.model.strategies.reduce(sum) {
                    $0 + solver.timeline(of: $1, volumeFactor: 1, apiPriceFactor: 1).npvCostAfterTax
                }
            }
        }
        let everything = timed { LoadedModel.solve(loaded.scenarios) }
        let writing = timed {
            JSONReport.render(model: loaded.base, results: everything.value, perform: LoadedModel.onEveryCore)
        }
        precondition(solving.value.isFinite && !writing.value.isEmpty)
        load.append(loading.ms)
        solve.append(solving.ms)
        all.append(everything.ms)
        json.append(writing.ms)
    }
    // Solving everything includes the strategies once more: the break-evens are the rest.
    return (median(load), median(solve), max(0, median(all) - median(solve)), median(json))
}

/// Prints the large model's stages and the end-to-end time of the release binary.
func printLargeModelBench(_ path: String, runs: Int) {
    print("")
    print("tco solve --json on the generated large model (50 workloads, 10 options, 10 years, 5 scenarios)")
    if let stages = largeModelStagesMs(path, runs: runs) {
        print(String(format: "  load %.1f ms, solve %.1f ms, break-evens %.1f ms, JSON %.1f ms (in process, median)",
                     stages.load, stages.solve, stages.breakEvens, stages.json))
    }
    if let endToEnd = solveJSONMs(path, repeats: runs) {
        // CPU time (user + system, all threads) hardly moves when other processes share the cores.
        print(String(format: "  end to end (release binary, process start to exit, median): %.1f ms (target < 50 ms), "
                     + "CPU %.1f ms", endToEnd.wall, endToEnd.cpu))
    }
}

/// Median wall time and CPU time of `tco solve --json` (release binary, process start to exit) on
/// `path`, in ms.
func solveJSONMs(_ path: String, repeats: Int) -> (wall: Double, cpu: Double)? {
    func childrenCPUMs() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1e3 + Double(t.tv_usec) / 1e3 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
    }
    var walls: [Double] = [], cpus: [Double] = []
    for _ in 0..<repeats {
        let cpu0 = childrenCPUMs()
        // posix_spawn and waitpid, not Foundation's Process: its waitUntilExit polls a run loop and
        // added about 10 ms to every figure.
        let run = timed { spawnAndWait([".build/release/tco", "solve", path, "--json"]) }
        guard run.value else { return nil }
        walls.append(run.ms)
        cpus.append(childrenCPUMs() - cpu0)
    }
    return (median(walls), median(cpus))
}

/// Runs `arguments` (the first is the program) with standard output to /dev/null and waits for
/// it; whether it exited with 0.
func spawnAndWait(_ arguments: [String]) -> Bool {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return false }
    var status: Int32 = 0
    guard waitpid(pid, &status, 0) == pid else { return false }
    return status == 0
}
