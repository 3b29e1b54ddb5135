import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct ResumeTests {
    @Test("Raising the replication count later simulates only the new replicates; the rest come from the store.")
    func addingReplicatesRunsOnlyTheNewOnes() async throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(file: folder.path("runs.sqlite"))
        let three = try StoreFixtures.plan(settings: ["replications=3"])
        try await ExperimentRunner.run(three, into: [store], jobs: 2, cache: store)
        let six = try StoreFixtures.plan(settings: ["replications=6"])
        let sink = RecordingSink()
        try await ExperimentRunner.run(six, into: [store, sink], jobs: 2, cache: store)
        #expect(sink.runs.count == 6 * six.groups.count)
        #expect(sink.runs.filter(\.reused).map(\.spec.replicate) == Array(repeating: [0, 1, 2], count: six.groups.count).flatMap { $0 })
        // The reused results are the ones a fresh simulation gives.
        for run in sink.runs where run.reused {
            #expect(run.result == Simulation.run(run.spec))
        }
    }
}

@Suite struct ReplicationTargetTests {
    private func table(_ values: [[Double]]) throws -> (ReplicateTable, RunPlan) {
        let plan = try StoreFixtures.plan(settings: ["replications=\(values[0].count)"])
        let table = ReplicateTable(plan: plan, metrics: [.throughput])
        for (group, replicates) in values.enumerated() {
            for (replicate, value) in replicates.enumerated() {
                let position = group * plan.replicates + replicate
                var summary = RunResult.summaryColumns.map { _ in Double?(0) }
                summary[SummaryMetric.allCases.firstIndex(of: .throughput)!] = value
                table.record(CompletedRun(id: position + 1, spec: plan[position], result: RunResult(summary: summary, samples: [])))
            }
        }
        return (table, plan)
    }

    @Test("Replicates are added in batches until every group's relative 95% half-width meets the target, up to the cap.")
    func batchesUntilPrecise() throws {
        let target = ReplicationTarget(relativeHalfWidth: 0.05, batch: 4, cap: 12)
        let groups: [[Double]] = [[10, 10.1, 9.9, 10], [5, 5.05, 4.95, 5], [1, 1.02, 0.98, 1], [2, 2, 2, 2]]
        let (precise, plan) = try table(groups)
        #expect(target.next(after: 4, table: precise, groups: plan.groups.count) == nil)
        let (noisy, _) = try table([[10, 14, 6, 10], [5, 5, 5, 5], [1, 1, 1, 1], [2, 2, 2, 2]])
        #expect(target.widestRelativeHalfWidth(in: noisy, groups: plan.groups.count) > 0.05)
        #expect(target.next(after: 4, table: noisy, groups: plan.groups.count) == 8)
        #expect(target.next(after: 12, table: noisy, groups: plan.groups.count) == nil)
    }

    @Test("A group whose mean is 0 but whose values vary can never meet a relative target.")
    func zeroMeanNeverMeets() throws {
        let target = ReplicationTarget(relativeHalfWidth: 0.05, batch: 4, cap: 12)
        let (table, plan) = try table([[1, -1, 1, -1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]])
        #expect(target.widestRelativeHalfWidth(in: table, groups: plan.groups.count) == .infinity)
    }
}
