// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TokenTCO",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tco", targets: ["tco"]),
        .library(name: "TCOCore", targets: ["TCOCore"]),
        .library(name: "TCOLoading", targets: ["TCOLoading"]),
        .library(name: "TCOWorkbook", targets: ["TCOWorkbook"]),
        .library(name: "TCOMemo", targets: ["TCOMemo"]),
        .library(name: "TCOCharts", targets: ["TCOCharts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // The domain: model, quantities, diagnostics, solver. Standard library (and the
        // pure-Swift math of swift-numerics) only, no I/O.
        .target(
            name: "TCOCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")]
        ),
        // Reads model files (YAML) into a validated model, with located diagnostics.
        .target(
            name: "TCOLoading",
            dependencies: ["TCOCore", .product(name: "Yams", package: "Yams")]
        ),
        // Debian's libxlsxwriter-dev, wrapped once by TCOWorkbook.
        .systemLibrary(
            name: "CXLSXWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]),
        // The XLSX workbook: live formulas over named inputs, checked by LibreOffice in the tests.
        .target(name: "TCOWorkbook", dependencies: ["TCOCore", "TCOLoading", "CXLSXWriter"]),
        // SVG charts (cumulative cash cost, cost per million tokens): plain data in, text out, no I/O.
        .target(name: "TCOCharts", dependencies: ["TCOCore"]),
        // The review memo: Markdown from a Mustache template in Templates/, and its SVG charts.
        .target(
            name: "TCOMemo",
            dependencies: [
                "TCOCore", "TCOLoading", "TCOCharts", .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // `tco serve`: the review page (Hummingbird), in its own target so the rest builds without it.
        .target(
            name: "TCOReview",
            dependencies: [
                "TCOCore", "TCOLoading", "TCOCharts", "TCOMemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "tco",
            dependencies: [
                "TCOCore", "TCOLoading", "TCOWorkbook", "TCOMemo", "TCOReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make bench`: load and solve timings and peak memory (printed, never asserted).
        .executableTarget(name: "tco-bench", dependencies: ["TCOCore", "TCOLoading", "TCOReview"]),
        // `make fuzz`: libFuzzer entry point over the loader (built with -sanitize=fuzzer,address).
        .executableTarget(name: "tco-fuzz", dependencies: ["TCOCore", "TCOLoading"]),
        // One copy of the test helpers: paths, tolerances, running `tco`, LibreOffice.
        .target(name: "TCOTestSupport", path: "Tests/TCOTestSupport"),
        .testTarget(
            name: "TCOCoreTests",
            dependencies: [
                "TCOCore", "TCOTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "TCOLoadingTests",
            dependencies: ["TCOLoading", "TCOCore", "TCOTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "tcoTests", dependencies: ["TCOCore", "TCOTestSupport"]),
        .testTarget(
            name: "TCOMemoTests", dependencies: ["TCOMemo", "TCOLoading", "TCOCore", "TCOTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TCOWorkbookTests", dependencies: ["TCOWorkbook", "TCOLoading", "TCOCore", "TCOTestSupport"]),
        .testTarget(name: "TCOChartsTests", dependencies: ["TCOCharts", "TCOCore", "TCOTestSupport"]),
    ]
)
