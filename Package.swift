// swift-tools-version:6.0
import PackageDescription

// The library is four targets in dependency order, so the compiler refuses a cycle between layers
// (docs/ARCHITECTURE.md):
//   SwarmKernel <- SwarmModel <- SwarmExperiment <- SwarmAnalysis <- swarmsim (the CLI)
let package = Package(
    name: "swarmsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "swarmsim", targets: ["swarmsim"]),
        .library(name: "SwarmSim", targets: ["SwarmKernel", "SwarmModel", "SwarmExperiment", "SwarmAnalysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // The clock, the event queue, random streams, distributions, statistics and queueing theory:
        // nothing about agents. No HeapModule: EventQueue uses its own winner tree, which measured
        // faster (see its doc comment).
        .target(name: "SwarmKernel", dependencies: [.product(name: "DequeModule", package: "swift-collections")]),
        // The coordination model: its configuration, the world, agents, topologies, and one run with
        // its metrics. Knows nothing of files, scenarios or stores.
        .target(
            name: "SwarmModel",
            dependencies: ["SwarmKernel", .product(name: "DequeModule", package: "swift-collections")]
        ),
        // Experiments: scenario files, plans, the parallel runner, the run store and the result files.
        .target(
            name: "SwarmExperiment",
            dependencies: [
                "SwarmKernel", "SwarmModel",
                // The run store (Sources/SwarmExperiment/Store), over the system's libsqlite3.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Reading results back: the HTML report.
        .target(name: "SwarmAnalysis", dependencies: ["SwarmKernel", "SwarmModel", "SwarmExperiment"]),
        .executableTarget(
            name: "swarmsim",
            dependencies: [
                "SwarmKernel", "SwarmModel", "SwarmExperiment", "SwarmAnalysis",
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
            dependencies: [
                "SwarmKernel", "SwarmModel", "SwarmExperiment", "SwarmAnalysis", "swarmsim",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

// The fuzzing target, only when SWARMSIM_FUZZ is set: scripts/fuzz.sh builds it with libFuzzer and
// AddressSanitizer in a build folder of its own, so ordinary builds and tests need neither.
if Context.environment["SWARMSIM_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "swarmsim-fuzz", dependencies: ["SwarmKernel", "SwarmModel", "SwarmExperiment"], path: "fuzz/Sources"))
}
