import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct RunStoreMergeTests {
    /// Stores in one temporary folder, by name.
    private struct Stores {
        let folder: TemporaryFolder

        init() throws {
            folder = try TemporaryFolder()
        }

        func path(_ name: String) -> String {
            folder.path("\(name).sqlite")
        }

        /// A store named `name` holding `plan`'s scenario and its runs at `positions`.
        func make(_ name: String, _ plan: RunPlan, positions: [Int]) throws {
            let store = try RunStore(file: path(name))
            try store.register(plan)
            try StoreFixtures.record(plan, into: store, positions: positions)
        }
    }

    @Test("Merging two overlapping shards gives the store that recorded every run; merging again changes nothing.")
    func mergeIsUnionAndIdempotent() throws {
        let stores = try Stores()
        let plan = try StoreFixtures.plan()
        try stores.make("first", plan, positions: Array(0..<5))
        try stores.make("second", plan, positions: Array(3..<8))
        try stores.make("direct", plan, positions: Array(plan.indices))

        let merged = try RunStore(file: stores.path("merged"))
        #expect(try merged.merge(from: stores.path("first")) == RunStore.MergeCount(scenarios: 1, runs: 5))
        #expect(try merged.merge(from: stores.path("second")) == RunStore.MergeCount(scenarios: 0, runs: 3))
        let once = try StoreFixtures.dump(stores.path("merged"))
        #expect(once == (try StoreFixtures.dump(stores.path("direct"))))

        #expect(try merged.merge(from: stores.path("first")) == RunStore.MergeCount(scenarios: 0, runs: 0))
        #expect(try merged.merge(from: stores.path("second")) == RunStore.MergeCount(scenarios: 0, runs: 0))
        #expect(try StoreFixtures.dump(stores.path("merged")) == once)

        let reversed = try RunStore(file: stores.path("reversed"))
        _ = try reversed.merge(from: stores.path("second"))
        _ = try reversed.merge(from: stores.path("first"))
        #expect(try StoreFixtures.dump(stores.path("reversed")) == once)
    }

    @Test("merge leaves its sources unchanged and refuses a store merged into itself or a file that is not a store.")
    func mergeRefusals() throws {
        let stores = try Stores()
        let plan = try StoreFixtures.plan()
        try stores.make("source", plan, positions: [0])
        let before = try StoreFixtures.dump(stores.path("source"))
        let target = try RunStore(file: stores.path("target"))
        _ = try target.merge(from: stores.path("source"))
        #expect(try StoreFixtures.dump(stores.path("source")) == before)

        #expect {
            try target.merge(from: stores.path("target"))
        } throws: { error in
            "\(error)" == "\(stores.path("target")): cannot merge a run store into itself"
        }
        let text = stores.folder.path("notes.txt")
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect {
            try target.merge(from: text)
        } throws: { error in
            "\(error)" == "\(text): not a swarmsim run store (not an SQLite database); left unchanged"
        }
        #expect(try StoreFixtures.dump(stores.path("target")) == before)
    }

    @Test("swarmsim merge copies every store named into the target and reports what each added; a bad source stops it first.")
    func mergeCommand() throws {
        let stores = try Stores()
        let plan = try StoreFixtures.plan()
        try stores.make("first", plan, positions: [0, 1])
        try stores.make("second", plan, positions: [1, 2])
        let result = try BuiltBinary.run(["merge", "first.sqlite", "second.sqlite", "--into", "all.sqlite"], in: stores.folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == """
            first.sqlite: 2 runs and 1 scenario added to all.sqlite
            second.sqlite: 1 run and 0 scenarios added to all.sqlite

            """)
        #expect(try StoreFixtures.count("runs", in: stores.path("all")) == 3)
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: stores.folder.path("notes.txt")))
        let refused = try BuiltBinary.run(["merge", "first.sqlite", "notes.txt", "--into", "new.sqlite"], in: stores.folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: notes.txt: not a swarmsim run store (not an SQLite database); left unchanged\n")
        #expect(!FileManager.default.fileExists(atPath: stores.path("new")))
    }
}
