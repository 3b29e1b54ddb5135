import Foundation
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Plans and sinks for the runner's tests.
enum RunnerFixtures {
    /// Two topologies over swarms of 1, 8 and 40 agents, 6 replicates: 36 runs of very different
    /// cost, so parallel runs finish out of plan order.
    static func plan(replications: Int = 6) throws -> RunPlan {
        try RunPlan(ScenarioFixtures.decode(ScenarioFixtures.text([
            "replications": replications,
            "duration_hours": 24,
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 8, 40]],
        ])))
    }

    /// A result no simulation produces: every summary metric -1, no samples.
    static let madeUpResult = RunResult(summary: SummaryMetric.allCases.map { _ in -1 }, samples: [])
}

/// Keeps every run it receives, in order of arrival.
final class RecordingSink: RunSink {
    private(set) var runs: [CompletedRun] = []

    func record(_ run: CompletedRun) {
        runs.append(run)
    }
}

/// A run store stand-in: answers from `stored` (by run seed, variant and sweep point) and keeps
/// every spec it was asked about.
final class DictionaryCache: RunCache {
    private let stored: [String: RunResult]
    private(set) var asked: [RunSpec] = []

    init(_ stored: [(spec: RunSpec, result: RunResult)]) {
        self.stored = Dictionary(uniqueKeysWithValues: stored.map { (DictionaryCache.key($0.spec), $0.result) })
    }

    func addresses(of specs: [RunSpec]) -> [(address: RunAddress, stored: Bool)] {
        asked += specs
        return specs.map { (RunAddress($0), stored[DictionaryCache.key($0)] != nil) }
    }

    func storedResult(at address: RunAddress, of spec: RunSpec) -> RunResult? {
        stored[DictionaryCache.key(spec)]
    }

    private static func key(_ spec: RunSpec) -> String {
        "\(spec.variant)|\(spec.point)|\(spec.replicate)"
    }
}
