import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct ShardTests {
    @Test("For N = 1...7, the N shards hold every run of the plan exactly once, each in plan order.",
          arguments: 1...7)
    func shardsPartitionThePlan(count: Int) throws {
        for replications in [1, 2, 6] {
            let plan = try RunnerFixtures.plan(replications: replications)
            var seen: [Int] = []
            for index in 1...count {
                let positions = Array(try #require(Shard(index: index, count: count)).positions(in: plan))
                #expect(positions == positions.sorted())
                #expect(positions.allSatisfy { $0 % count == index - 1 })
                seen += positions
            }
            #expect(seen.sorted() == Array(plan.indices), "N = \(count), \(plan.count) runs")
        }
    }

    @Test("A shard of a plan with fewer runs than shards may be empty.")
    func smallPlans() throws {
        let plan = try RunnerFixtures.plan(replications: 1)
        #expect(plan.count == 6)
        #expect(Array(try #require(Shard(index: 7, count: 9)).positions(in: plan)).isEmpty)
        #expect(Array(try #require(Shard(index: 6, count: 9)).positions(in: plan)) == [5])
    }

    @Test("A shard exists only for 1 <= K <= N; the whole plan is 1/1.")
    func validShards() {
        #expect(Shard(index: 0, count: 3) == nil)
        #expect(Shard(index: 4, count: 3) == nil)
        #expect(Shard(index: 1, count: 0) == nil)
        #expect(Shard(index: 3, count: 3)?.description == "3/3")
        #expect(Shard.whole == Shard(index: 1, count: 1) && Shard.whole.isWhole)
    }
}
