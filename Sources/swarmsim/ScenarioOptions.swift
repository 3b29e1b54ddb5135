import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension Setting: ExpressibleByArgument {
    /// `--set PATH=VALUE`.
    public init?(argument: String) {
        self.init(assignment: argument)
    }
}

/// The scenario argument and the overrides every scenario command accepts.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a parameter, after variants and sweep (repeatable). VALUE is JSON, or else text: --set agents.count=5 --set topology.kind=flat-lock. On a swept path it replaces the sweep's values (an array or {\"from\", \"to\", \"step\"|\"log_points\"} keeps a sweep); --set 'sweep.PATH=[VALUES]' sweeps any path.",
                               valueName: "PATH=VALUE"))
    var settings: [Setting] = []

    @Option(help: "The scenario seed, instead of the file's.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Replicates per variant and sweep point, instead of the file's; run also takes auto (with --ci-width).",
                               valueName: "N|auto"))
    var replications: ReplicationCount?

    /// The overrides as settings, `--seed` and `--replications` after the `--set`s.
    var allSettings: [Setting] {
        settings + (seed.map { [.seed($0)] } ?? []) + (replicationCount.map { [.replications($0)] } ?? [])
    }

    /// `--replications` as a number, nil when absent or auto.
    private var replicationCount: Int? {
        if case .count(let count) = replications { return count }
        return nil
    }

    /// The scenario with the overrides and `count` replicates, or the file's count when nil (for
    /// `--replications auto`).
    func load(replicates count: Int?) throws -> Scenario {
        try load(settings: allSettings + (count.map { [.replications($0, origin: .adaptiveReplications)] } ?? []))
    }

    /// The scenario with the overrides applied. A scenario's problems are thrown as they are
    /// (`ScenarioLoadError`), for `ErrorReport` to print.
    func load() throws -> Scenario {
        guard replications != .auto else {
            throw CLIError("--replications auto is for swarmsim run (with --ci-width); give a number here, e.g. --replications 20")
        }
        return try load(settings: allSettings)
    }

    private func load(settings: [Setting]) throws(ScenarioLoadError) -> Scenario {
        try Scenario.load(file: scenario, settings: settings)
    }
}
