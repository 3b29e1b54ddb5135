@testable import SwarmKernel
@testable import SwarmModel
import Testing

@Suite struct RunTraceTests {
    @Test("a traced run measures what an untraced one does; each agent's slices tile its time and sum, per share (each finer activity in its own), to the run's shares.",
          arguments: 0..<40)
    func slicesTileAndSumToShares(seed: Int) throws {
        let drawn = RandomConfiguration(seed: seed)
        let plain = Simulation.run(drawn.config, seed: UInt64(seed), durationHours: 48, sampleEveryHours: 8)
        let (traced, trace) = try Simulation.trace(drawn.config, seed: UInt64(seed), durationHours: 48, sampleEveryHours: 8, within: .unlimited)
        #expect(traced == plain, "\(drawn.description)")
        let end = trace.end
        #expect(end == plain[.simulatedHours], "\(drawn.description)")
        var hours = Array(repeating: 0.0, count: Activity.shares.count)
        for agent in trace.roles.indices {
            let slices = trace.slicesByAgent.filter { $0.agent == agent }
            #expect(slices.first?.start == 0 && slices.last?.end == end, "agent \(agent): \(drawn.description)")
            for (before, after) in zip(slices, slices.dropFirst()) {
                #expect(before.end == after.start && before.activity != after.activity, "agent \(agent): \(drawn.description)")
            }
            for slice in slices { hours[slice.activity.share.rawValue] += slice.end - slice.start }
        }
        let agentHours = end * Double(trace.roles.count)
        let shares: [(Activity, SummaryMetric)] = [(.working, .workShare), (.lockWait, .lockWaitShare), (.idle, .idleShare),
                                                   (.reworking, .reworkShare), (.rebasing, .rebaseShare),
                                                   (.coordinating, .coordinationShare), (.blocked, .blockedShare)]
        #expect(shares.count + 1 == Activity.shares.count, "every share but restarting, which runs.csv does not report")
        for (activity, metric) in shares {
            #expect(abs(hours[activity.rawValue] / agentHours - (plain[metric] ?? .nan)) < 1e-12, "\(activity): \(drawn.description)")
        }
    }

    @Test("each finer activity counts in one share; the model's finer activities appear in traces of topologies that have them.")
    func finerActivities() throws {
        #expect(Activity.shares.allSatisfy { $0.share == $0 })
        #expect(Activity.shares.map(\.rawValue) == Array(0..<Activity.shares.count), "the shares index the counters")
        for activity in Activity.allCases where !Activity.shares.contains(activity) {
            #expect([Activity.coordinating, .blocked].contains(activity.share), "\(activity)")
        }
        var seen = Set<Activity>()
        for kind in TopologyKind.allCases {
            for policy in [CommitPolicy.tolerant, .strict] {
                var config = ModelConfig()
                config.topology.kind = kind
                config.commits.policy = policy
                config.agents.count = 12
                config.build.slots = 1
                let (_, trace) = try Simulation.trace(config, seed: 5, durationHours: 24, sampleEveryHours: 4, within: .unlimited)
                seen.formUnion(trace.slices.map(\.activity))
            }
        }
        for activity in [Activity.planning, .reviewing, .checking, .waitingForBuild, .building, .waitingForGate, .inGate] {
            #expect(seen.contains(activity), "\(activity.name)")
        }
    }

    @Test("the shared tracks start at 0 and record only changes, in time order.")
    func levelsRecordChanges() throws {
        var config = ModelConfig()
        config.topology.kind = .flatLock
        config.agents.count = 12
        config.build.slots = 1
        let (_, trace) = try Simulation.trace(config, seed: 3, durationHours: 24, sampleEveryHours: 4, within: .unlimited)
        for track in SharedTrack.allCases {
            let levels = trace.levels.filter { $0.track == track }
            #expect(levels.first.map { $0.time == 0 && $0.value == 0 } == true, "\(track)")
            #expect(zip(levels, levels.dropFirst()).allSatisfy { $0.value != $1.value && $0.time <= $1.time }, "\(track)")
        }
        #expect(trace.levels.contains { $0.track == .boardLock && $0.value == 1 })
        #expect(trace.levels.contains { $0.track == .buildSlotsInUse && $0.value == 1 })
    }
}
