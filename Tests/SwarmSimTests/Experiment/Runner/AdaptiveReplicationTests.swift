import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A run store that also counts the runs it is handed that were simulated rather than reused, and
/// the stored runs read back from it.
private final class CountingStore: RunSink, RunCache {
    let store: RunStore
    private(set) var simulated = 0
    private(set) var reads = 0

    init(_ file: String) throws {
        store = try RunStore(file: file)
    }

    func record(_ run: CompletedRun) throws {
        if !run.reused { simulated += 1 }
        try store.record(run)
    }

    func flush() throws {
        try store.flush()
    }

    func addresses(of specs: [RunSpec]) throws -> [(address: RunAddress, stored: Bool)] {
        try store.addresses(of: specs)
    }

    func storedResult(at address: RunAddress, of spec: RunSpec) throws -> RunResult? {
        reads += 1
        return try store.storedResult(at: address, of: spec)
    }
}

@Suite struct AdaptiveReplicationTests {
    private let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Two topologies at 5 and 20 agents for a day, with `replicates` replicates.
    private func plan(_ replicates: Int) throws -> RunPlan {
        try RunPlan(ScenarioFixtures.decode(ScenarioFixtures.text([
            "duration_hours": 24,
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [5, 20]],
        ]), settings: ["replications=\(replicates)"]))
    }

    /// The widest relative half-width of `plan(replicates)`, each run simulated afresh.
    private func width(_ target: ReplicationTarget, replicates: Int) async throws -> Double {
        let plan = try plan(replicates)
        let table = ReplicateTable(plan: plan, metrics: [target.metric])
        try await ExperimentRunner.run(plan, into: [table])
        return target.widestRelativeHalfWidth(in: table, groups: plan.groups.count)
    }

    @Test("The count chosen is the first whole number of batches that meets the target, and the width is what it reached.")
    func firstBatchThatMeetsTheTarget() async throws {
        let first = try await width(ReplicationTarget(relativeHalfWidth: 0.5, batch: 2, cap: 2), replicates: 2)
        try #require(first.isFinite && first > 0)
        let target = ReplicationTarget(relativeHalfWidth: first / 3, batch: 2, cap: 40)
        let choice = try await AdaptiveReplication.choose(
            target, plan: plan, store: CountingStore(folder.path("runs.sqlite")), jobs: 2)
        var expected = target.batch
        while expected < target.cap, try await width(target, replicates: expected) > target.relativeHalfWidth {
            expected += target.batch
        }
        #expect(choice.replicates == expected && expected > target.batch)
        #expect(choice.plan.count == expected * 4)
        #expect(choice.widestRelativeHalfWidth == (try await width(target, replicates: expected)))
        #expect(choice.widestRelativeHalfWidth <= target.relativeHalfWidth)
    }

    @Test("The choice does not depend on the number of jobs; every run is simulated once across the batches, and none is read back.")
    func deterministicAndSimulatedOnce() async throws {
        let target = ReplicationTarget(relativeHalfWidth: 0.02, batch: 3, cap: 30)
        let one = try CountingStore(folder.path("one.sqlite"))
        let four = try CountingStore(folder.path("four.sqlite"))
        let byOne = try await AdaptiveReplication.choose(target, plan: plan, store: one, jobs: 1)
        let byFour = try await AdaptiveReplication.choose(target, plan: plan, store: four, jobs: 4)
        #expect(byOne.replicates == byFour.replicates && byOne.replicates > target.batch)
        #expect(byOne.widestRelativeHalfWidth == byFour.widestRelativeHalfWidth)
        #expect(one.simulated == byOne.plan.count && four.simulated == byFour.plan.count)
        #expect(one.reads == 0 && four.reads == 0)
        // Chosen again over the same store, every run is found stored and none simulated.
        let again = try await AdaptiveReplication.choose(target, plan: plan, store: one, jobs: 2)
        #expect(again.replicates == byOne.replicates && again.widestRelativeHalfWidth == byOne.widestRelativeHalfWidth)
        #expect(one.simulated == byOne.plan.count && one.reads == byOne.plan.count)
    }

    @Test("At the cap it stops short of the target, saying how wide the interval still is.")
    func stopsAtTheCap() async throws {
        let target = ReplicationTarget(relativeHalfWidth: 1e-9, batch: 2, cap: 5)
        let choice = try await AdaptiveReplication.choose(target, plan: plan, store: CountingStore(folder.path("runs.sqlite")), jobs: 2)
        #expect(choice.replicates == 5)
        #expect(choice.widestRelativeHalfWidth > target.relativeHalfWidth)
        #expect(choice.widestRelativeHalfWidth == (try await width(target, replicates: 5)))
    }

    @Test("A scenario's target has batches of its replication count, at least 2, up to a cap of at least one batch.")
    func targetForAScenario() {
        #expect(ReplicationTarget(relativeHalfWidth: 0.1, batchesOf: 10, upTo: 1000) == ReplicationTarget(relativeHalfWidth: 0.1, batch: 10, cap: 1000))
        #expect(ReplicationTarget(relativeHalfWidth: 0.1, batchesOf: 1, upTo: 1000).batch == 2)
        #expect(ReplicationTarget(relativeHalfWidth: 0.1, batchesOf: 10, upTo: 4).cap == 10)
    }
}
