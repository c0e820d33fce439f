import Foundation
import TCOTestSupport
import Testing
import TCOCore
@testable import TCOLoading

/// One fixture per class of bad input (Fixtures/invalid, made from Fixtures/valid/small.yaml by
/// make_invalid_fixtures.py): the loader must refuse it, at the right place, with a helpful message.
@Suite("Invalid model files")
struct InvalidModelTests {
    struct Bad: Sendable, CustomStringConvertible {
        var fixture: String
        var file: String
        var line: Int
        var column: Int
        var key: String
        var says: String
        init(_ fixture: String, in file: String, line: Int, column: Int, key: String, says: String) {
            (self.fixture, self.file, self.line, self.column, self.key, self.says) = (fixture, file, line, column, key, says)
        }
        var description: String { fixture }
    }

    static let fixtures = TestPaths.modelFixtures

    static func path(_ name: String) -> String { fixtures.appendingPathComponent("invalid/\(name).yaml").path }

    static let cases: [Bad] = [
        Bad("yaml-syntax", in: "yaml-syntax", line: 11, column: 4, key: "", says: "YAML syntax error"),
        Bad("tab-indent", in: "tab-indent", line: 11, column: 1, key: "", says: "tab character"),
        Bad("duplicate-key", in: "duplicate-key", line: 15, column: 5, key: "workloads.chat.growth", says: "written twice"),
        Bad("unknown-top-key", in: "unknown-top-key", line: 5, column: 1, key: "horizn", says: "did you mean 'horizon'"),
        Bad("unknown-workload-key", in: "unknown-workload-key", line: 13, column: 5, key: "workloads.chat.outputs_tokens", says: "did you mean 'output_tokens'"),
        Bad("missing-required-key", in: "missing-required-key", line: 16, column: 3, key: "workloads.claims.input_tokens", says: "missing required key 'input_tokens'"),
        Bad("missing-kind", in: "missing-kind", line: 28, column: 3, key: "serving.private-api.kind", says: "missing required key 'kind'"),
        Bad("unknown-kind", in: "unknown-kind", line: 34, column: 11, key: "serving.slm.kind", says: "did you mean 'self_hosted'"),
        Bad("rate-without-unit", in: "rate-without-unit", line: 11, column: 13, key: "workloads.chat.growth", says: "expected a rate per year such as '40%/year', got '20'"),
        Bad("wrong-dimension", in: "wrong-dimension", line: 49, column: 12, key: "hardware.gpu-server.price", says: "expected an amount of money"),
        Bad("foreign-currency", in: "foreign-currency", line: 49, column: 12, key: "hardware.gpu-server.price", says: "the model's currency is USD"),
        Bad("unknown-unit", in: "unknown-unit", line: 25, column: 18, key: "serving.frontier.price_input", says: "did you mean 'USD/Mtok'"),
        Bad("negative-amount", in: "negative-amount", line: 10, column: 15, key: "workloads.chat.requests", says: "must not be negative"),
        Bad("nan-amount", in: "nan-amount", line: 12, column: 19, key: "workloads.chat.input_tokens", says: "is not a number"),
        Bad("infinite-amount", in: "infinite-amount", line: 49, column: 12, key: "hardware.gpu-server.price", says: "is not a number"),
        Bad("share-above-100", in: "share-above-100", line: 14, column: 19, key: "workloads.chat.cached_input", says: "from 0% to 100%"),
        Bad("utilization-zero", in: "utilization-zero", line: 38, column: 22, key: "serving.slm.max_utilization", says: "above 0% and at most 100%"),
        Bad("residual-100", in: "residual-100", line: 53, column: 15, key: "hardware.gpu-server.residual", says: "below 100%"),
        Bad("route-shares-sum", in: "route-shares-sum", line: 71, column: 12, key: "strategies.hybrid.route", says: "add up to 110%, not 100%"),
        Bad("unknown-route-option", in: "unknown-route-option", line: 71, column: 23, key: "strategies.hybrid.route.frontierr", says: "did you mean 'frontier'"),
        Bad("unknown-hardware", in: "unknown-hardware", line: 35, column: 15, key: "serving.slm.hardware", says: "did you mean 'gpu-server'"),
        Bad("baseline-not-strategy", in: "baseline-not-strategy", line: 82, column: 11, key: "baseline", says: "did you mean 'buy'"),
        Bad("sensitive-route", in: "sensitive-route", line: 69, column: 34, key: "strategies.buy.workloads.claims.route", says: "sensitive workload 'claims'"),
        Bad("sensitive-escalation", in: "sensitive-escalation", line: 77, column: 36, key: "strategies.hybrid.workloads.claims.escalation.to", says: "escalates to 'frontier'"),
        Bad("sensitive-fallback", in: "sensitive-fallback", line: 73, column: 15, key: "strategies.hybrid.fallback", says: "fall back to 'frontier'"),
        Bad("escalation-to-non-api", in: "escalation-to-non-api", line: 72, column: 33, key: "strategies.hybrid.escalation.to", says: "must be an api option"),
        Bad("missing-fallback", in: "missing-fallback", line: 70, column: 3, key: "strategies.hybrid", says: "has no fallback"),
        Bad("horizon-too-long", in: "horizon-too-long", line: 5, column: 10, key: "horizon", says: "from 1 month to 30 years"),
        Bad("horizon-zero", in: "horizon-zero", line: 5, column: 10, key: "horizon", says: "from 1 month to 30 years"),
        Bad("life-zero", in: "life-zero", line: 52, column: 11, key: "hardware.gpu-server.life", says: "at least 1 month"),
        Bad("fractional-months", in: "fractional-months", line: 55, column: 16, key: "hardware.gpu-server.lead_time", says: "not a whole number of months"),
        Bad("boolean-yes", in: "boolean-yes", line: 20, column: 16, key: "workloads.claims.sensitive", says: "expected true or false"),
        Bad("gpus-fraction", in: "gpus-fraction", line: 48, column: 11, key: "hardware.gpu-server.gpus", says: "whole number"),
        Bad("discount-monthly", in: "discount-monthly", line: 6, column: 16, key: "discount_rate", says: "expected a percentage"),
        Bad("idle-above-power", in: "idle-above-power", line: 51, column: 17, key: "hardware.gpu-server.idle_power", says: "idle power must be from 0 kW"),
        Bad("invalid-name", in: "invalid-name", line: 9, column: 3, key: "workloads.chat bot", says: "not a valid name"),
        Bad("rate-below-minus-100", in: "rate-below-minus-100", line: 11, column: 13, key: "workloads.chat.growth", says: "above -100%/year"),
        Bad("escalation-missing-to", in: "escalation-missing-to", line: 72, column: 5, key: "strategies.hybrid.escalation.to", says: "missing required key 'to'"),
        Bad("bad-start", in: "bad-start", line: 4, column: 8, key: "start", says: "YYYY-MM"),
        Bad("missing-electricity", in: "missing-electricity", line: 57, column: 1, key: "facility.electricity", says: "needs the electricity price"),
        Bad("peak-below-one", in: "peak-below-one", line: 15, column: 22, key: "workloads.chat.peak_to_average", says: "at least 1"),
        Bad("scenario-unknown-path", in: "scenario-unknown-path", line: 86, column: 5, key: "scenarios.price-war.serving.frontir.price_change", says: "did you mean 'frontier'"),
        Bad("scenario-wrong-dimension", in: "scenario-wrong-dimension", line: 86, column: 27, key: "scenarios.price-war.facility.electricity", says: "expected a price of energy"),
        Bad("scenario-not-overridable", in: "scenario-not-overridable", line: 86, column: 5, key: "scenarios.price-war.horizon", says: "cannot be overridden"),
        Bad("scenario-named-base", in: "scenario-named-base", line: 85, column: 3, key: "scenarios.base", says: "no scenario may be called 'base'"),
        Bad("scenario-route-share", in: "scenario-route-share", line: 86, column: 5, key: "scenarios.price-war.strategies.hybrid.route.slm", says: "single share inside a route"),
        Bad("scenario-missing-block", in: "scenario-missing-block", line: 86, column: 5, key: "scenarios.price-war.strategies.rent.workloads.chat.route", says: "has no settings for workload 'chat'"),
        Bad("scenario-breaks-sensitive", in: "scenario-breaks-sensitive", line: 69, column: 37, key: "strategies.buy.workloads.claims.route", says: "(in scenario 'price-war')"),
        Bad("extends-missing-file", in: "extends-missing-file", line: 2, column: 10, key: "extends", says: "does not exist"),
        Bad("extends-loop-a", in: "extends-loop-b", line: 2, column: 10, key: "extends", says: "makes a loop"),
        Bad("billion-laughs", in: "billion-laughs", line: 2, column: 8, key: "", says: "anchors and aliases"),
        // Inputs that make the forecast explode: a located error naming the input, never a crash or NaN.
        Bad("requests-overflow", in: "requests-overflow", line: 10, column: 15, key: "workloads.chat.requests", says: "10^15 USD"),
        Bad("throughput-tiny", in: "throughput-tiny", line: 36, column: 24, key: "serving.slm.decode_throughput", says: "10^9 servers"),
        Bad("growth-explodes", in: "growth-explodes", line: 11, column: 13, key: "workloads.chat.growth", says: "10^15 USD"),
        // Valid YAML the workbook could not hold: Excel sheet names have at most 31 characters and ignore case.
        Bad("scenario-name-too-long", in: "scenario-name-too-long", line: 85, column: 3,
            key: "scenarios.price-war-with-a-name-far-too-long-for-a-sheet", says: "at most 26"),
        Bad("scenario-names-differ-in-case", in: "scenario-names-differ-in-case", line: 87, column: 3,
            key: "scenarios.Price-War", says: "only in upper and lower case"),
        Bad("extends-not-a-model", in: "extends-not-a-model", line: 1, column: 10, key: "extends", says: "is not a model file"),
        Bad("nul-byte", in: "nul-byte", line: 3, column: 10, key: "", says: "control character (U+0000)"),
        Bad("not-utf8", in: "not-utf8", line: 3, column: 6, key: "", says: "is not UTF-8 text"),
        // Version 2: schedules, cache writes and batch, long-context prices, rented scaling and commitments,
        // staff payers, one-time costs, finance, and what scenarios may override.
        Bad("schedule-unordered", in: "schedule-unordered", line: 10, column: 54, key: "workloads.chat.requests.2028-01", says: "ascending order"),
        Bad("schedule-month-twice", in: "schedule-month-twice", line: 12, column: 7, key: "workloads.chat.requests.2027-01", says: "written twice"),
        Bad("schedule-starts-late", in: "schedule-starts-late", line: 10, column: 16, key: "workloads.chat.requests.2027-06", says: "after the model's start"),
        Bad("schedule-bad-month", in: "schedule-bad-month", line: 11, column: 33, key: "workloads.chat.growth.mid-2028", says: "is not a month"),
        Bad("schedule-value-wrong-unit", in: "schedule-value-wrong-unit", line: 11, column: 42, key: "workloads.chat.growth.2028-01", says: "expected a rate per year"),
        Bad("schedule-not-schedulable", in: "schedule-not-schedulable", line: 12, column: 19, key: "workloads.chat.input_tokens", says: "takes one value for the whole horizon"),
        Bad("cache-shares-above-100", in: "cache-shares-above-100", line: 15, column: 18, key: "workloads.chat.cache_write", says: "more than 100%"),
        Bad("batch-above-100", in: "batch-above-100", line: 15, column: 12, key: "workloads.chat.batch", says: "from 0% to 100%"),
        Bad("long-context-missing-above", in: "long-context-missing-above", line: 28, column: 5, key: "serving.frontier.long_context.above", says: "missing required key 'above'"),
        Bad("scaling-unknown", in: "scaling-unknown", line: 42, column: 14, key: "serving.rented-slm.scaling", says: "expected 'peak' or 'hourly'"),
        Bad("commitments-not-list", in: "commitments-not-list", line: 42, column: 18, key: "serving.rented-slm.commitments", says: "expected a list of commitments"),
        Bad("commitment-fractional-gpus", in: "commitment-fractional-gpus", line: 42, column: 26, key: "serving.rented-slm.commitments[1].gpus", says: "whole number"),
        Bad("commitment-missing-term", in: "commitment-missing-term", line: 42, column: 19, key: "serving.rented-slm.commitments[1].term", says: "missing required key 'term'"),
        Bad("staff-unknown-strategy", in: "staff-unknown-strategy", line: 63, column: 60, key: "staff.engineer.strategies", says: "did you mean 'hybrid'"),
        Bad("staff-strategies-word", in: "staff-strategies-word", line: 63, column: 59, key: "staff.engineer.strategies", says: "expected 'in_house', 'all' or a list"),
        Bad("one-time-outside-horizon", in: "one-time-outside-horizon", line: 75, column: 44, key: "strategies.hybrid.one_time.fine-tuning.month", says: "outside the horizon"),
        Bad("one-time-capitalize-zero", in: "one-time-capitalize-zero", line: 75, column: 46, key: "strategies.hybrid.one_time.platform.capitalize", says: "at least 1 month"),
        Bad("financing-not-hardware", in: "financing-not-hardware", line: 86, column: 5, key: "finance.financing.gpu-servr", says: "did you mean 'gpu-server'"),
        Bad("loan-rate-monthly", in: "loan-rate-monthly", line: 86, column: 35, key: "finance.financing.gpu-server.rate", says: "effective annual rate"),
        Bad("terminal-value-word", in: "terminal-value-word", line: 85, column: 19, key: "finance.terminal_value", says: "expected 'book' or 'none'"),
        Bad("tax-rate-above-100", in: "tax-rate-above-100", line: 85, column: 13, key: "finance.tax_rate", says: "from 0% to 100%"),
        // A duration so long that it would overflow month arithmetic (version 1 crashed on it).
        Bad("duration-too-long", in: "duration-too-long", line: 52, column: 11, key: "hardware.gpu-server.life", says: "at most 1,000 years"),
        Bad("scenario-schedule-month", in: "scenario-schedule-month", line: 86, column: 5, key: "scenarios.price-war.workloads.chat.requests.2028-01", says: "one month of a schedule"),
        Bad("scenario-missing-one-time", in: "scenario-missing-one-time", line: 86, column: 5, key: "scenarios.price-war.strategies.hybrid.one_time.fine-tuning.cost", says: "has no one-time cost 'fine-tuning'"),
        Bad("scenario-missing-loan", in: "scenario-missing-loan", line: 86, column: 5, key: "scenarios.price-war.finance.financing.gpu-server.rate", says: "no loan for 'gpu-server'"),
        Bad("scenario-missing-long-context", in: "scenario-missing-long-context", line: 86, column: 5, key: "scenarios.price-war.serving.frontier.long_context.price_input", says: "no long_context map here"),
        Bad("scenario-commitment-entry", in: "scenario-commitment-entry", line: 86, column: 5, key: "scenarios.price-war.serving.rented-slm.commitments.1.gpus", says: "part of a list"),
        // The uncertainty block: paths by the scenario rules, continuous values, the key's unit and range.
        Bad("uncertainty-not-continuous", in: "uncertainty-not-continuous", line: 90, column: 5,
            key: "uncertainty.inputs.hardware.gpu-server.gpus", says: "not a continuous value"),
        Bad("uncertainty-out-of-range", in: "uncertainty-out-of-range", line: 90, column: 34,
            key: "uncertainty.inputs.workloads.chat.cached_input", says: "'120%' is outside the key's allowed values: a value must be from 0% to 100%"),
        Bad("uncertainty-wrong-unit", in: "uncertainty-wrong-unit", line: 90, column: 30,
            key: "uncertainty.inputs.workloads.chat.requests", says: "expected a volume per month"),
        Bad("uncertainty-unordered", in: "uncertainty-unordered", line: 90, column: 35,
            key: "uncertainty.inputs.serving.frontier.price_input", says: "are not in order"),
        Bad("uncertainty-unknown-path", in: "uncertainty-unknown-path", line: 90, column: 5,
            key: "uncertainty.inputs.workloads.chatt.requests", says: "workload 'chatt' does not exist"),
    ]

