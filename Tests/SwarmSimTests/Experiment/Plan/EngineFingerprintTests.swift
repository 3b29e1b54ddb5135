import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

/// The engine fingerprint: a digest of the canonical runs that changes whenever behaviour does.
@Suite struct EngineFingerprintTests {
    private static let canonical = CanonicalRuns.configurations.map(\.config)

    @Test("Every mechanism and fault happens in some canonical run, so a change to any of them changes some result the fingerprint digests.")
    func canonicalRunsCoverEveryMechanism() {
        let results = Self.canonical.map {
            Simulation.run($0, seed: CanonicalRuns.seed, durationHours: CanonicalRuns.hours, sampleEveryHours: 6)
        }
        let mechanisms: [SummaryMetric] = [
            .tasksDone, .hardTasksDone, .conflicts, .lostUpdates, .duplicateTasks, .lockLeaks, .unlockedWrites, .crashes,
            .earlyStops, .busyworkShare, .brokenCommits, .mainRedShare, .lockWaitShare, .reworkShare, .rebaseShare,
            .blockedShare, .integratorQueueMean, .cycles, .freshStarts, .drift,
        ]
        for metric in mechanisms {
            #expect(results.contains { ($0[metric] ?? 0) > 0 }, "no canonical run has \(metric.rawValue) > 0")
        }
        #expect(Set(Self.canonical.map(\.topology.kind)) == Set(TopologyKind.allCases))
    }

    @Test("Changing one constant of the model changes the fingerprint, each change differently; the same runs give the same one.")
    func changesShow() {
        let perturbations: [(String, (inout ModelConfig) -> Void)] = [
            ("rework share", { $0.work.reworkFraction *= 1.01 }),
            ("board cost per entry", { $0.board.hoursPerEntry *= 1.01 }),
            ("lock lease", { $0.locks.leaseHours *= 1.01 }),
            ("rebase cost", { $0.conflicts.rebaseHoursPerFile *= 1.01 }),
            ("drift time scale", { $0.drift.tauHours *= 1.01 }),
            ("review time per conflict", { $0.topology.reviewHoursPerConflict *= 1.01 }),
        ]
        var seen: Set<String> = [EngineFingerprint.current]
        #expect(EngineFingerprint.compute(Self.canonical) == EngineFingerprint.current)
        for (name, change) in perturbations {
            let changed = EngineFingerprint.compute(Self.canonical.map { config in
                var config = config
                change(&config)
                return config
            })
            #expect(!seen.contains(changed), "changing the \(name) left the fingerprint as it was")
            seen.insert(changed)
        }
    }

    @Test("Another process computes the same fingerprint: the binary records the same build in the results it writes.")
    func sameInAnotherProcess() throws {
        let workspace = try Workspace(#"{"name": "s", "replications": 1, "duration_hours": 2, "sample_every_hours": 1}"#)
        let result = try workspace.run(["run", workspace.scenario, "--out", "out", "--db", "store.sqlite", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let resolved = try JSONDecoder().decode(JSONValue.self, from: workspace.data("out/scenario.resolved.json"))
        #expect(resolved.value(at: ["swarmsim_version"]) == .string(SwarmSimVersion.build))
        #expect(SwarmSimVersion.build.hasPrefix(SwarmSimVersion.current + "+engine."))
    }
}
