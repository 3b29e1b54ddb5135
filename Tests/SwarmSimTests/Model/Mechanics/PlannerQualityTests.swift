import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// Planners matter: how a task is specified, and how fast it is written, depend on who writes it.
@Suite struct PlannerQualityTests {
    /// A planner-worker world (one planner, no judge) whose planner has `profile`.
    private static func world(planner profile: ProfileConfig, agents: Int = 3) -> World {
        var config = ModelConfig()
        config.topology.recursive = false
        config.topology.judge.enabled = false
        config.profiles["planner"] = profile
        config.roles.planner = "planner"
        config.agents.count = agents
        return World(config: config, seed: 5, roles: PlannerWorkerTopology.roles(for: config), lockCount: 0)
    }

    @Test("A task's specification quality is its writer's q times the writer's chance of understanding it.")
    func specificationFollowsTheWriter() throws {
        var profile = ProfileConfig()
        profile.specificationQuality = .constant(0.8)
        var world = Self.world(planner: profile)
        var direction: Bool?
        let planner = AgentID(0)
        let slot = try #require(world.writeTask(by: planner, area: 0, direction: &direction))
        let understanding = world.agents[planner].traits.successProbability(difficulty: world.backlog[slot].difficulty, gain: 6)
        #expect(abs(world.backlog[slot].specification - 0.8 * understanding) < 1e-15)
    }

    @Test("A worker misreads only what the specification leaves unsaid and it cannot infer: nothing under a perfect specification, more the worse it is.")
    func misreadingNeedsAGap() throws {
        var world = Self.world(planner: ProfileConfig())
        var direction: Bool?
        let slot = try #require(world.writeTask(by: AgentID(0), area: 0, direction: &direction))
        let worker = AgentID(1)
        let understanding = world.agents[worker].traits.successProbability(difficulty: world.backlog[slot].difficulty, gain: 6)
        var previous = -1.0
        for quality in [1.0, 0.8, 0.5, 0.0] {
            world.backlog[slot].specification = quality
            let misread = world.misreadProbability(of: slot, by: worker)
            #expect(abs(misread - (1 - quality) * (1 - understanding)) < 1e-15)
            #expect(misread > previous || quality == 1 && misread == 0)
            previous = misread
        }
    }

    @Test("A slower planner writes more slowly: at half speed one planner caps fifty clockwork workers at half the rate.")
    func plannerSpeedCapsTheSwarm() {
        func tasksDone(plannerSpeed: Double) -> Double {
            var config = ModelConfig()
            config.topology.recursive = false
            config.topology.judge.enabled = false
            config.agents.count = 51
            config.makeClockwork(planning: 0.1, effort: 1)
            config.commits.quickCheckHours = .constant(0)
            config.conflicts.rebaseHoursPerFile = 0
            config.conflicts.rebaseFailProbability = 0
            var planner = config.profiles["default"]!
            planner.speed = .constant(plannerSpeed)
            config.profiles["planner"] = planner
            config.roles.planner = "planner"
            return Simulation.run(config, seed: 5, durationHours: 99.95, sampleEveryHours: 100)[.tasksDone]!
        }
        // Task n is written at n x planning time / speed and lands an hour later.
        #expect(tasksDone(plannerSpeed: 1) == 989)
        #expect(tasksDone(plannerSpeed: 0.5) == 494)
    }
}
