@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

extension ModelConfig {
    /// Clockwork work for exact schedules: every task takes `effort` hours and every planning
    /// `planning` hours, and no attempt is redone by its own checks, given up, preceded by reverting
    /// misaligned work, or broken (so no fix follows it): every attempt is right (competence 2,
    /// above any difficulty, on a gain of 60 makes P(correct) 1 to the last bit).
    mutating func makeClockwork(planning: Double, effort: Double) {
        tasks.effortHours = .constant(effort)
        tasks.hardEffortFactor = 0
        work.attemptNoise = 0
        work.selfCheckProbability = 0
        topology.planningHours = .constant(planning)
        profiles["default"]!.earlyStopPerHour = .constant(0)
        drift.revertFraction = 0
        profiles["default"]!.competence = .constant(2)
        work.competenceGain = 60
    }
}