    @Test("each class of bad input is reported at its place, with key path and hint", arguments: cases)
    func reports(_ bad: Bad) throws {
        let (result, sources) = ModelLoader().load(Self.path(bad.fixture))
        guard case .failure(let failure) = result else {
            Issue.record("\(bad.fixture) was accepted")
            return
        }
        let match = failure.diagnostics.first { $0.message.contains(bad.says) || ($0.hint ?? "").contains(bad.says) }
        let found = try #require(match, "no diagnostic says '\(bad.says)'; got:\n\(failure.diagnostics.map(\.headline).joined(separator: "\n"))")
        #expect(found.severity == .error)
        #expect(found.location?.file == Self.path(bad.file))
        #expect(found.location?.line == bad.line)
        #expect(found.location?.column == bad.column)
        #expect(found.keyPath == bad.key)
        #expect(found.hint?.isEmpty == false, "every error carries a hint")
        // The rendered block quotes the offending line with a caret under the column.
        let block = DiagnosticRenderer.render(found, sources: sources)
        #expect(block.contains("\(Self.path(bad.file)):\(bad.line):\(bad.column): error: "))
        #expect(block.contains("^"))
        #expect(block.contains("= hint: "))
    }

    @Test("all problems of a file are reported at once")
    func reportsAll() throws {
        // unknown-workload-key both misspells a key and so leaves the required 'output_tokens' missing.
        let (result, _) = ModelLoader().load(Self.path("unknown-workload-key"))
        guard case .failure(let failure) = result else {
            Issue.record("accepted")
            return
        }
        let keys = failure.diagnostics.map(\.keyPath)
        #expect(keys.contains("workloads.chat.outputs_tokens"))
        #expect(keys.contains("workloads.chat.output_tokens"))
    }

