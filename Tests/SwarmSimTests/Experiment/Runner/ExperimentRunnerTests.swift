import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias R = RunnerFixtures

/// Cancels the task it runs in once it has received `limit` runs, as SIGINT does in the CLI.
private final class CancellingSink: RunSink {
    private let limit: Int
    private var received = 0

    init(after limit: Int) {
        self.limit = limit
    }

    func record(_ run: CompletedRun) {
        received += 1
        if received == limit { withUnsafeCurrentTask { $0?.cancel() } }
    }
}

private struct SinkFailure: Error {}

/// Throws on the run with id `id`.
private final class FailingSink: RunSink {
    let id: Int

    init(failingAt id: Int) {
        self.id = id
    }

    func record(_ run: CompletedRun) throws {
        if run.id == id { throw SinkFailure() }
    }
}

@Suite struct ExperimentRunnerTests {
    @Test("With several jobs, every sink receives every run once, in plan order, with the results of one job.")
    func parallelRunsArriveInPlanOrder() async throws {
        let plan = try R.plan()
        let serial = RecordingSink()
        try await ExperimentRunner.run(plan, into: [serial], jobs: 1)
        for jobs in [2, 4, 7] {
            let first = RecordingSink()
            let second = RecordingSink()
            try await ExperimentRunner.run(plan, into: [first, second], jobs: jobs)
            #expect(first.runs.map(\.id) == Array(1...plan.count), "jobs \(jobs)")
            #expect(second.runs.map(\.id) == first.runs.map(\.id))
            #expect(first.runs.map(\.result) == serial.runs.map(\.result), "jobs \(jobs)")
            #expect(first.runs.map(\.spec) == Array(plan) && first.runs.allSatisfy { !$0.reused })
        }
    }

    @Test("A run the cache holds is not simulated: the stored result is delivered, marked reused, in its place.")
    func cacheHitsAreNotSimulated() async throws {
        let plan = try R.plan()
        let cache = DictionaryCache(plan.indices.filter { $0 % 3 == 1 }.map { (plan[$0], R.madeUpResult) })
        let sink = RecordingSink()
        try await ExperimentRunner.run(plan, into: [sink], jobs: 3, cache: cache)
        #expect(sink.runs.map(\.id) == Array(1...plan.count))
        #expect(cache.asked == Array(plan))
        for run in sink.runs {
            let isStored = (run.id - 1) % 3 == 1
            #expect(run.reused == isStored, "run \(run.id)")
            #expect((run.result == R.madeUpResult) == isStored, "run \(run.id)")
        }
    }

    @Test("Files written from stored results are byte-identical to files written from simulations.")
    func storedResultsWriteTheSameFiles() async throws {
        let plan = try R.plan()
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fresh = RecordingSink()
        _ = try await ExperimentRunner.run(plan, writingTo: folder.appendingPathComponent("fresh"), alsoInto: [fresh], jobs: 2)
        let halfStored = fresh.runs.filter { $0.id % 2 == 0 }.map { ($0.spec, $0.result) }
        let resumed = RecordingSink()
        _ = try await ExperimentRunner.run(plan, writingTo: folder.appendingPathComponent("resumed"), alsoInto: [resumed], jobs: 2,
                                           cache: DictionaryCache(halfStored))
        #expect(resumed.runs.filter(\.reused).count == plan.count / 2)
        for file in ResultsWriter.files {
            let a = try Data(contentsOf: folder.appendingPathComponent("fresh/\(file)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("resumed/\(file)"))
            #expect(!a.isEmpty && a == b, "\(file) differs")
        }
    }

    @Test("Cancelled, the runner delivers a prefix of the plan, throws ExperimentInterrupted and leaves no files.")
    func cancellationStopsCleanly() async throws {
        let plan = try R.plan()
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A task of its own, since cancelling the test's task would cancel the test.
        let (delivered, error) = await Task {
            let sink = RecordingSink()
            do {
                _ = try await ExperimentRunner.run(plan, writingTo: folder, alsoInto: [sink, CancellingSink(after: 5)], jobs: 3)
                return (sink.runs.map(\.id), nil as ExperimentInterrupted?)
            } catch {
                return (sink.runs.map(\.id), error as? ExperimentInterrupted)
            }
        }.value
        let interrupted = try #require(error)
        #expect(interrupted.total == plan.count)
        #expect((5..<plan.count).contains(interrupted.finished))
        #expect(delivered == Array(1...interrupted.finished))
        #expect(interrupted.description == "interrupted after \(interrupted.finished) of \(plan.count) runs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("A sink's error stops the experiment, is rethrown, and leaves no files.")
    func sinkErrorStops() async throws {
        let plan = try R.plan()
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = RecordingSink()
        await #expect(throws: SinkFailure.self) {
            _ = try await ExperimentRunner.run(plan, writingTo: folder, alsoInto: [FailingSink(failingAt: 9), sink], jobs: 4)
        }
        #expect(sink.runs.map(\.id) == Array(1...8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("A shard's runs arrive in plan order with their plan ids and the whole plan's results.")
    func shardRunsKeepTheirIds() async throws {
        let plan = try R.plan()
        let whole = RecordingSink()
        try await ExperimentRunner.run(plan, into: [whole], jobs: 2)
        let shard = try #require(Shard(index: 2, count: 5))
        let part = RecordingSink()
        try await ExperimentRunner.run(plan, shard: shard, into: [part], jobs: 2)
        #expect(part.runs.map(\.id) == [2, 7, 12, 17, 22, 27, 32])
        #expect(part.runs.map(\.result) == part.runs.map { whole.runs[$0.id - 1].result })
    }
}
