import SwarmModel

/// One finished run: its position in the plan, its spec and what it measured.
public struct CompletedRun: Sendable {
    /// 1-based position in the plan: the run_id column.
    public let id: Int
    public let spec: RunSpec
    public let result: RunResult
    /// True when the result came from a `RunCache` instead of a simulation, so a store that is
    /// also the cache need not save it again and progress can count it apart.
    public let reused: Bool
    /// The run's address when a `RunCache` computed it, so that a store does not hash it again.
    public let address: RunAddress?
    /// The sinks' work on this run done in its simulation task (`RunPreparation`); empty otherwise.
    var prepared = PreparedRun()

    /// A run with id `id` (its 1-based plan position); `reused` is false for a run just simulated.
    public init(id: Int, spec: RunSpec, result: RunResult, reused: Bool = false, address: RunAddress? = nil) {
        self.id = id
        self.spec = spec
        self.result = result
        self.reused = reused
        self.address = address
    }
}

/// Receives finished runs in plan order: a results file, an aggregate, a progress line.
public protocol RunSink: AnyObject {
    func record(_ run: CompletedRun) throws
    /// Finishes what `record` has left pending (a store writes runs in batches). The runner calls it
    /// once the runs are delivered, interrupted or not.
    func flush() throws
    /// What the runner should compute for this sink in each run's simulation task, in parallel,
    /// rather than leave to `record`, which runs one run at a time for every job.
    var preparation: RunPreparation { get }
}

extension RunSink {
    /// Nothing is pending in a sink that handles each run as it comes.
    public func flush() {}
    /// A sink whose work per run is small wants nothing prepared.
    public var preparation: RunPreparation { [] }
}

/// Results of runs already made (a run store): the runner takes a stored result instead of
/// simulating the run again, which makes sweeps resumable and idempotent.
public protocol RunCache: AnyObject {
    /// Each spec's address and whether a result is stored there, for many specs in one look-up.
    func addresses(of specs: [RunSpec]) throws -> [(address: RunAddress, stored: Bool)]
    /// The result stored at `address` (`spec`'s), or nil when there is none or it cannot be used.
    func storedResult(at address: RunAddress, of spec: RunSpec) throws -> RunResult?
}

/// Runs RunSpecs and streams each result to sinks, in plan order, so that what the sinks write does
/// not depend on how the runs are scheduled and no run's samples outlive their writing.
public enum ExperimentRunner {
    /// Runs `shard` of `plan` (all of it by default), simulating up to `jobs` runs at once in child
    /// tasks, and hands every run to every sink in plan order, so the sinks' output is the same
    /// whatever `jobs` is.
    ///
    /// Before simulating a run it asks `cache` for a stored result and, when there is one, delivers
    /// that instead (marked `reused`): a restarted sweep simulates only what is missing. It asks
    /// which runs are stored `lookAhead` at a time, in one look-up, so the coordinator, which
    /// does this work for every job, stays a small share of the sweep. The cache
    /// and the sinks are called one at a time in the caller's isolation (`isolation`), never from
    /// the simulations' tasks, so neither needs to be thread-safe; what the sinks ask to have
    /// prepared (`RunSink.preparation`: CSV lines, a store's encoded rows) is computed in each run's
    /// task instead, in parallel, so that little per-run work is left to the coordinator; a stored
    /// run, read on the coordinator, gets a task of its own for that.
    ///
    /// Memory stays bounded whatever the plan's size: at most `jobs` simulations run and at most
    /// `2 * jobs` runs are started and not yet delivered (finished runs wait there for a slower
    /// earlier one).
    ///
    /// - Throws: `ExperimentInterrupted` when the calling task is cancelled before every run was
    ///   delivered: no run starts after the cancellation, the runs in progress stop within a few
    ///   thousand events, and those
    ///   that complete the delivered prefix still reach the sinks. An error of a sink or of the
    ///   cache stops the experiment and is rethrown, as is `RunawayRun` when a run spends its event
    ///   budget.
    public static func run(
        _ plan: RunPlan, shard: Shard = .whole, into sinks: [any RunSink], jobs: Int = 1, cache: (any RunCache)? = nil,
        isolation: isolated (any Actor)? = #isolation
    ) async throws {
        try await run(positions: shard.positions(in: plan), of: { plan[$0] }, into: sinks, jobs: jobs, cache: cache, isolation: isolation)
    }

