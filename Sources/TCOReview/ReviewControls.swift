import Foundation
import TCOCore
import TCOLoading

/// The what-if panel: a control per driver (and per input the user searched for), the changes
/// made so far, and the `scenarios:` snippet that writes them into the model file.
enum ReviewControls {
    static func panel(_ view: ReviewView, snapshot: ReviewSnapshot, shown: [String]) -> String {
        let loaded = snapshot.loaded
        // As written in the file, with its source: a what-if's own value has neither.
        let fileInputs = view.fileInputs.isEmpty ? loaded.inputs : view.fileInputs
        let written = Dictionary(fileInputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let labels = Dictionary(snapshot.sensitivity.map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        let drivers = snapshot.sensitivity.map(\.key).filter { !$0.contains("*") }.prefix(ReviewPage.driverControls)
        var paths: [String] = []
        for path in Array(drivers) + shown + view.changes.map(\.path) where !paths.contains(path) {
            paths.append(path)
        }
        var html = "<section class=\"whatif\" id=\"whatif\"><h2>What if…</h2>"
        html += "<p class=\"note\">Type a value as you would write it in the model file (with its unit) and press "
            + "Enter: every scenario is solved again with it. The model file itself is never changed.</p>"
        html += "<table class=\"controls\"><thead><tr><th>Input</th><th>Value</th><th>Source</th></tr></thead><tbody>"
        // Every path a what-if can set: written in the file or left to its default.
        let defaults = InputRegistry.inputs(of: loaded.base).filter { written[$0.path] == nil }
        let known = Set(fileInputs.map(\.path) + defaults.map(\.path))
        for path in paths {
            let change = view.changes.first { $0.path == path }
            let input = written[path]
            // A searched path that names no input (a typo) says so instead of offering a box.
            guard change != nil || known.contains(path), WhatIfChange.mayChange(path) || change != nil else {
                let candidates = known.filter(WhatIfChange.mayChange).sorted()
                let near = Suggestion.nearest(to: path, in: candidates)
                    .map { " Did you mean <code>\(HTML.escaped($0))</code>?" } ?? ""
                let why = WhatIfChange.mayChange(path) ? "No input of this model has this key path."
                    : "A what-if cannot change this (as a scenario cannot)."
                html += "<tr class=\"control unknown\"><th><code>\(HTML.escaped(path))</code></th>"
                    + "<td colspan=\"2\" class=\"source\">\(why)\(near)</td></tr>"
                continue
            }
            let value = change?.value ?? input?.text ?? ""
            let label = labels[path] ?? InputRegistry.input(at: path, in: loaded.base)?.label ?? path
            let changed = change != nil ? " changed" : ""
            html += "<tr class=\"control\(changed)\"><th>\(HTML.escaped(label))<br><code>\(HTML.escaped(path))</code></th>"
            html += "<td><input class=\"whatif-input\" data-path=\"\(HTML.escaped(path))\" "
                + "data-original=\"\(HTML.escaped(input?.text ?? ""))\" value=\"\(HTML.escaped(value))\" "
                + "placeholder=\"\(input == nil ? "default" : "")\" spellcheck=\"false\"></td>"
            html += "<td class=\"source\">\(HTML.escaped(input?.source ?? (input == nil ? "not written: default" : "no source given")))</td></tr>"
        }
        html += "</tbody></table>"
        html += "<p><label>Any other input: <input id=\"search\" list=\"all-inputs\" placeholder=\"search by key path…\" "
            + "spellcheck=\"false\"></label></p><datalist id=\"all-inputs\">"
        for input in fileInputs where !paths.contains(input.path) && WhatIfChange.mayChange(input.path) {
            html += "<option value=\"\(HTML.escaped(input.path))\">\(HTML.escaped(input.text))</option>"
        }
        // Inputs the file leaves to their default can be changed too (the registry lists them).
        for input in defaults where !paths.contains(input.path) && WhatIfChange.mayChange(input.path) {
            html += "<option value=\"\(HTML.escaped(input.path))\">\(HTML.escaped(input.label)) (default)</option>"
        }
        html += "</datalist>"
        if !view.changes.isEmpty {
            let text = (try? String(contentsOfFile: view.modelPath, encoding: .utf8)) ?? ""
            let yaml = scenarioYAML(view.changes, loaded: loaded, file: scenariosKey(inFile: text), date: today)
            html += "<h3>Changed in this meeting</h3><pre id=\"scenario-yaml\">\(HTML.escaped(yaml))</pre>"
            html += "<p><button id=\"copy-scenario\" type=\"button\">Copy as scenario</button> "
                + "<button id=\"reset\" type=\"button\">Undo all what-ifs</button></p>"
        }
        return html + "</section>"
    }

    /// How the model file itself writes `scenarios:` (not those it inherits with `extends`).
    enum ScenariosKey {
        /// `scenarios:` on a line of its own, its entries below: paste one more entry.
        case block
        /// None in the file: paste the whole block.
        case absent
        /// On one line (`scenarios: {}` or a flow map): the block replaces that line.
        case oneLine
    }

    static func scenariosKey(inFile text: String) -> ScenariosKey {
        // By any line break: a file written on Windows ends its lines with "\r\n", one Character.
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("scenarios:") {
            let rest = line.dropFirst("scenarios:".count).trimmingCharacters(in: .whitespaces)
            return rest.isEmpty || rest.hasPrefix("#") ? .block : .oneLine
        }
        return .absent
    }

    /// The changes as a scenario to paste into the model file (`file`: how it writes `scenarios:`),
    /// named so as not to clash with an existing scenario (names compare without case, as the
    /// loader compares them).
    static func scenarioYAML(
        _ changes: [WhatIfChange], loaded: LoadedModel, file: ScenariosKey, date: String
    ) -> String {
        let names = Set(loaded.scenarios.map { $0.name.lowercased() })
        var name = "what-if", n = 1
        while names.contains(name) {
            n += 1
            name = "what-if-\(n)"
        }
        var lines: [String]
        switch file {
        case .block: lines = ["  # paste under 'scenarios:' in the model file"]
        case .absent: lines = ["scenarios:"]
        case .oneLine: lines = ["# replaces the file's one-line 'scenarios:' (write its scenarios below as well)",
                                "scenarios:"]
        }
        lines.append("  \(name):                     # what-ifs tried in the review meeting of \(date)")
        for change in changes { lines.append("    \(change.path): \(change.value)") }
        return lines.joined(separator: "\n")
    }

    /// Today as YYYY-MM-DD, for the pasted scenario's comment.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
