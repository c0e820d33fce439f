/// One problem found in a model, located in the file where the offending text is written.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a problem is: errors stop the run, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// The stable class of the problem, e.g. `TCO303` (docs/errors.md).
    public var code: DiagnosticCode
    /// Where the problem is; `nil` only for problems that have no place in a file (e.g. an unreadable file).
    public var location: SourceLocation?
    /// Dotted key path of the value at fault, e.g. `workloads.support-chat.growth`.
    public var keyPath: String
    /// What is wrong, in a finance user's words.
    public var message: String
    /// How to fix it, with a valid example where one exists.
    public var hint: String?

    public init(
        _ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation?, keyPath: String, message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.hint = hint
    }

    /// An error of class `code`.
    public static func error(
        _ code: DiagnosticCode, at location: SourceLocation?, _ keyPath: String, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, at: location, keyPath: keyPath, message: message, hint: hint)
    }

    /// A warning of class `code`.
    public static func warning(
        _ code: DiagnosticCode, at location: SourceLocation?, _ keyPath: String, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, at: location, keyPath: keyPath, message: message, hint: hint)
    }

    /// The compiler-style first line: `FILE:LINE:COLUMN: error: KEY.PATH: message [TCO303]`.
    public var headline: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        return text + message + " [\(code.code)]"
    }
}

extension Diagnostic {
    /// The key and the place in the file a diagnostic is about.
    fileprivate var place: String { "\(keyPath)@\(location.map { "\($0.file):\($0.line):\($0.column)" } ?? "")" }
}

extension Array where Element == Diagnostic {
    /// Whether any of the diagnostics is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Errors first, then warnings, each group in file order; duplicates removed, and a "missing
    /// required key" left out where another error names the same key at the same place (a key
    /// written with no value: "expected a value such as '350'" says it better).
    public func ordered() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let explained = Set(filter { $0.severity == .error && $0.code != .missingKey }.map(\.place))
        let unique = filter { diagnostic in
            guard seen.insert(diagnostic).inserted else { return false }
            return diagnostic.code != .missingKey || !explained.contains(diagnostic.place)
        }
        func rank(_ d: Diagnostic) -> Int { d.severity == .error ? 0 : 1 }
        return unique.enumerated().sorted { l, r in
            if rank(l.element) != rank(r.element) { return rank(l.element) < rank(r.element) }
            switch (l.element.location, r.element.location) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return true
            case (_?, nil): return false
            default: return l.offset < r.offset
            }
        }.map(\.element)
    }
}
