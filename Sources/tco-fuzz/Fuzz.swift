// `make fuzz`: libFuzzer over the model loader and the unit parser. Every input must end in a
// model or in located diagnostics: a crash, a leak (AddressSanitizer) or a hang is a bug, and
// the input that found it becomes a fixture in Tests/TCOLoadingTests/Fixtures/invalid.
#if canImport(Glibc)
import Glibc
#endif
import TCOCore
import TCOLoading

#if FUZZING
/// libFuzzer's driver, called from this target's entry point: SwiftPM names an executable's entry
/// `tco_fuzz_main` and links `main` to it, so libFuzzer's own `main` is not used.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("tco_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
@main
enum NotFuzzing {
    static func main() { print("tco-fuzz does nothing in a normal build: run `make fuzz`") }
}
#endif

/// One input: a model file's bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bytes else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    switch ModelLoader(text: text, as: "fuzz.yaml").load("fuzz.yaml").result {
    case .success(let loaded):
        // A model that loads must solve to finite numbers (the loader's bounds promise it).
        for scenario in loaded.scenarios {
            let result = Solver(model: scenario.model).solve(scenario: scenario.name)
            for strategy in result.strategies where !strategy.npvCost.isFinite {
                findingFound("non-finite NPV for \(strategy.name) in scenario \(scenario.name)")
            }
        }
    case .failure(let failure):
        for diagnostic in failure.diagnostics where diagnostic.location == nil && diagnostic.code != .fileNotFound {
            findingFound("diagnostic without a location: \(diagnostic.headline)")
        }
    }
    // The unit parser on its own, on each line of the input.
    for line in text.split(separator: "\n").prefix(64) {
        _ = Quantity.parse(String(line), expecting: [.money, .percent, .ratePerYear], currency: "USD")
    }
    return 0
}

/// Stops the fuzzer on a broken promise: libFuzzer records the input that caused a deadly signal.
func findingFound(_ message: String) -> Never {
    print("tco-fuzz finding: \(message)")
    abort()
}
