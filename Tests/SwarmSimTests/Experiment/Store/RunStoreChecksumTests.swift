import Foundation
import GRDB
import Synchronization
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The damage a reliability campaign found a store serving (issue 11): changed bytes, deleted
/// samples, a deleted run row. Each is now caught by the run's checksum and sample count, reported,
/// simulated again and replaced; `verify` finds it and `repair` drops it.
@Suite struct RunStoreChecksumTests {
    private let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// A store holding every run of the fixture plan, and the plan.
    private func filledStore() async throws -> (file: String, plan: RunPlan) {
        let file = folder.path("runs.sqlite")
        let plan = try StoreFixtures.plan()
        let store = try RunStore(file: file)
        try store.register(plan)
        try await ExperimentRunner.run(plan, into: [store], jobs: 2, cache: store)
        return (file, plan)
    }

    /// Runs `sql` on the store at `file` behind swarmsim's back, as the sqlite3 shell does: without
    /// enforcing foreign keys.
    private func tamper(_ file: String, _ sql: String, _ arguments: StatementArguments = []) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let database = try DatabaseQueue(path: file, configuration: configuration)
        try database.write { db in try db.execute(sql: sql, arguments: arguments) }
        try database.close()
    }

    /// A damage and what `verify` must say of it.
    struct Damage: CustomStringConvertible, Sendable {
        let description: String
        let sql: String
    }

    static let damages = [
        Damage(description: "a sample metric changed in its last bit",
               sql: "UPDATE samples SET tasks_done = tasks_done + 1e-9 WHERE address = ? AND sample_index = 1"),
        Damage(description: "a summary metric changed", sql: "UPDATE runs SET throughput_tasks_per_hour = throughput_tasks_per_hour * 2 + 1 WHERE address = ?"),
        Damage(description: "a summary metric made NULL", sql: "UPDATE runs SET cost_usd = NULL WHERE address = ?"),
        Damage(description: "the run's samples deleted", sql: "DELETE FROM samples WHERE address = ?"),
        Damage(description: "the last sample deleted",
               sql: "DELETE FROM samples WHERE address = ?1 AND sample_index = (SELECT max(sample_index) FROM samples WHERE address = ?1)"),
        Damage(description: "the checksum changed", sql: "UPDATE runs SET checksum = 'x' WHERE address = ?"),
    ]

    @Test("A damaged run is reported, simulated again and replaced: the sweep's results are those of a clean store, and the store is sound after.",
          arguments: damages)
    func damagedRunIsSimulatedAgain(damage: Damage) async throws {
        let (file, plan) = try await filledStore()
        let victim = RunAddress(plan[1])
        try tamper(file, damage.sql, [victim.hex])
        let found = try RunStore(file: file, access: .readOnly).verify()
        #expect(found.damagedRuns.map(\.address) == [victim.hex])
        #expect(throws: RunStoreError.self) { try RunStore(file: file, access: .readOnly).storedResult(for: plan[1]) }

        let reports = Mutex<[RunStore.Damage]>([])
        let store = try RunStore(file: file, onDamage: { damage in reports.withLock { $0.append(damage) } })
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [store, sink], jobs: 2, cache: store)
        #expect(reports.withLock { $0.map(\.address) } == [victim])
        #expect(sink.runs.filter { !$0.reused }.map(\.id) == [2])
        for run in sink.runs {
            #expect(run.result == Simulation.run(run.spec))
        }
        #expect(try store.verify().isSound)
        #expect(try store.storedResult(for: plan[1]) == Simulation.run(plan[1]))
    }

    @Test("A deleted run row leaves samples behind: the run is simulated again and its samples replaced, no UNIQUE failure.")
    func orphanedSamplesDoNotBlockRecovery() async throws {
        let (file, plan) = try await filledStore()
        let victim = RunAddress(plan[2])
        try tamper(file, "DELETE FROM runs WHERE address = ?", [victim.hex])
        #expect(try RunStore(file: file, access: .readOnly).verify().orphanedSampleAddresses == [victim.hex])
        let store = try RunStore(file: file)
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [store, sink], jobs: 2, cache: store)
        #expect(sink.runs.filter { !$0.reused }.map(\.id) == [3])
        #expect(try store.verify().isSound)
        #expect(try store.storedResult(for: plan[2]) == Simulation.run(plan[2]))
    }

    @Test("repair drops damaged runs and orphaned samples, and only those; the next sweep simulates exactly them.")
    func repairDropsWhatFails() async throws {
        let (file, plan) = try await filledStore()
        try tamper(file, "UPDATE runs SET tasks_done = tasks_done + 1 WHERE address = ?", [RunAddress(plan[0]).hex])
        try tamper(file, "DELETE FROM runs WHERE address = ?", [RunAddress(plan[3]).hex])
        let store = try RunStore(file: file)
        let runsBefore = try StoreFixtures.count("runs", in: file)
        #expect(try store.repair() == RunStore.Repair(droppedRuns: 1, droppedOrphans: 1))
        #expect(try StoreFixtures.count("runs", in: file) == runsBefore - 1)
        #expect(try store.verify().isSound)
        #expect(try store.repair() == RunStore.Repair(droppedRuns: 0, droppedOrphans: 0))
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [store, sink], jobs: 2, cache: store)
        #expect(sink.runs.filter { !$0.reused }.map(\.id) == [1, 4])
    }

    @Test("A store opened only to read serves a sweep whose runs are all stored, and fails by name when a run must be written.")
    func readOnlyStoreServesStoredRuns() async throws {
        let (file, plan) = try await filledStore()
        let before = try StoreFixtures.dump(file)
        let store = try RunStore(file: file, access: .readOnly)
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [store, sink], jobs: 2, cache: store)
        #expect(sink.runs.count == plan.count && sink.runs.allSatisfy(\.reused))
        let larger = try StoreFixtures.plan(settings: ["replications=3"])
        await #expect {
            try await ExperimentRunner.run(larger, into: [store], jobs: 2, cache: store)
        } throws: { error in
            guard case .unwritable(file, _) = error as? RunStoreError else { return false }
            return true
        }
        #expect(try StoreFixtures.dump(file) == before)
    }

    @Test("The checksum depends on every value's bits, on NULL against 0, and on where the samples split.")
    func checksumCoversEveryValue() {
        let summary: [Double?] = [1, nil, -0.0]
        let base = RunChecksum.hex(summary: summary, samples: [[1, 2], [3, 4]])
        #expect(base.count == 64)
        #expect(base == RunChecksum.hex(summary: summary, samples: [[1, 2], [3, 4]]))
        #expect(base != RunChecksum.hex(summary: [1, nil, 0.0], samples: [[1, 2], [3, 4]]))
        #expect(base != RunChecksum.hex(summary: [1, 0, -0.0], samples: [[1, 2], [3, 4]]))
        #expect(base != RunChecksum.hex(summary: summary, samples: [[1, 2], [3, 4.000000000000001]]))
        #expect(base != RunChecksum.hex(summary: summary, samples: [[1, 2]]))
        #expect(base != RunChecksum.hex(summary: summary + [1], samples: [[2], [3, 4]]))
    }
}
