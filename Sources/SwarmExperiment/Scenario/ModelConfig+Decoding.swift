import SwarmKernel
import SwarmModel

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
        config.agents = r.object("agents", doc: "Who is in the run.") { r in
            AgentsConfig(count: r.integer("count", default: d.agents.count, 1...ScenarioLimits.maxAgents,
                doc: "Agents in the run, every role included (planners, judge and integrators are agents)."))
        }
        config.codebase = r.object("codebase", doc: "The codebase the agents change: areas of files with Zipf hotspots.") { r in
            CodebaseConfig(
                areas: r.integer("areas", default: d.codebase.areas, 1...100_000, doc: "Subsystems; a task touches files of one area."),
                filesPerArea: r.integer("files_per_area", default: d.codebase.filesPerArea, 1...1_000_000, doc: "Files per area."),
                hotspotSkew: r.number("hotspot_skew", default: d.codebase.hotspotSkew, .nonNegative,
                    doc: "Zipf exponent of file choice within an area (0 = uniform; larger = hotter hotspots)."),
                crossAreaProbability: r.number("cross_area_probability", default: d.codebase.crossAreaProbability, .probability,
                    doc: "Chance a task also touches a hotspot file of another area."))
        }
        config.tasks = r.object("tasks", doc: "The backlog: one task sequence per area, the same in every topology.") { r in
            TasksConfig(
                count: r.optionalInteger("count", 1...10_000_000, doc: "Size of the goal's backlog; null = an endless stream of work."),
                extraFiles: r.distribution("extra_files", default: d.tasks.extraFiles, allowed: nonNegative,
                    doc: "Distribution of the files a task touches beyond the first."),
                difficulty: r.distribution("difficulty", default: d.tasks.difficulty, allowed: unit,
                    doc: "Distribution of a task's difficulty d."),
                effortHours: r.distribution("effort_hours", default: d.tasks.effortHours, allowed: nonNegative,
                    doc: "Distribution of the effort of an easy task, in nominal agent-hours."),
                hardEffortFactor: r.number("hard_effort_factor", default: d.tasks.hardEffortFactor, .rate,
                    doc: "Effort is multiplied by (1 + factor * d)."),
                hardThreshold: r.number("hard_threshold", default: d.tasks.hardThreshold, .probability,
                    doc: "A task with difficulty above it is hard."),
                dependencyProbability: r.number("dependency_probability", default: d.tasks.dependencyProbability, .within(0...0.9),
                    doc: "Chance a task cannot start before the previous task of its area has landed."),
                milestoneTasksPerAgent: r.number("milestone_tasks_per_agent", default: d.tasks.milestoneTasksPerAgent, .within(0...1_000),
                    doc: "Tasks known at a time (a milestone, split evenly over the areas), per agent of the swarm, handed out smallest first as estimated; 0 hands tasks out in the order drawn."),
                sizeEstimateSD: r.number("size_estimate_sd", default: d.tasks.sizeEstimateSD, .within(0...5),
                    doc: "Planners' error in a task's size: sd of the log of estimated over true effort (0: sizes known exactly)."))
        }
        config.profiles = readProfiles(&r)
        config.roles = r.object("roles", doc: "The profile each role draws its agents' traits from.") { r in
            var roles = RolesConfig()
            let roleFields: [(key: String, field: WritableKeyPath<RolesConfig, String>, agents: String)] = [
                ("peer", \.peer, "flat-lock and optimistic peers"), ("planner", \.planner, "planners"), ("worker", \.worker, "workers"),
                ("judge", \.judge, "the judge"), ("integrator", \.integrator, "integrators"),
            ]
            for (key, keyPath, agents) in roleFields {
                let name = r.string(key, default: "default", doc: "The profile (a key of profiles) \(agents) draw their traits from.")
                if config.profiles[name] == nil {
                    let hint = closestMatch(to: name, among: config.profiles.keys.sorted()).map { "; did you mean \"\($0)\"?" } ?? ""
                    r.log.report(r.path.appending(key), "names no profile\(hint) (profiles: \(config.profiles.keys.sorted().joined(separator: ", ")))",
                                 found: "\"\(name)\"")
                }
                roles[keyPath: keyPath] = name
            }
            return roles
        }
        config.board = r.object("board", doc: "The shared task board of flat-lock and optimistic peers.") { r in
            BoardConfig(
                operationHours: r.distribution("operation_hours", default: d.board.operationHours, allowed: nonNegative,
                    doc: "Distribution of one board operation (claim or mark done) on an empty board, in hours."),
                hoursPerEntry: r.number("hours_per_entry", default: d.board.hoursPerEntry, .hours,
                    doc: "Extra time per board entry: the coherency cost of a growing shared file."),
                openTasksPerAgent: r.number("open_tasks_per_agent", default: d.board.openTasksPerAgent, .within(0.1...1000),
                    doc: "Open tasks the board lists per agent."),
                doneEntriesKept: r.integer("done_entries_kept", default: d.board.doneEntriesKept, 0...1_000_000,
                    doc: "Done entries kept on the board."),
                busyworkProbability: r.number("busywork_probability", default: d.board.busyworkProbability, .probability,
                    doc: "Chance per pick, times risk aversion, of making busywork instead (no goal value)."),
                busyworkHours: r.distribution("busywork_hours", default: d.board.busyworkHours, allowed: nonNegative,
                    doc: "Distribution of the length of a busywork change, in hours."),
                avoidanceStrength: r.number("avoidance_strength", default: d.board.avoidanceStrength, .rate,
                    doc: "k in the choice weight exp(-k rho d) of a listed task."),
                retryBackoffHours: r.number("retry_backoff_hours", default: d.board.retryBackoffHours, .hours,
                    doc: "Optimistic: backoff window after a failed versioned write; doubles with each further failure (wait uniform in it)."),
                retryBackoffMaxHours: r.number("retry_backoff_max_hours", default: d.board.retryBackoffMaxHours, .hours,
                    doc: "Optimistic: the largest backoff window."))
        }
        config.locks = r.object("locks", doc: "The board lock (and file locks) of flat-lock peers.") { r in
            LocksConfig(
                acquisition: r.choice("acquisition", default: d.locks.acquisition,
                    doc: "fifo: wait in line; polling: retry every poll interval."),
                pollIntervalHours: r.number("poll_interval_hours", default: d.locks.pollIntervalHours, .interval,
                    doc: "Polling retry interval."),
                leaseHours: r.number("lease_hours", default: d.locks.leaseHours, .interval,
                    doc: "A forgotten or orphaned lock is cleared this long after."),
                fileLocks: r.bool("file_locks", default: d.locks.fileLocks,
                    doc: "Flat-lock peers also lock the files their task touches while they work."),
                restartHours: r.distribution("restart_hours", default: d.locks.restartHours, allowed: nonNegative,
                    doc: "Distribution of the time to come back after a crash, in hours."))
        }
        config.work = r.object("work", doc: "How attempts succeed, fail and get reworked.") { r in
            WorkConfig(
                competenceGain: r.number("competence_gain", default: d.work.competenceGain, .rate,
                    doc: "Gain of the IRT success curve P(correct) = logistic(gain (theta - d))."),
                attemptNoise: r.number("attempt_noise", default: d.work.attemptNoise, .within(0...10),
                    doc: "Standard deviation of the mean-1 log-normal multiplier on each attempt's time."),
                selfCheckProbability: r.number("self_check_probability", default: d.work.selfCheckProbability, .probability,
                    doc: "Chance an agent's own checks catch a wrong attempt (it reworks)."),
                reworkFraction: r.number("rework_fraction", default: d.work.reworkFraction, .within(0...10),
                    doc: "Rework takes this share of the attempt's time."))
        }
        config.conflicts = r.object("conflicts", doc: "Merge conflicts against each agent's base commit.") { r in
            ConflictsConfig(
                rebaseHoursPerFile: r.number("rebase_hours_per_file", default: d.conflicts.rebaseHoursPerFile, .hours,
                    doc: "Rebase time per file changed on main since the agent's base."),
                rebaseFailProbability: r.number("rebase_fail_probability", default: d.conflicts.rebaseFailProbability, .probability,
                    doc: "Chance per conflicting file that the rebase fails and the task is redone."))
        }
        config.commits = r.object("commits", doc: "How changes land on main.") { r in
            CommitsConfig(
                policy: r.choice("policy", default: d.commits.policy,
                    doc: "strict: one gate, a red main blocks everything until repaired; tolerant: a quick check, and breaks fixed forward by fix tasks."),
                gateHours: r.distribution("gate_hours", default: d.commits.gateHours, allowed: nonNegative,
                    doc: "Distribution of the strict gate's time for one change, in hours."),
                gateDetection: r.number("gate_detection", default: d.commits.gateDetection, .probability,
                    doc: "Chance the strict gate or an integrator's review catches a broken change."),
                repairHours: r.distribution("repair_hours", default: d.commits.repairHours, allowed: nonNegative,
                    doc: "Distribution of the repair of a red main under the strict policy, in hours; nothing lands meanwhile."),
                quickCheckHours: r.distribution("quick_check_hours", default: d.commits.quickCheckHours, allowed: nonNegative,
                    doc: "Distribution of the quick check before landing under the tolerant policy, in hours."),
                fixEffortFraction: r.number("fix_effort_fraction", default: d.commits.fixEffortFraction, .within(0...10),
                    doc: "Tolerant policy: effort of the task that fixes a break, as a share of the broken task's effort."),
                redMainFailureProbability: r.number("red_main_failure_probability", default: d.commits.redMainFailureProbability, .probability,
                    doc: "Tolerant policy: chance a quick check fails for an open break whose scope the change touches; the change then waits for the next fix there."),
                breakScope: r.choice("break_scope", default: d.commits.breakScope,
                    doc: "Tolerant policy: which checks a break fails. area: changes touching the broken change's area (a modular codebase); main: every change (a monolith)."))
        }
        config.build = r.object("build", doc: "Shared build/test slots.") { r in
            BuildConfig(
                slots: r.integer("slots", default: d.build.slots, 0...100_000,
                    doc: "Shared build/test slots every change passes through; 0 = not shared."),
                hours: r.distribution("hours", default: d.build.hours, allowed: nonNegative, doc: "Distribution of one build, in hours."))
        }
        config.drift = r.object("drift", doc: "Misalignment m(a) = m0 + (mmax - m0)(1 - exp(-a / tau)) at context age a.") { r in
            let initial = r.number("initial_misalignment", default: d.drift.initialMisalignment, .probability,
                doc: "m0: misalignment of a fresh context.")
            let maximum = r.number("max_misalignment", default: d.drift.maxMisalignment, .probability,
                doc: "mmax: the misalignment an ageing context tends to.")
            if maximum < initial {
                r.log.report(r.path.appending("max_misalignment"), "must be at least initial_misalignment (\(formatNumber(initial)))",
                             found: formatNumber(maximum))
            }
            return DriftConfig(
                initialMisalignment: initial, maxMisalignment: maximum,
                tauHours: r.number("tau_hours", default: d.drift.tauHours, .interval, doc: "tau: time constant of drift with context age."),
                focusTauHours: r.number("focus_tau_hours", default: d.drift.focusTauHours, .interval,
                    doc: "A planner's focus on its current area is 1 - exp(-a / focus_tau) (tunnel vision)."),
                windowHours: r.number("window_hours", default: d.drift.windowHours, .interval, doc: "Trailing window of the drift metric."),
                revertFraction: r.number("revert_fraction", default: d.drift.revertFraction, .rate,
                    doc: "Hours of reverting per nominal agent-hour of misaligned work an agent finds in a file it works on."))
        }
        config.topology = r.object("topology", doc: "How the agents coordinate.") { r in
            TopologyConfig(
                kind: r.choice("kind", default: d.topology.kind,
                    doc: "flat-lock: peers share a locked task board; optimistic: peers claim with version checks; planner-worker: a hierarchy of planners; integrator: planner-worker with reviewers every change queues for; planner-executor: one planner in synchronous plan-execute-judge waves; continuous-executor: one lead plans, hands out and merges every task, with no judge and no fresh start."),
                span: r.integer("span", default: d.topology.span, 2...10_000, doc: "Most workers or sub-planners a planner of a recursive hierarchy leads; a larger swarm gets more levels instead (continuous-executor: most tasks the lead keeps out with a fresh context)."),
                maxDepth: r.integer("max_depth", default: d.topology.maxDepth, 1...20, doc: "Levels of planners the hierarchy is shaped for; a swarm larger than span and max_depth hold, (span^(max_depth+1) - 1) / (span - 1) agents besides the judge, gets the levels it needs."),
                recursive: r.bool("recursive", default: d.topology.recursive, doc: "false: one planner leads every worker."),
                planningHours: r.distribution("planning_hours", default: d.topology.planningHours, allowed: nonNegative,
                    doc: "Distribution of a planner's time to write one task, or one batch of work for a sub-planner, in hours."),
                judge: r.object("judge", doc: "The judge of planner-worker, integrator and planner-executor topologies.") { r in
                    JudgeConfig(
                        enabled: r.bool("enabled", default: d.topology.judge.enabled, doc: "A judge ends each cycle with a fresh start (planner-executor: ends each wave)."),
                        cycleHours: r.number("cycle_hours", default: d.topology.judge.cycleHours, .interval, doc: "Cycle length (planner-executor: the context age after which the next wave end is a fresh start)."),
                        restartHours: r.number("restart_hours", default: d.topology.judge.restartHours, .hours,
                            doc: "Every agent's pause at a fresh start (planner-executor: also the judge's review of each wave)."))
                },
                integrators: r.integer("integrators", default: d.topology.integrators, 1...10_000,
                    doc: "Integrator topology: reviewers every change queues for."),
                reviewHours: r.distribution("review_hours", default: d.topology.reviewHours, allowed: nonNegative,
                    doc: "Distribution of one review, in hours."),
                reviewHoursPerConflict: r.number("review_hours_per_conflict", default: d.topology.reviewHoursPerConflict, .hours,
                    doc: "Extra review time per conflicting file."),
                prematureCompletionPerHour: r.number("premature_completion_per_hour", default: d.topology.prematureCompletionPerHour, .rate,
                    doc: "continuous-executor: the lead's hazard per hour of declaring the goal done too early, at full misalignment; scaled by m(a) / mmax at its context age a (0 when mmax is 0)."))
        }
        return config
    }

    /// Reads `profiles`: an object of named profiles, each stating only the traits it changes from
    /// the built-in default profile. "default" exists even when not given.
    private static func readProfiles(_ r: inout ObjectReader) -> [String: ProfileConfig] {
        let doc = "Named profiles of agent traits; each states only the traits it changes from the built-in default, and \"default\" always exists."
        var profiles: [String: ProfileConfig] = [:]
        let given: [String: JSONValue]
        if case .object(let fields) = r.given("profiles") ?? .object([:]) {
            given = fields
        } else {
            r.object("profiles", doc: doc) { _ in () }
            return ["default": ProfileConfig()]
        }
        var resolved: [String: JSONValue] = [:]
        var profileSchema: [String: JSONValue] = [:]
        for name in Set(given.keys).union(["default"]).sorted() {
            var reader = ObjectReader(given[name] ?? .object([:]), at: r.path.appending("profiles").appending(name), log: r.log,
                                      recordingSchema: r.recordsSchema)
            profiles[name] = readProfile(&reader)
            reader.finish()
            resolved[name] = .object(reader.resolved)
            if r.recordsSchema { profileSchema = reader.objectSchema }
        }
        r.record("profiles", .object(resolved))
        r.describe("profiles", ["type": .string("object"), "additionalProperties": .object(profileSchema)], doc: doc)
        return profiles
    }

    private static func readProfile(_ r: inout ObjectReader) -> ProfileConfig {
        let d = ProfileConfig()
        let unit = 0.0...1.0
        return ProfileConfig(
            competence: r.distribution("competence", default: d.competence,
                doc: "Distribution of competence theta in P(correct) = logistic(gain (theta - d))."),
            speed: r.distribution("speed", default: d.speed, allowed: 0.01...100,
                doc: "Distribution of work rate; an attempt takes effort / speed hours (times noise)."),
            riskAversion: r.distribution("risk_aversion", default: d.riskAversion, allowed: unit,
                doc: "Distribution of risk aversion rho; it bites only where agents choose their own work."),
            earlyStopPerHour: r.distribution("early_stop_per_hour", default: d.earlyStopPerHour, allowed: 0...1_000,
                doc: "Distribution of the rate of giving up mid-task (partial work lost), per hour."),
            holdInflation: r.distribution("hold_inflation", default: d.holdInflation, allowed: 1...1_000,
                doc: "Distribution of how many times the critical section a lock is held."),
            forgetReleaseProbability: r.distribution("forget_release_probability", default: d.forgetReleaseProbability, allowed: unit,
                doc: "Distribution of the chance a lock is not released (it stays until its lease expires)."),
            crashWhileHoldingProbability: r.distribution("crash_while_holding_probability", default: d.crashWhileHoldingProbability, allowed: unit,
                doc: "Distribution of the chance of crashing while holding the board lock."),
            unlockedWriteProbability: r.distribution("unlocked_write_probability", default: d.unlockedWriteProbability, allowed: unit,
                doc: "Distribution of the chance of writing the board without the lock or version check."),
            specificationQuality: r.distribution("specification_quality", default: d.specificationQuality, allowed: unit,
                doc: "Distribution of q: how fully the agent's prompts and task specifications say what is meant."),
            inputTokensPerHour: r.number("input_tokens_per_hour", default: d.inputTokensPerHour, .tokens,
                doc: "Tokens read per active hour."),
            outputTokensPerHour: r.number("output_tokens_per_hour", default: d.outputTokensPerHour, .tokens,
                doc: "Tokens written per active hour."),
            usdPerMillionInputTokens: r.number("usd_per_million_input_tokens", default: d.usdPerMillionInputTokens, .rate,
                doc: "Price of input tokens, USD per million."),
            usdPerMillionOutputTokens: r.number("usd_per_million_output_tokens", default: d.usdPerMillionOutputTokens, .rate,
                doc: "Price of output tokens, USD per million."))
    }
}