    @Test("a required key written with no value gets one error, 'expected a value', not also 'missing'")
    func emptyRequiredValue() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("output_tokens:") })
        var changed = lines
        changed[index] = String(lines[index].prefix { $0 == " " }) + "output_tokens:"
        let folder = try TestPaths.temporaryFolder("tco-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.yaml").path
        try changed.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let failure) = ModelLoader().load(path).result else {
            Issue.record("accepted")
            return
        }
        let errors = failure.diagnostics.filter { $0.keyPath.hasSuffix(".output_tokens") }
        #expect(errors.map(\.code) == [.expectedValue], "\(errors.map(\.headline))")
        // An absent required key is still reported as missing.
        changed.remove(at: index)
        try changed.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        guard case .failure(let absent) = ModelLoader().load(path).result else {
            Issue.record("accepted without output_tokens")
            return
        }
        #expect(absent.diagnostics.filter { $0.keyPath.hasSuffix(".output_tokens") }.map(\.code) == [.missingKey])
    }

    @Test("a definition nobody uses is a warning, not an error")
    func unusedIsWarning() throws {
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  rented-slm:\n    kind: rented", with: "  spare-api:\n    kind: api\n    price_input: 1 USD/Mtok\n    price_output: 2 USD/Mtok\n  rented-slm:\n    kind: rented")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tco-unused-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (result, _) = ModelLoader().load(path)
        let loaded = try result.get()
        let warning = try #require(loaded.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.keyPath == "serving.spare-api")
        #expect(warning.message == "serving option 'spare-api' is not used by any strategy")
    }

    @Test("growth averaging above 200 % a year is a warning that converts a monthly rate")
    func steepGrowthIsWarning() throws {
        // small.yaml: 1M requests a month over 36 months. At 20 %/month month 36 has
        // 1M × 1.2^35 = 590,668,229 requests: 591-fold; 20 %/month is 1.2^12 − 1 = 792 %/year.
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("valid/small.yaml"), encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tco-steep-\(UUID().uuidString).yaml").path
        try text.replacingOccurrences(of: "growth: 20%/year", with: "growth: 20%/month")
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = try ModelLoader().load(path).result.get()
        let warning = try #require(loaded.warnings.first { $0.code == .steepGrowth })
        #expect(warning.keyPath.hasSuffix(".growth"))
        // Over the 35 months from month 1 to 36: (1.2^35)^(12/35) = 1.2^12 = 8.916 a year, +792 %.
        #expect(warning.message
            == "growth averages 792%/year over the horizon (requests from 1,000,000 to 590,668,229 a month)")
        #expect(warning.hint == "growth compounds: '20%/month' is 792%/year; if a yearly rate was meant, write '20%/year'")
        // In a scenario the same rate is the scenario's warning, at its override.
        let scenario = text.replacingOccurrences(
            of: "\nscenarios:\n", with: "\nscenarios:\n  boom:\n    workloads.chat.growth: 20%/month\n")
        let scenarioPath = path + ".scenario.yaml"
        try scenario.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scenarioPath) }
        let inScenario = try ModelLoader().load(scenarioPath).result.get()
        #expect(inScenario.warnings.contains {
            $0.code == .steepGrowth && $0.keyPath == "scenarios.boom.workloads.chat.growth"
        })
        // The base's warning is not repeated for a scenario that changes only the requests.
        let monthly = text.replacingOccurrences(of: "growth: 20%/year", with: "growth: 20%/month")
            .replacingOccurrences(of: "\nscenarios:\n", with: "\nscenarios:\n  busy:\n    workloads.chat.requests: 2M/month\n")
        try monthly.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        let once = try ModelLoader().load(scenarioPath).result.get()
        #expect(once.warnings.filter { $0.code == .steepGrowth }.count == 1)
        // The file's own 20 %/year grows 1.2^(35/12) = 1.70-fold: no warning.
        let plain = try ModelLoader().load(Self.fixtures.appendingPathComponent("valid/small.yaml").path).result.get()
        #expect(!plain.warnings.contains { $0.code == .steepGrowth })
    }
}

