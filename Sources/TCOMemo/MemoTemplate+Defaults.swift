/// The templates `tco report` and `tco compare` use when no `--template` is given.
extension MemoTemplate {
    /// The review memo template at `path`, or the built-in one (Templates/memo.md.mustache) when `nil`.
    public static func memo(at path: String?) throws -> MemoTemplate {
        if let path { return try MemoTemplate(path: path) }
        return try MemoTemplate(text: DefaultTemplates.memo, file: "Templates/memo.md.mustache (built in)")
    }

    /// The compare memo template at `path`, or the built-in one (Templates/compare.md.mustache) when `nil`.
    public static func compare(at path: String?) throws -> MemoTemplate {
        if let path { return try MemoTemplate(path: path) }
        return try MemoTemplate(text: DefaultTemplates.compare, file: "Templates/compare.md.mustache (built in)")
    }
}