    /// Runs `specs` as a plan is run (see `run(_:shard:into:jobs:cache:)`), with ids 1, 2, ... in
    /// their order: for work whose runs are not a scenario's grid, such as a calibration's particles,
    /// each with a seed of its own.
    public static func run(
        _ specs: [RunSpec], into sinks: [any RunSink], jobs: Int = 1, cache: (any RunCache)? = nil,
        isolation: isolated (any Actor)? = #isolation
    ) async throws {
        try await run(positions: specs.indices, of: { specs[$0] }, into: sinks, jobs: jobs, cache: cache, isolation: isolation)
    }

    /// Runs the specs at `positions`, in that order, with `specAt(position)` the spec at a position.
    private static func run(
        positions: some RandomAccessCollection<Int>, of specAt: (Int) -> RunSpec, into sinks: [any RunSink], jobs: Int, cache: (any RunCache)?,
        isolation: isolated (any Actor)? = #isolation
    ) async throws {
        precondition(jobs >= 1, "jobs must be at least 1 (found \(jobs))")
        let window = 2 * jobs
        var buffer = ReorderBuffer<CompletedRun>()
        var lookups = CacheLookups(cache: cache)
        let preparation = sinks.reduce(into: RunPreparation()) { $0.formUnion($1.preparation) }
        // A run taken from the cache needs no store rows: a store never writes a run it served.
        let reusedPreparation = preparation.subtracting(.storeRows)
        do {
            try await withThrowingTaskGroup(of: (sequence: Int, run: CompletedRun?).self) { group in
                var started = 0
                var simulating = 0
                func deliverReady() throws {
                    while let run = buffer.popNext() {
                        for sink in sinks {
                            try sink.record(run)
                        }
                    }
                }
                func positionAt(_ sequence: Int) -> Int {
                    positions[positions.index(positions.startIndex, offsetBy: sequence)]
                }
                while true {
                    while simulating < jobs, started - buffer.delivered < window, started < positions.count, !Task.isCancelled {
                        let sequence = started
                        let position = positionAt(sequence)
                        let spec = specAt(position)
                        started += 1
                        let lookup = try lookups.entry(sequence, count: positions.count) { range in range.map { specAt(positionAt($0)) } }
                        if let lookup, lookup.stored, let stored = try cache?.storedResult(at: lookup.address, of: spec) {
                            let run = CompletedRun(id: position + 1, spec: spec, result: stored, reused: true, address: lookup.address)
                            if reusedPreparation.isEmpty {
                                buffer.insert(run, at: sequence)
                                try deliverReady()
                            } else {
                                // Its CSV lines are formatted in a task, in parallel, as a simulated run's are.
                                simulating += 1
                                group.addTask { (sequence, run.preparing(reusedPreparation)) }
                            }
                        } else {
                            simulating += 1
                            let address = lookup?.address
                            group.addTask {
                                do throws(RunStopped) {
                                    let result = try Simulation.run(spec, stoppingWhen: { Task.isCancelled })
                                    return (sequence, CompletedRun(id: position + 1, spec: spec, result: result, address: address).preparing(preparation))
                                } catch .interrupted {
                                    return (sequence, nil)
                                } catch {
                                    throw RunawayRun(id: position + 1, spec: spec, stop: error)
                                }
                            }
                        }
                    }
                    guard let finished = try await group.next() else { break }
                    simulating -= 1
                    guard let run = finished.run else { continue }
                    buffer.insert(run, at: finished.sequence)
                    try deliverReady()
                }
            }
        } catch {
            for sink in sinks { try? sink.flush() }  // keep what was delivered; the first error is the one to report
            throw error
        }
        for sink in sinks { try sink.flush() }
        if buffer.delivered < positions.count {
            throw ExperimentInterrupted(finished: buffer.delivered, total: positions.count)
        }
    }
}
