/// A problem in a memo template, located in the template file.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line and column.
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    public var description: String {
        "\(file):\(line):\(column): error: template: \(message)" + (hint.map { "\n      = hint: \($0)" } ?? "")
    }
}
