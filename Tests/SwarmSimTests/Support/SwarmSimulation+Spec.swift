@testable import SwarmExperiment
@testable import SwarmModel

extension SwarmSimulation {
    /// The simulation of `spec`, for tests that step a run or look inside it.
    init(spec: RunSpec) {
        self.init(config: spec.config, seed: spec.seed, durationHours: spec.durationHours, sampleEveryHours: spec.sampleEveryHours)
    }
}
