import Foundation
import Testing
import TCOTestSupport

/// `tco serve` in a real browser: the page's numbers are the solver's, its own controls re-solve,
/// a bad value is refused, the page follows the file, and nothing but the page is served.
@Suite("tco serve: the review page", .serialized)
struct ReviewServerTests {
    /// A running `tco serve` and the URL it printed; stopped by `stop()`.
    final class Server {
        let process = Process()
        let url: URL

        init(model: String, in folder: URL = TestPaths.repository) throws {
            process.executableURL = TCOProcess.productsDirectory.appendingPathComponent("tco")
            process.arguments = ["serve", model, "--port", "0"]
            process.currentDirectoryURL = folder
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(30)
            while !text.contains("\n"), Date() < deadline {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = text.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression),
                let url = URL(string: String(text[range]))
            else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no URL in: \(text)"]) }
            self.url = url
        }

        func stop() {
            process.terminate()
            process.waitUntilExit()
        }

        /// GET `path` (with its query) from the server: status and body.
        func get(_ path: String) throws -> (status: Int, body: String) {
            try ReviewServerTests.http(url: url, path: path)
        }
    }

    /// A plain HTTP/1.0 GET over a socket (curl may be absent): status code and body.
    static func http(url: URL, path: String, host: String = "127.0.0.1") throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import sys, urllib.request, urllib.error
            try:
                r = urllib.request.urlopen(sys.argv[1], timeout=10); print(r.status); sys.stdout.write(r.read().decode())
            except urllib.error.HTTPError as e:
                print(e.code)
            except OSError as e:
                print(0); sys.stdout.write(str(e))
            """
        let port = url.port ?? 80
        process.arguments = ["python3", "-c", script, "http://\(host):\(port)\(path)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let firstLine = text.prefix { $0 != "\n" }
        return (Int(firstLine) ?? -1, String(text.dropFirst(firstLine.count + 1)))
    }

    /// `tco solve --json` of `model`: NPV of cost by scenario and strategy.
    static func solvedNPVs(_ model: String, in folder: URL = TestPaths.repository) throws -> [String: Double] {
        let result = try AdoptionTests.run(["solve", model, "--json"], in: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        var npvs: [String: Double] = [:]
        for case let (scenario, value as [String: Any]) in (json["scenarios"] as? [String: Any]) ?? [:] {
            for case let (strategy, fields as [String: Any]) in (value["strategies"] as? [String: Any]) ?? [:] {
                npvs["\(scenario)/\(strategy)"] = (fields["npv_cost"] as? NSNumber)?.doubleValue
            }
        }
        return npvs
    }

    /// Equal to 1e-12 relative: Foundation's JSON reader on Linux may round the last digit of the
    /// shortest text that both `tco solve --json` and the page write.
    static func same(_ a: [String: Double], _ b: [String: Double]) -> Bool {
        a.keys.sorted() == b.keys.sorted()
            && a.allSatisfy { key, value in abs(value - (b[key] ?? .nan)) <= 1e-12 * max(1, abs(value)) }
    }

    static func pageNPVs(_ cells: Any?) -> [String: Double] {
        var npvs: [String: Double] = [:]
        for cell in (cells as? [[String: Any]]) ?? [] {
            if let scenario = cell["scenario"] as? String, let strategy = cell["strategy"] as? String,
                let text = cell["npv"] as? String, let value = Double(text)
            {
                npvs["\(scenario)/\(strategy)"] = value
            }
        }
        return npvs
    }

    @Test("in Chromium: numbers equal tco solve; a what-if through the page's control re-solves; a bad value is refused")
    func browser() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = TestPaths.repository.appendingPathComponent("Models/support-copilot.yaml").path
        let server = try Server(model: model)
        defer { server.stop() }
        let screenshot = TestPaths.repository.appendingPathComponent(".build/review-page.png").path
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        driver.arguments = [
            "python3", TestPaths.repository.appendingPathComponent("Tests/Review/drive_page.py").path,
            server.url.absoluteString, "facility.electricity", "0.16 USD/kWh", "0.16 USD", screenshot,
        ]
        let out = Pipe(), err = Pipe()
        driver.standardOutput = out
        driver.standardError = err
        try driver.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        driver.waitUntilExit()
        #expect(driver.terminationStatus == 0, "\(errors)")
        let result = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any], "\(errors)")

        let expected = try Self.solvedNPVs(model)
        #expect(Self.same(Self.pageNPVs(result["before"]), expected))

        // The same change written into a file that extends the model: every scenario, as the page.
        let whatIf = folder.appendingPathComponent("what-if.yaml")
        try "extends: \(model)\nfacility:\n  electricity: 0.16 USD/kWh\n".write(to: whatIf, atomically: true, encoding: .utf8)
        let changed = try Self.solvedNPVs(whatIf.path, in: folder)
        #expect(!Self.same(changed, expected))
        #expect(Self.same(Self.pageNPVs(result["after"]), changed))
        #expect((result["changed_yaml"] as? String)?.contains("facility.electricity: 0.16 USD/kWh") == true)

        // A value of the wrong kind changes nothing and says why.
        #expect(Self.same(Self.pageNPVs(result["after_bad"]), changed))
        #expect((result["error"] as? String)?.contains("expected a price of energy") == true)
        #expect(result["screenshot"] as? Bool == true)
    }

    @Test("the page follows the file: a change reloads it, an invalid file shows tco check's errors over greyed results")
    func followsFile() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try AdoptionTests.run(["init", "m.yaml"], in: folder)
        let file = folder.appendingPathComponent("m.yaml")
        let server = try Server(model: "m.yaml", in: folder)
        defer { server.stop() }
        let first = try server.get("/api/version")
        #expect(first.body.contains("\"version\": 1"))
        // A what-if solved while the file is valid: its numbers, and the file's.
        let whatIf = "/api/view?set=" + "facility.electricity=0.2 USD/kWh"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let applied = try server.get(whatIf).body
        #expect(applied.contains("\"ok\": true"))
        let plainNPVs = Self.npvCells(try server.get("/").body)
        let whatIfNPVs = Self.npvCells(applied)
        #expect(!whatIfNPVs.isEmpty && whatIfNPVs != plainNPVs)

        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "discount_rate: 10%", with: "discount_rate: 0.1")
            .write(to: file, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try server.get("/api/version").body.contains("\"version\": 2"))
        let page = try server.get("/").body
        let check = try AdoptionTests.run(["check", "m.yaml"], in: folder)
        #expect(check.status == 1)
        let firstLine = check.stderr.split(separator: "\n").first.map(String.init) ?? "?"
        #expect(page.contains(ReviewHTML.escaped(firstLine)), "page lacks: \(firstLine)")
        #expect(page.contains("class=\"results stale\""))
        #expect(page.contains("data-npv="), "the last good results stay on the page")
        // While the file is invalid, a what-if solved before shows its own numbers (greyed), never the
        // file's under its name; a new one is refused with why.
        let stale = try server.get(whatIf).body
        #expect(Self.npvCells(stale) == whatIfNPVs)
        let other = "/api/view?set=" + "facility.electricity=0.3 USD/kWh"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let refused = try server.get(other).body
        #expect(refused.contains("\"ok\": false") && refused.contains("cannot be solved"), "\(refused.prefix(300))")
    }

    /// The `data-npv` values of a page or view, in order.
    static func npvCells(_ text: String) -> [String] {
        let unescaped = text.replacingOccurrences(of: "\\\"", with: "\"")
        guard let pattern = try? NSRegularExpression(pattern: #"data-npv="([^"]+)""#) else { return [] }
        let range = NSRange(unescaped.startIndex..., in: unescaped)
        return pattern.matches(in: unescaped, range: range).compactMap {
            Range($0.range(at: 1), in: unescaped).map { String(unescaped[$0]) }
        }
    }

    @Test("a searched key path that names no input says so, with the nearest one; unchangeable keys are not offered")
    func searchedPaths() throws {
        let server = try Server(model: "Models/support-copilot.yaml")
        defer { server.stop() }
        let page = try server.get("/?show=facility.electricty&show=currency").body
        #expect(page.contains("No input of this model has this key path. Did you mean <code>facility.electricity</code>?"))
        #expect(page.contains("A what-if cannot change this (as a scenario cannot)."))
        #expect(!page.contains("<option value=\"currency\"") && !page.contains("<option value=\"horizon\""))
        #expect(page.contains("<option value=\"discount_rate\""))
    }

    @Test("'Copy as scenario' gives text that, pasted under the file's scenarios:, is a valid scenario")
    func copiedScenarioPastes() throws {
        let folder = try AdoptionTests.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = TestPaths.repository.appendingPathComponent("Models/support-copilot.yaml")
        let model = folder.appendingPathComponent("m.yaml")
        try FileManager.default.copyItem(at: original, to: model)
        let server = try Server(model: "m.yaml", in: folder)
        defer { server.stop() }
        let query = "/?set=" + "facility.electricity=0.16 USD/kWh".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let page = try server.get(query).body
        let start = try #require(page.range(of: "<pre id=\"scenario-yaml\">"))
        let end = try #require(page.range(of: "</pre>", range: start.upperBound..<page.endIndex))
        let yaml = String(page[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'")
        #expect(yaml.hasPrefix("  # paste under 'scenarios:'"), "\(yaml)")
        let text = try String(contentsOf: model, encoding: .utf8)
        let pasted = text.replacingOccurrences(of: "\nscenarios:", with: "\nscenarios:\n" + yaml)
        try pasted.write(to: model, atomically: true, encoding: .utf8)
        let check = try AdoptionTests.run(["check", "m.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("what-if"), "\(check.stdout)")
    }

    @Test("nothing but the page: unknown paths are 404, files are not served, only loopback listens")
    func servesOnlyThePage() throws {
        let server = try Server(model: "Models/support-copilot.yaml")
        defer { server.stop() }
        for path in ["/Models/support-copilot.yaml", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/../Package.swift"] {
            let answer = try server.get(path)
            #expect(answer.status == 404, "\(path): \(answer.status)")
            #expect(!answer.body.contains("root:"), "\(path)")
        }
        // Another address of this machine, if it has one, must refuse the connection.
        let hostname = Process()
        hostname.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        hostname.arguments = ["hostname", "-I"]
        let out = Pipe()
        hostname.standardOutput = out
        hostname.standardError = Pipe()
        try? hostname.run()
        hostname.waitUntilExit()
        let addresses = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty && !$0.contains(":") && !$0.hasPrefix("127.") }
        for address in addresses {
            let answer = try Self.http(url: server.url, path: "/", host: address)
            #expect(answer.status == 0, "answered on \(address)")
        }
    }
}

/// The page's escaping, restated for the tests: `&`, `<`, `>`, `"` and `'`.
enum ReviewHTML {
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
