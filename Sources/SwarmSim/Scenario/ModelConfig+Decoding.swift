extension ModelConfig {
    /// The top-level keys of a scenario that hold model parameters (everything a variant, a sweep
    /// or `--set` may change).
    public static let sectionNames = [
        "agents", "codebase", "tasks", "profiles", "roles", "board", "locks", "work",
        "conflicts", "commits", "build", "drift", "topology",
    ]

    /// Reads the model sections of a scenario object, reporting every problem to the reader's log.
    /// Keys that are not model sections are left for the caller to read.
    public static func read(_ r: inout ObjectReader) -> ModelConfig {
        let d = ModelConfig()
        var config = ModelConfig()
        let nonNegative = 0...Double.infinity
        let unit = 0.0...1.0
        config.agents = r.object("agents") { r in
            AgentsConfig(count: r.integer("count", default: d.agents.count, 1...1_000_000))
        }
        config.codebase = r.object("codebase") { r in
            CodebaseConfig(
                areas: r.integer("areas", default: d.codebase.areas, 1...100_000),
                filesPerArea: r.integer("files_per_area", default: d.codebase.filesPerArea, 1...1_000_000),
                hotspotSkew: r.number("hotspot_skew", default: d.codebase.hotspotSkew, .nonNegative),
                crossAreaProbability: r.number("cross_area_probability", default: d.codebase.crossAreaProbability, .probability))
        }
        config.tasks = r.object("tasks") { r in
            let count: Int?
            if r.value("count") == nil {
                count = nil
                r.record("count", .null)
            } else {
                count = r.integer("count", default: 1, 1...10_000_000)
            }
            return TasksConfig(
                count: count,
                extraFiles: r.distribution("extra_files", default: d.tasks.extraFiles, allowed: nonNegative),
                difficulty: r.distribution("difficulty", default: d.tasks.difficulty, allowed: unit),
                effortHours: r.distribution("effort_hours", default: d.tasks.effortHours, allowed: nonNegative),
                hardEffortFactor: r.number("hard_effort_factor", default: d.tasks.hardEffortFactor, .nonNegative),
                hardThreshold: r.number("hard_threshold", default: d.tasks.hardThreshold, .probability),
                dependencyProbability: r.number("dependency_probability", default: d.tasks.dependencyProbability, .within(0...0.9)))
        }
        config.profiles = readProfiles(&r)
        config.roles = r.object("roles") { r in
            var roles = RolesConfig()
            for (key, keyPath) in [("peer", \RolesConfig.peer), ("planner", \.planner), ("worker", \.worker),
                                   ("judge", \.judge), ("integrator", \.integrator)] {
                let name = r.string(key, default: "default")
                if config.profiles[name] == nil {
                    let hint = closestMatch(to: name, among: config.profiles.keys.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                    r.log.report(r.path.appending(key), "names no profile\(hint) (profiles: \(config.profiles.keys.sorted().joined(separator: ", ")))",
                                 found: "\"\(name)\"")
                }
                roles[keyPath: keyPath] = name
            }
            return roles
        }
        config.board = r.object("board") { r in
            BoardConfig(
                operationHours: r.distribution("operation_hours", default: d.board.operationHours, allowed: nonNegative),
                hoursPerEntry: r.number("hours_per_entry", default: d.board.hoursPerEntry, .nonNegative),
                openTasksPerAgent: r.number("open_tasks_per_agent", default: d.board.openTasksPerAgent, .within(0.1...1000)),
                doneEntriesKept: r.integer("done_entries_kept", default: d.board.doneEntriesKept, 0...1_000_000),
                busyworkProbability: r.number("busywork_probability", default: d.board.busyworkProbability, .probability),
                busyworkHours: r.distribution("busywork_hours", default: d.board.busyworkHours, allowed: nonNegative),
                avoidanceStrength: r.number("avoidance_strength", default: d.board.avoidanceStrength, .nonNegative))
        }
        config.locks = r.object("locks") { r in
            LocksConfig(
                acquisition: r.choice("acquisition", default: d.locks.acquisition),
                pollIntervalHours: r.number("poll_interval_hours", default: d.locks.pollIntervalHours, .positive),
                leaseHours: r.number("lease_hours", default: d.locks.leaseHours, .positive),
                fileLocks: r.bool("file_locks", default: d.locks.fileLocks),
                restartHours: r.distribution("restart_hours", default: d.locks.restartHours, allowed: nonNegative))
        }
        config.work = r.object("work") { r in
            WorkConfig(
                competenceGain: r.number("competence_gain", default: d.work.competenceGain, .nonNegative),
                attemptNoise: r.number("attempt_noise", default: d.work.attemptNoise, .within(0...10)),
                selfCheckProbability: r.number("self_check_probability", default: d.work.selfCheckProbability, .probability),
                reworkFraction: r.number("rework_fraction", default: d.work.reworkFraction, .within(0...10)))
        }
        config.conflicts = r.object("conflicts") { r in
            ConflictsConfig(
                rebaseHoursPerFile: r.number("rebase_hours_per_file", default: d.conflicts.rebaseHoursPerFile, .nonNegative),
                rebaseFailProbability: r.number("rebase_fail_probability", default: d.conflicts.rebaseFailProbability, .probability))
        }
        config.commits = r.object("commits") { r in
            CommitsConfig(
                policy: r.choice("policy", default: d.commits.policy),
                gateHours: r.distribution("gate_hours", default: d.commits.gateHours, allowed: nonNegative),
                gateDetection: r.number("gate_detection", default: d.commits.gateDetection, .probability),
                repairHours: r.distribution("repair_hours", default: d.commits.repairHours, allowed: nonNegative),
                quickCheckHours: r.distribution("quick_check_hours", default: d.commits.quickCheckHours, allowed: nonNegative),
                fixForwardProbability: r.number("fix_forward_probability", default: d.commits.fixForwardProbability, .within(0.001...1)))
        }
        config.build = r.object("build") { r in
            BuildConfig(
                slots: r.integer("slots", default: d.build.slots, 0...100_000),
                hours: r.distribution("hours", default: d.build.hours, allowed: nonNegative))
        }
        config.drift = r.object("drift") { r in
            let initial = r.number("initial_misalignment", default: d.drift.initialMisalignment, .probability)
            let maximum = r.number("max_misalignment", default: d.drift.maxMisalignment, .probability)
            if maximum < initial {
                r.log.report(r.path.appending("max_misalignment"), "must be at least initial_misalignment (\(formatNumber(initial)))",
                             found: formatNumber(maximum))
            }
            return DriftConfig(
                initialMisalignment: initial, maxMisalignment: maximum,
                tauHours: r.number("tau_hours", default: d.drift.tauHours, .positive),
                focusTauHours: r.number("focus_tau_hours", default: d.drift.focusTauHours, .positive),
                windowHours: r.number("window_hours", default: d.drift.windowHours, .positive))
        }
        config.topology = r.object("topology") { r in
            TopologyConfig(
                kind: r.choice("kind", default: d.topology.kind),
                span: r.integer("span", default: d.topology.span, 2...10_000),
                maxDepth: r.integer("max_depth", default: d.topology.maxDepth, 1...20),
                recursive: r.bool("recursive", default: d.topology.recursive),
                planningHours: r.distribution("planning_hours", default: d.topology.planningHours, allowed: nonNegative),
                judge: r.object("judge") { r in
                    JudgeConfig(
                        enabled: r.bool("enabled", default: d.topology.judge.enabled),
                        cycleHours: r.number("cycle_hours", default: d.topology.judge.cycleHours, .positive),
                        restartHours: r.number("restart_hours", default: d.topology.judge.restartHours, .nonNegative))
                },
                integrators: r.integer("integrators", default: d.topology.integrators, 1...10_000),
                reviewHours: r.distribution("review_hours", default: d.topology.reviewHours, allowed: nonNegative),
                reviewHoursPerConflict: r.number("review_hours_per_conflict", default: d.topology.reviewHoursPerConflict, .nonNegative))
        }
        return config
    }

    /// Reads `profiles`: an object of named profiles, each stating only the traits it changes from
    /// the built-in default profile. "default" exists even when not given.
    private static func readProfiles(_ r: inout ObjectReader) -> [String: ProfileConfig] {
        var profiles: [String: ProfileConfig] = [:]
        let given: [String: JSONValue]
        if case .object(let fields) = r.value("profiles") ?? .object([:]) {
            given = fields
        } else {
            r.object("profiles") { _ in () }
            return ["default": ProfileConfig()]
        }
        var resolved: [String: JSONValue] = [:]
        for name in Set(given.keys).union(["default"]).sorted() {
            var reader = ObjectReader(given[name] ?? .object([:]), at: r.path.appending("profiles").appending(name), log: r.log)
            profiles[name] = readProfile(&reader)
            reader.finish()
            resolved[name] = .object(reader.resolved)
        }
        r.record("profiles", .object(resolved))
        return profiles
    }

    private static func readProfile(_ r: inout ObjectReader) -> ProfileConfig {
        let d = ProfileConfig()
        let unit = 0.0...1.0
        return ProfileConfig(
            competence: r.distribution("competence", default: d.competence),
            speed: r.distribution("speed", default: d.speed, allowed: 0.01...100),
            riskAversion: r.distribution("risk_aversion", default: d.riskAversion, allowed: unit),
            earlyStopPerHour: r.distribution("early_stop_per_hour", default: d.earlyStopPerHour, allowed: 0...1_000),
            holdInflation: r.distribution("hold_inflation", default: d.holdInflation, allowed: 1...1_000),
            forgetReleaseProbability: r.distribution("forget_release_probability", default: d.forgetReleaseProbability, allowed: unit),
            crashWhileHoldingProbability: r.distribution("crash_while_holding_probability", default: d.crashWhileHoldingProbability, allowed: unit),
            unlockedWriteProbability: r.distribution("unlocked_write_probability", default: d.unlockedWriteProbability, allowed: unit),
            inputTokensPerHour: r.number("input_tokens_per_hour", default: d.inputTokensPerHour, .nonNegative),
            outputTokensPerHour: r.number("output_tokens_per_hour", default: d.outputTokensPerHour, .nonNegative),
            usdPerMillionInputTokens: r.number("usd_per_million_input_tokens", default: d.usdPerMillionInputTokens, .nonNegative),
            usdPerMillionOutputTokens: r.number("usd_per_million_output_tokens", default: d.usdPerMillionOutputTokens, .nonNegative))
    }
}
