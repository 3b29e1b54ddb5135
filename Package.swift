// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swarmsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "swarmsim", targets: ["swarmsim"]),
        .library(name: "SwarmSim", targets: ["SwarmSim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .target(
            name: "SwarmSim",
            dependencies: [
                // No HeapModule: EventQueue uses its own winner tree, which measured faster (see its doc comment).
                .product(name: "DequeModule", package: "swift-collections"),
                // The run store (Sources/SwarmSim/Store), over the system's libsqlite3.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "swarmsim",
            dependencies: [
                "SwarmSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Reading users' CSV files in `swarmsim fit`.
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .testTarget(
            name: "SwarmSimTests",
            // The CLI is a dependency so that `swift test` builds the binary the
            // cross-process determinism tests launch; GRDB, so that store tests can build
            // databases a store must refuse and read a store's tables.
            dependencies: ["SwarmSim", "swarmsim", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
