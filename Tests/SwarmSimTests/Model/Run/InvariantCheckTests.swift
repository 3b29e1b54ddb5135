import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// The run's invariants (`SwarmSimulation.invariantViolations`): they hold after every event of the
/// canonical runs (every topology, every mechanism and fault), and each check catches the breakage
/// it is for. A build with `-D SWARMSIM_INTERNAL_CHECKS` makes every run check them after every
/// event (.ci/run runs the model tests so once).
@Suite struct InvariantCheckTests {
    @Test("After every event of every topology, with every fault and mechanism on, the books balance and the event tree keeps its structure.",
          arguments: CanonicalRuns.configurations.indices)
    func invariantsHoldAfterEveryEvent(index: Int) {
        let (name, config) = CanonicalRuns.configurations[index]
        let events = Self.stepChecking(config, hours: CanonicalRuns.hours, name: name)
        #expect(events > 200, "\(name): only \(events) events")
    }

    /// Steps a run of `config` to `hours`, recording any violation after any event; returns the events.
    private static func stepChecking(_ config: ModelConfig, hours: Double, name: String) -> Int {
        config.topology.kind.visit(CheckingStepper(config: config, hours: hours, name: name))
    }

    private struct CheckingStepper: TopologyVisitor {
        let config: ModelConfig
        let hours: Double
        let name: String

        func visit<T: Topology>(_: T.Type) -> Int {
            var simulation = SwarmSimulation<T>(config: config, seed: CanonicalRuns.seed, durationHours: hours, sampleEveryHours: 6)
            var events = 0
            while !simulation.world.finished, let next = simulation.events.nextTime, next < hours {
                simulation.step()
                events += 1
                let problems = simulation.invariantViolations()
                if !problems.isEmpty {
                    Issue.record("\(name), event \(events) at \(simulation.world.now) h: \(problems.joined(separator: "; "))")
                    break
                }
            }
            return events
        }
    }

    /// A flat-lock run stepped until agent 0 works a claimed task.
    private static func flatLockAtWork() -> SwarmSimulation<FlatLockTopology> {
        var config = ModelConfig()
        config.topology.kind = .flatLock
        config.agents.count = 6
        var simulation = SwarmSimulation<FlatLockTopology>(config: config, seed: 4, durationHours: 100, sampleEveryHours: 10)
        while simulation.world.agents[AgentID(0)].task < 0 || simulation.world.agents[AgentID(0)].step != .attempt {
            simulation.step()
        }
        #expect(simulation.invariantViolations().isEmpty)
        return simulation
    }

    @Test("Each check catches its breakage: a task's worker count, an agent's hours, a lock's line, a board entry, the event tree.")
    func checksCatchBreakage() {
        func violations(_ breakIt: (inout SwarmSimulation<FlatLockTopology>) -> Void) -> String {
            var simulation = Self.flatLockAtWork()
            breakIt(&simulation)
            return simulation.invariantViolations().joined(separator: "; ")
        }
        let agent = AgentID(0)
        #expect(violations { $0.world.backlog[$0.world.agents[agent].task].workers += 1 }.contains("workers, but 1 hold it"))
        #expect(violations { $0.world.bookedHours[agent] += 0.5 }.contains("agent 0's activities add up to"))
        #expect(violations { simulation in
            // Agent 1 joins the line for a lock it was never told to wait for.
            _ = simulation.world.locks.acquire(0, by: agent, queue: false)
            _ = simulation.world.locks.acquire(0, by: AgentID(1), queue: true)
        }.contains("agent 1 is in line for lock 0 but awaits -1"))
        #expect(violations { $0.world.backlog[$0.world.agents[agent].task].onBoard = false }.contains("board entry for task slot"))
        #expect(violations { simulation in
            let storage = simulation.world.events.storage
            storage.winners[1] = storage.winners[1] == 0 ? 1 : 0
        }.contains("node 1 names slot"))
    }
}
