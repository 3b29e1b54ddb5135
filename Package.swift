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
    ],
    targets: [
        .target(
            name: "SwarmSim",
            dependencies: [
                // No HeapModule: EventQueue uses its own winner tree, which measured faster (see its doc comment).
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "swarmsim",
            dependencies: [
                "SwarmSim",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SwarmSimTests",
            // The CLI is a dependency so that `swift test` builds the binary the
            // cross-process determinism tests launch.
            dependencies: ["SwarmSim", "swarmsim"]
        ),
    ]
)
