extension Diagnostic {
    /// Every diagnostic of `files` as JSON for editors and CI: per file whether it is valid, then
    /// each problem with file, line, column, severity, code, key path, message and hint.
    public static func json(files: [(path: String, isValid: Bool, diagnostics: [Diagnostic])]) -> String {
        let out = JSONWriter()
        out.object {
            out.key("valid")
            out.bool(files.allSatisfy(\.isValid))
            out.key("files")
            out.array {
                for file in files {
                    out.object {
                        out.key("file")
                        out.string(file.path)
                        out.key("valid")
                        out.bool(file.isValid)
                        out.key("diagnostics")
                        out.array { for diagnostic in file.diagnostics { diagnostic.write(to: out) } }
                    }
                }
            }
        }
        return out.text
    }

    private func write(to out: JSONWriter) {
        out.object {
            out.key("file")
            if let location { out.string(location.file) } else { out.null() }
            out.key("line")
            out.integer(location?.line)
            out.key("column")
            out.integer(location?.column)
            out.key("length")
            out.integer(location?.length)
            out.key("severity")
            out.string(severity.rawValue)
            out.key("code")
            out.string(code.code)
            out.key("key_path")
            out.string(keyPath)
            out.key("message")
            out.string(message)
            out.key("hint")
            if let hint { out.string(hint) } else { out.null() }
        }
    }
}
