import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension Setting: ExpressibleByArgument {}

/// The scenario argument and the overrides every scenario command accepts.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Option(name: .customLong("set"),
            help: ArgumentHelp("Override a parameter, after variants and sweep (repeatable). VALUE is JSON, or else text: --set agents.count=5 --set topology.kind=flat-lock.",
                               valueName: "PATH=VALUE"))
    var settings: [Setting] = []

    @Option(help: "The scenario seed, instead of the file's.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Replicates per variant and sweep point, instead of the file's; run also takes auto (with --ci-width).",
                               valueName: "N|auto"))
    var replications: ReplicationCount?

    /// The overrides as settings, `--seed` and `--replications` after the `--set`s.
    var allSettings: [Setting] {
        settings
            + (seed.map { [Setting(path: ["seed"], value: .number(Double($0)), origin: "--seed")] } ?? [])
            + (replicationCount.map { [Self.replicationSetting($0, origin: "--replications")] } ?? [])
    }

    /// `--replications` as a number, nil when absent or auto.
    private var replicationCount: Int? {
        if case .count(let count) = replications { return count }
        return nil
    }

    /// The setting that makes a scenario run `count` replicates.
    static func replicationSetting(_ count: Int, origin: String) -> Setting {
        Setting(path: ["replications"], value: .number(Double(count)), origin: origin)
    }

    /// The scenario with the overrides and `count` replicates, or the file's count when nil (for
    /// `--replications auto`).
    func load(replicates count: Int?) throws -> Scenario {
        try load(settings: allSettings + (count.map { [Self.replicationSetting($0, origin: "--replications auto")] } ?? []))
    }

    /// The scenario with the overrides applied. On failure, prints every problem to stderr as
    /// `FILE: path: message (found X)` and exits with status 1.
    func load() throws -> Scenario {
        guard replications != .auto else {
            throw CLIError("--replications auto is for swarmsim run (with --ci-width); give a number here, e.g. --replications 20")
        }
        return try load(settings: allSettings)
    }

    private func load(settings: [Setting]) throws -> Scenario {
        do {
            return try Scenario.load(file: scenario, settings: settings)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// The plan of `scenario`, restricted to the variants labelled in `labels` (all when empty).
    func plan(_ scenario: Scenario, selecting labels: [String] = []) throws -> RunPlan {
        do {
            return try RunPlan(scenario, selecting: labels)
        } catch {
            throw CLIError(error.description)
        }
    }
}
