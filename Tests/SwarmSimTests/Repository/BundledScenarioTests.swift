import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// Calibration: the defaults reproduce the stylized facts of MODEL.md. Each bundled scenario states
/// its facts in its `expect` block; this runs every scenario with its own replications (as
/// `swarmsim check` does) and requires every expectation to pass.
@Suite struct BundledScenarioTests {
    @Test("There is a bundled scenario for the headline and for each of F2, F3, F4, F5, F6, F7, F8, F9, F10 and F11.")
    func scenariosAreBundled() {
        let names = RepositoryFiles.scenarios.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        for name in ["flat-vs-hierarchy", "lock-faults", "risk-aversion", "recursive-planners", "integrator-saturation",
                     "commit-policy", "drift-fresh-starts", "model-per-role", "build-contention", "synchronous-waves",
                     "continuous-executor", "theory-machine-repairman"] {
            #expect(names.contains(name), "missing scenarios/\(name).json")
        }
    }

    @Test("Every bundled scenario is valid, describes its question, and its expectations all pass.",
          arguments: RepositoryFiles.scenarios)
    func expectationsPass(file: String) async throws {
        let scenario = try Scenario.load(file: file)
        #expect(!scenario.description.isEmpty)
        #expect(!scenario.expectations.isEmpty)
        let plan = try RunPlan(scenario)
        let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: scenario.expectations))
        try await ExperimentRunner.run(plan, into: [table])
        for outcome in ExpectationCheck.evaluate(plan, table: table) {
            #expect(outcome.passed, "\(outcome.expectation.description) [\(outcome.place)]: \(outcome.detail)")
        }
    }
}
