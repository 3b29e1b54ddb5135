import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// integrator (F7): every change queues for the integrators.
@Suite struct IntegratorTests {
    private static func spec(agents: Int, integrators: Int) -> RunSpec {
        var config = ModelConfig()
        config.topology.kind = .integrator
        config.agents.count = agents
        config.topology.integrators = integrators
        return RunSpec(scenario: "t", variant: "integrator", point: 0, parameters: [], replicate: 0, seed: 3,
                       config: config, durationHours: 48, sampleEveryHours: 4)
    }

    @Test("Integrator capacity counts the integrators the run has, not the configured number it could not staff.")
    func capacityCountsStaffedIntegrators() throws {
        // Three agents leave room for two integrators whether four or two are configured: the runs are the same.
        let configuredFour = Simulation.run(Self.spec(agents: 3, integrators: 4))
        let configuredTwo = Simulation.run(Self.spec(agents: 3, integrators: 2))
        let capacity = try #require(configuredTwo[.integratorCapacity])
        #expect(configuredFour[.tasksDone] == configuredTwo[.tasksDone])
        #expect(configuredFour[.integratorCapacity] == capacity)
    }
}
