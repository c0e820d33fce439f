import Foundation

/// Where the repository, its fixtures and its models are, for every test target.
public enum TestPaths {
    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The model fixtures (`valid/`, `invalid/`) shared by the loader, CLI and workbook tests.
    public static let modelFixtures = repository.appendingPathComponent("Tests/TCOLoadingTests/Fixtures")

    /// `Models/NAME`.
    public static func model(_ name: String) -> URL { repository.appendingPathComponent("Models/\(name)") }

    /// A path relative to the repository.
    public static func file(_ relativePath: String) -> URL { repository.appendingPathComponent(relativePath) }

    /// A new empty temporary folder whose name starts with `prefix`.
    public static func temporaryFolder(_ prefix: String = "tco-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
