import Foundation
import GRDB
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct RunStoreTests {
    private let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The path of store `name` in the test's folder.
    private func storeFile(_ name: String = "runs") -> String {
        folder.path("\(name).sqlite")
    }

    private func bits(_ values: [Double?]) -> [UInt64?] {
        values.map { $0?.bitPattern }
    }

    @Test("A stored result comes back bit for bit: nil, -0.0, infinities, subnormals and extremes included.")
    func exactRoundTrip() throws {
        let store = try RunStore(file: storeFile())
        let spec = try StoreFixtures.plan()[0]
        let awkward: [Double?] = [nil, -0.0, 0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                  -.leastNormalMagnitude, 0.1, 1 / 3, 1e-300, -123456789.125]
        var generator = SplitMix64(seed: 7)
        let summary = (0..<RunResult.summaryColumns.count).map { index -> Double? in
            index < awkward.count ? awkward[index] : Double(bitPattern: generator.next() & ~(0x7ff << 52))
        }
        let samples = (0..<5).map { row in
            (0..<RunResult.sampleColumns.count).map { column -> Double? in
                let value = Double(row) - Double(column) / 2
                return (row + column) % 4 == 0 ? nil : value
            }
        }
        let result = RunResult(summary: summary, samples: samples)
        try store.record(CompletedRun(id: 1, spec: spec, result: result))
        let stored = try #require(try store.storedResult(for: spec))
        #expect(bits(stored.summary) == bits(result.summary))
        #expect(stored.samples.map(bits) == result.samples.map(bits))
    }

    @Test("A simulated run round-trips through a store opened again, and an unknown run is nil.")
    func simulatedRoundTrip() throws {
        let file = storeFile()
        let plan = try StoreFixtures.plan()
        try StoreFixtures.record(plan, into: RunStore(file: file), positions: [0, 5])
        let reopened = try RunStore(file: file, access: .readOnly)
        #expect(try reopened.storedResult(for: plan[5]) == Simulation.run(plan[5]))
        #expect(try reopened.storedResult(for: plan[1]) == nil)
    }

    @Test("Recording a run whose address is stored changes nothing, even with another result.")
    func idempotentRecord() throws {
        let file = storeFile()
        let store = try RunStore(file: file)
        let plan = try StoreFixtures.plan()
        try StoreFixtures.record(plan, into: store, positions: [0, 1])
        let before = try StoreFixtures.dump(file)
        try StoreFixtures.record(plan, into: store, positions: [1, 0])
        let other = RunResult(summary: RunResult.summaryColumns.map { _ in 1 }, samples: [])
        try store.record(CompletedRun(id: 1, spec: plan[0], result: other))
        try store.flush()
        #expect(try StoreFixtures.dump(file) == before)
        #expect(try StoreFixtures.count("runs", in: file) == 2)
        #expect(try store.storedResult(for: plan[0]) == Simulation.run(plan[0]))
    }

    @Test("The migrations' metric columns are today's metrics: a changed metric list needs a new migration.")
    func schemaMatchesMetrics() throws {
        #expect(RunStoreSchema.version1SummaryColumns + RunStoreSchema.version2SummaryColumns + RunStoreSchema.version4SummaryColumns
            == RunResult.summaryColumns)
        #expect(RunStoreSchema.version1SampleColumns == RunResult.sampleColumns)
    }

    @Test("A schema 1 store is upgraded when written: its runs gain the schema 2 metric exactly as a new run computes it.")
    func upgradeFromSchema1() throws {
        let (current, old) = (storeFile("current"), storeFile("old"))
        let plan = try StoreFixtures.plan()
        try StoreFixtures.record(plan, into: RunStore(file: current))
        // The same runs in a store as schema 1 held them: every table copied, the runs without the new column.
        let legacy = try DatabaseQueue(path: old)
        try RunStoreSchema.migrator.migrate(legacy, upTo: "v1")
        try legacy.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current])
            for table in ["scenarios", "models"] {
                try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM current.\(table)")
            }
            let columns = ["address", "scenario", "variant", "topology", "agents", "point", "replicate", "seed", "swarmsim_version",
                           "duration_hours", "sample_every_hours", "model", "parameters"] + RunStoreSchema.version1SummaryColumns
            try db.execute(sql: "INSERT INTO main.runs SELECT \(RunStore.quoted(columns)) FROM current.runs")
            try db.execute(sql: "INSERT INTO main.samples SELECT * FROM current.samples")
            try db.execute(sql: "DETACH DATABASE current")
        }
        try legacy.close()
        #expect(try StoreFixtures.count("runs", in: old) == plan.count)
        #expect(try StoreFixtures.dump(old) != StoreFixtures.dump(current))

        let upgraded = try RunStore(file: old)
        #expect(try StoreFixtures.dump(old) == StoreFixtures.dump(current))
        let defined = try plan.indices.compactMap { try upgraded.storedResult(for: plan[$0])?[.costPerEffectiveAgentHourUSD] }
        #expect(!defined.isEmpty && defined.allSatisfy { $0 > 0 })
    }

    @Test("A schema 3 store gains retry_share: 0 outside optimistic (nothing else retries), unknown for optimistic runs; read as it is, it gives the same.")
    func upgradeFromSchema3() throws {
        let (current, old) = (storeFile("current"), storeFile("old"))
        let plan = try StoreFixtures.plan()
        let optimistic = try StoreFixtures.plan(StoreFixtures.optimisticScenarioText)
        try StoreFixtures.record(plan, into: RunStore(file: current))
        try StoreFixtures.record(optimistic, into: RunStore(file: current))
        // The same runs as schema 3 held them: without the column.
        let legacy = try DatabaseQueue(path: old)
        try RunStoreSchema.migrator.migrate(legacy, upTo: "v3")
        try legacy.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [current])
            for table in ["scenarios", "models"] {
                try db.execute(sql: "INSERT INTO main.\(table) SELECT * FROM current.\(table)")
            }
            let columns = ["address", "scenario", "variant", "topology", "agents", "point", "replicate", "seed", "swarmsim_version",
                           "duration_hours", "sample_every_hours", "model", "parameters"]
                + RunStoreSchema.version1SummaryColumns + RunStoreSchema.version2SummaryColumns
            try db.execute(sql: "INSERT INTO main.runs SELECT \(RunStore.quoted(columns)) FROM current.runs")
            try db.execute(sql: "INSERT INTO main.samples SELECT * FROM current.samples")
            try db.execute(sql: "DETACH DATABASE current")
        }
        try legacy.close()
        func check(_ store: RunStore) throws {
            for spec in plan {
                #expect(try store.storedResult(for: spec)?[.retryShare] == 0)
            }
            for spec in optimistic {
                let stored = try #require(try store.storedResult(for: spec))
                #expect(stored[.retryShare] == nil && stored[.throughput] == Simulation.run(spec)[.throughput])
            }
        }
        try check(RunStore(file: old, access: .readOnly))
        try check(RunStore(file: old))
    }

    @Test("A new store is in WAL mode and records its format and schema version, and no clock time.")
    func metadata() throws {
        let file = storeFile()
        _ = try RunStore(file: file)
        #expect(try StoreFixtures.dump(file) == [
            #"metadata [key:"format" value:"swarmsim run store"]"#, #"metadata [key:"schema_version" value:"6"]"#,
        ])
        #expect(try DatabaseQueue(path: file).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test("Two stores holding the same runs recorded in different orders hold the same rows.")
    func orderIndependent() throws {
        let plan = try StoreFixtures.plan()
        let (first, second) = (storeFile("first"), storeFile("second"))
        try StoreFixtures.record(plan, into: RunStore(file: first), positions: [0, 3, 6])
        try StoreFixtures.record(plan, into: RunStore(file: second), positions: [6, 0, 3])
        #expect(try StoreFixtures.dump(first) == StoreFixtures.dump(second))
    }

    @Test("Two connections writing one new store from two threads at once lose nothing.")
    func concurrentWriters() async throws {
        let file = storeFile()
        let plan = try StoreFixtures.plan(settings: ["replications=6"])
        let halves = [Array(plan.indices.filter { $0 % 2 == 0 }), Array(plan.indices.filter { $0 % 2 == 1 })]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for positions in halves + [Array(plan.indices.reversed())] {
                group.addTask {
                    try StoreFixtures.record(plan, into: RunStore(file: file), positions: positions)
                }
            }
            try await group.waitForAll()
        }
        let store = try RunStore(file: file, access: .readOnly)
        #expect(try StoreFixtures.count("runs", in: file) == plan.count)
        for position in plan.indices {
            #expect(try store.storedResult(for: plan[position]) == Simulation.run(plan[position]))
        }
    }

    @Test("Connections creating one store at the same moment all open it.")
    func concurrentCreation() async throws {
        for attempt in 0..<10 {
            let file = storeFile("runs-\(attempt)")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try RunStore(file: file) }
                }
                try await group.waitForAll()
            }
            #expect(try StoreFixtures.dump(file).count == 2)
        }
    }

    @Test("A file that is not SQLite is refused by name and left unchanged.")
    func notADatabase() throws {
        let file = storeFile()
        let text = Data(String(repeating: "not a database\n", count: 100).utf8)
        try text.write(to: URL(fileURLWithPath: file))
        #expect {
            try RunStore(file: file)
        } throws: { error in
            (error as? RunStoreError)?.description == "\(file): not a swarmsim run store (not an SQLite database); left unchanged"
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == text)
    }

    @Test("An SQLite database of something else is refused by name and left unchanged.")
    func foreignDatabase() throws {
        let file = storeFile()
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "CREATE TABLE metadata (name TEXT); CREATE TABLE notes (text TEXT)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for access in [RunStore.Access.readWrite, .readOnly] {
            #expect {
                try RunStore(file: file, access: access)
            } throws: { error in
                (error as? RunStoreError)?.description == "\(file): an SQLite database, but not a swarmsim run store; left unchanged"
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test("A store of a newer schema is refused, naming the file and both versions.")
    func newerSchema() throws {
        let file = storeFile()
        _ = try RunStore(file: file)
        try DatabaseQueue(path: file).write { db in
            try db.execute(sql: "UPDATE metadata SET value = '8' WHERE key = 'schema_version'")
        }
        #expect {
            try RunStore(file: file)
        } throws: { error in
            (error as? RunStoreError)?.description
                == "\(file): made by a newer swarmsim (store schema 8; this swarmsim reads up to 6); upgrade swarmsim"
        }
    }

    @Test("Paths that cannot hold a store, a missing store read, and a write to a read-only store fail by name.")
    func unusablePaths() throws {
        let blocker = folder.url.appendingPathComponent("file.txt")
        try Data("x".utf8).write(to: blocker)
        let underFile = blocker.appendingPathComponent("runs.sqlite").path
        #expect {
            try RunStore(file: underFile)
        } throws: { error in
            guard case .cannotOpen(underFile, _) = error as? RunStoreError else { return false }
            return "\(error)".hasPrefix("\(underFile): cannot open the run store: ")
        }
        let missing = folder.path("missing.sqlite")
        #expect {
            try RunStore(file: missing, access: .readOnly)
        } throws: { error in
            "\(error)" == "\(missing): cannot open the run store: no such file"
        }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let file = folder.path("runs.sqlite")
        _ = try RunStore(file: file)
        let plan = try StoreFixtures.plan()
        #expect {
            try StoreFixtures.record(plan, into: RunStore(file: file, access: .readOnly), positions: [0])
        } throws: { error in
            guard case .unwritable(file, _) = error as? RunStoreError else { return false }
            return true
        }
        #expect(try StoreFixtures.count("runs", in: file) == 0)
    }
}
