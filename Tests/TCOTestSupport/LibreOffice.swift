import Foundation

/// LibreOffice as a recalculating oracle: converts a workbook to one CSV per sheet, with
/// recalculation forced on load (a private profile sets OOXMLRecalcMode to "always").
public enum LibreOffice {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    public static var executable: String? {
        ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Recalculates `workbook` and returns each sheet as rows of cells; with `formulas`, cells
    /// hold the formula text instead of the value.
    public static func sheets(of workbook: URL, names: [String], formulas: Bool = false) throws -> [String: [[String]]] {
        guard let soffice = executable else { throw Unavailable(description: "soffice not found: run `make test`, which installs libreoffice-calc-nogui") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tco-lo-\(UUID().uuidString)")
        let profile = work.appendingPathComponent("profile/user")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
        </oor:items>
        """.write(to: profile.appendingPathComponent("registrymodifications.xcu"), atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Options: comma, double quote, UTF-8, from line 1, …, raw values (not as shown),
        // formulas or values, every sheet to its own file (-1).
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,\(formulas),false,-1"
        process.arguments = ["-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)", "--headless",
                             "--convert-to", filter, "--outdir", output.path, workbook.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let stem = workbook.deletingPathExtension().lastPathComponent
        var result: [String: [[String]]] = [:]
        for name in names {
            let file = output.appendingPathComponent("\(stem)-\(name).csv")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw Unavailable(description: "LibreOffice wrote no CSV for sheet '\(name)' (exit \(process.terminationStatus))")
            }
            result[name] = parseCSV(text)
        }
        return result
    }

    /// RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines.
    public static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(text), i = 0
        if chars.last != "\n" { chars.append("\n") }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
            i += 1
        }
        return rows
    }
}

extension Array where Element == [String] {
    /// The cell at 0-based `row`, `column`, or "" when the CSV is shorter.
    public func cell(_ row: Int, _ column: Int) -> String {
        guard row < count, column < self[row].count else { return "" }
        return self[row][column]
    }
}
