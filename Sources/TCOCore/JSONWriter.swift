/// A minimal JSON writer that keeps keys in the order they are written, two-space indented.
public final class JSONWriter {
    /// The JSON written so far.
    public private(set) var text = ""
    private var depth = 0
    private var needsComma = [false]
    private var afterKey = false

    public init() {}

    /// A writer for one value that another writer at `depth` (the depth of its innermost open
    /// container) takes with `value(written:)` after a key: the text is what that writer would write.
    public init(valueAtDepth depth: Int) {
        self.depth = depth
        afterKey = true
    }

    /// A value written by a `JSONWriter(valueAtDepth:)` at this writer's depth.
    public func value(written text: String) {
        beginValue()
        self.text += text
    }

    /// The depth of the innermost open container.
    public var currentDepth: Int { depth }

    private func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma[needsComma.count - 1] { text += "," }
        if depth > 0 { text += "\n" + String(repeating: "  ", count: depth) }
        needsComma[needsComma.count - 1] = true
    }

    public func object(_ body: () -> Void) { container("{", "}", body) }

    /// An object or array: its members indented one level, the closing bracket on its own line.
    private func container(_ open: String, _ close: String, _ body: () -> Void) {
        beginValue()
        text += open
        depth += 1
        needsComma.append(false)
        body()
        let hadMembers = needsComma.removeLast()
        depth -= 1
        if hadMembers { text += "\n" + String(repeating: "  ", count: depth) }
        text += close
    }

    public func key(_ name: String) {
        beginValue()
        text += Self.quoted(name) + ": "
        afterKey = true
    }

    public func string(_ value: String) {
        beginValue()
        text += Self.quoted(value)
    }

    public func number(_ value: Double?) {
        beginValue()
        text += value.map(Self.format) ?? "null"
    }

    public func integer(_ value: Int?) {
        beginValue()
        text += value.map(String.init) ?? "null"
    }

    public func numbers(_ values: [Double]) {
        beginValue()
        // Appended one by one: no array of strings to join (the large JSON has ~10^5 numbers).
        text += "["
        for (i, value) in values.enumerated() {
            if i > 0 { text += ", " }
            text += Self.format(value)
        }
        text += "]"
    }

    public func integers(_ values: [Int]) {
        beginValue()
        text += "[" + values.map(String.init).joined(separator: ", ") + "]"
    }

    /// An array whose elements `body` writes.
    public func array(_ body: () -> Void) { container("[", "]", body) }

    public func bool(_ value: Bool) {
        beginValue()
        text += value ? "true" : "false"
    }

    public func null() {
        beginValue()
        text += "null"
    }

    /// An array of strings on one line.
    public func strings(_ values: [String]) {
        beginValue()
        text += "[" + values.map(Self.quoted).joined(separator: ", ") + "]"
    }

    /// Shortest text that reads back as the same double; JSON has no NaN or infinity, so those are null.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0.0" }
        return value.description
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
