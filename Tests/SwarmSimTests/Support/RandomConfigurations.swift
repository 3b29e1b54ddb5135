@testable import SwarmKernel
@testable import SwarmModel

/// Random valid model configurations for seeded sweeps, in the manner of swift-collections'
/// `withEvery("seed", ...)`: every mechanism switched on or off, sizes from one agent to sixty.
/// Each draw also says what it chose, so a failing seed can be read without rerunning it.
struct RandomConfiguration {
    let config: ModelConfig
    /// The choices, `path=value` by path, in the order drawn.
    let description: String

    /// The configuration of `seed` (its own stream, so it is the same in every test), with its
    /// topology drawn from `kinds`.
    init(seed: Int, kinds: [TopologyKind] = TopologyKind.allCases) {
        var rng = RandomStreams(seed: UInt64(seed)).stream("configuration")
        var choices: [String] = []
        func pick<T>(_ path: String, _ options: [T], _ show: (T) -> String = { "\($0)" }) -> T {
            let choice = options[rng.nextInt(below: options.count)]
            choices.append("\(path)=\(show(choice))")
            return choice
        }
        var c = ModelConfig()
        c.topology.kind = pick("topology.kind", kinds, \.rawValue)
        c.agents.count = 1 + rng.nextInt(below: 60)
        choices.append("agents.count=\(c.agents.count)")
        c.codebase.areas = pick("codebase.areas", [1, 2, 16])
        c.codebase.filesPerArea = pick("codebase.files_per_area", [1, 3, 40])
        c.tasks.count = pick("tasks.count", [nil, 1, 50, 400]) { $0.map(String.init) ?? "null" }
        c.tasks.dependencyProbability = pick("tasks.dependency_probability", [0, 0.5, 0.9])
        c.locks.fileLocks = pick("locks.file_locks", [false, true])
        c.locks.acquisition = pick("locks.acquisition", LockAcquisition.allCases, \.rawValue)
        c.commits.policy = pick("commits.policy", CommitPolicy.allCases, \.rawValue)
        c.build.slots = pick("build.slots", [0, 1, 3])
        c.topology.judge.enabled = pick("topology.judge.enabled", [false, true])
        c.topology.judge.cycleHours = pick("topology.judge.cycle_hours", [1.0, 24])
        c.topology.recursive = pick("topology.recursive", [false, true])
        c.topology.span = pick("topology.span", [2, 5, 12])
        c.topology.maxDepth = pick("topology.max_depth", [1, 2, 4])
        c.topology.integrators = pick("topology.integrators", [1, 3])
        var profile = ProfileConfig()
        profile.forgetReleaseProbability = .constant(pick("forget_release_probability", [0, 0.3]))
        profile.crashWhileHoldingProbability = .constant(pick("crash_while_holding_probability", [0, 0.2]))
        profile.unlockedWriteProbability = .constant(pick("unlocked_write_probability", [0, 0.3]))
        profile.earlyStopPerHour = .constant(pick("early_stop_per_hour", [0, 0.5]))
        c.profiles = ["default": profile]
        config = c
        description = choices.joined(separator: " ")
    }
}
