// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tov",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tov", targets: ["tov"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    ],
    targets: [
        // Turns the files in Resources/ into Swift source, so a copied binary carries its data.
        .executableTarget(name: "EmbedResources", path: "Sources/EmbedResources"),
        .plugin(
            name: "EmbedResourcesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResources"],
            path: "Plugins/EmbedResourcesPlugin"
        ),
        .target(
            name: "TovCore",
            path: "Sources/TovCore",
            plugins: ["EmbedResourcesPlugin"]
        ),
        .target(
            name: "TovStore",
            dependencies: [
                "TovCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            path: "Sources/TovStore"
        ),
        // iCalendar (RFC 5545) and CSV (RFC 4180) in and out.
        .target(name: "TovInterop", dependencies: ["TovCore"], path: "Sources/TovInterop"),
        .target(name: "TovUI", dependencies: ["TovCore"], path: "Sources/TovUI"),
        // ncursesw through a module map and a shim header; TovTerminal is its only user. No pkgConfig:
        // SwiftPM would drop its -D flags anyway (the shim defines what they did) and warn on every build.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TovTerminal", dependencies: ["TovUI", "CNCursesW"], path: "Sources/TovTerminal"),
        .executableTarget(
            name: "tov",
            dependencies: [
                "TovCore", "TovStore", "TovInterop", "TovUI", "TovTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/tov"
        ),
        // `make bench`: the recurrence engine's speed, in process.
        .executableTarget(name: "RecurrenceBench", dependencies: ["TovCore"], path: "Benchmarks/RecurrenceBench"),
        // `make bench`: the interface's first screen and keystrokes, in process.
        .executableTarget(name: "UIBench", dependencies: ["TovCore", "TovStore", "TovUI"], path: "Benchmarks/UIBench"),
        // Shared by the test targets: running programs, finding the built binary, scratch folders.
        .target(name: "TovTestSupport", path: "Tests/TovTestSupport"),
        .testTarget(name: "TovCoreTests", dependencies: ["TovCore", "TovTestSupport"], path: "Tests/TovCoreTests"),
        .testTarget(name: "TovInteropTests", dependencies: ["TovInterop", "TovCore", "TovTestSupport"], path: "Tests/TovInteropTests"),
        .testTarget(name: "TovStoreTests", dependencies: ["TovStore", "TovCore", "TovTestSupport"], path: "Tests/TovStoreTests"),
        .testTarget(name: "TovUITests", dependencies: ["TovUI", "TovCore"], path: "Tests/TovUITests", exclude: ["Snapshots"]),
        .testTarget(name: "TovTerminalTests", dependencies: ["TovTerminal", "TovUI", "CNCursesW"], path: "Tests/TovTerminalTests"),
        .testTarget(name: "TovCLITests", dependencies: ["TovCore", "TovTestSupport"], path: "Tests/TovCLITests"),
    ],
    swiftLanguageModes: [.v6]
)
