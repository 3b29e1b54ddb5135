import Foundation
import SwarmModel
import SwarmExperiment

/// `swarmsim bench --sweep SCENARIO`: how much of a sweep is serial work against the jobs'
/// parallel work (simulating each run, then formatting its CSV lines and encoding its store rows,
/// `RunPreparation`), and so the speed-up Amdahl's law allows. The serial work is in two places
/// that run at once: the coordinator (registering the plan, the look-ups, handing runs to the store
/// and appending the CSV lines, one run at a time for every job) and the run store's writer, which
/// executes each batch's inserts on the database's queue while the coordinator goes on
/// (`BackgroundWrites`). Runs a sample of the plan spread over it, one at a time, into a store and
/// results folder in a temporary folder that is removed afterwards, timing each step in the CPU
/// time of the thread doing it, so other processes on the machine do not count. Addresses are
/// hashed on every core (`RunAddress.of`); the bench hashes them apart, so that no core's share of
/// that parallel work counts as serial. Figures vary with the machine; they are printed, never
/// asserted.
struct SweepBench {
    let plan: RunPlan
    /// How many runs of the plan to time.
    let runs: Int

    /// CPU seconds of each step, summed over the timed runs.
    private struct Costs {
        var fingerprint = 0.0
        var hashing = 0.0
        var register = 0.0
        var simulation = 0.0
        var preparation = 0.0
        var lookUp = 0.0
        var handOver = 0.0
        var writer = 0.0
        var rows = 0.0
        var read = 0.0
    }

    func run() throws {
        let timed = min(runs, plan.count)
        let positions = (0..<timed).map { $0 * plan.count / timed }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swarmsim-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(file: folder.appendingPathComponent("bench.sqlite").path)
        let writer = try ResultsWriter(plan: plan, directory: folder.appendingPathComponent("results"))
        defer { writer.discard() }
        let preparation = store.preparation.union(writer.preparation)
        var costs = Costs()
        // The engine fingerprint in every address is computed once per process, whatever the plan.
        SweepBench.cpu(into: &costs.fingerprint) { _ = SwarmSimVersion.build }
        // A sweep registers its whole plan before running it; the runs it looks up are listed as
        // it looks them up (here the sample's; the rest are never listed).
        let sampled = positions.map { (position: $0, spec: plan[$0]) }
        _ = try SweepBench.cpu(into: &costs.register) { try store.register(plan, running: plan, shard: .whole) }
        // Each run's address, hashed here on one thread to time that parallel work.
        let addresses = SweepBench.cpu(into: &costs.hashing) { sampled.map { RunAddress($0.spec) } }

        // A first sweep: every run looked up (absent, and listed), simulated and prepared as in a
        // job, then handed to the store and written as CSV lines as on the coordinator.
        let sample = zip(sampled, addresses).map { (position: $0.position, spec: $0.spec, address: $1) }
        _ = try SweepBench.cpu(into: &costs.lookUp) { try store.lookUp(sample.map(\.spec), at: addresses) }
        for (position, spec, address) in sample {
            let result = SweepBench.cpu(into: &costs.simulation) { Simulation.run(spec) }
            let run = SweepBench.cpu(into: &costs.preparation) {
                CompletedRun(id: position + 1, spec: spec, result: result, address: address).preparing(preparation)
            }
            try SweepBench.cpu(into: &costs.handOver) { try store.record(run) }
            SweepBench.cpu(into: &costs.rows) { writer.record(run) }
        }
        try SweepBench.cpu(into: &costs.handOver) { try store.flush() }
        costs.writer = store.writerCPUSeconds

        // The sweep again: every run found and read back.
        _ = try SweepBench.cpu(into: &costs.read) { try store.holds(sample.map(\.address)) }
        for (_, spec, address) in sample {
            _ = try SweepBench.cpu(into: &costs.read) { try store.storedResult(at: address, of: spec) }
        }
        print(report(costs, timed: timed))
    }

    /// The figures, per run in milliseconds, the serial share and Amdahl's speed-ups.
    private func report(_ costs: Costs, timed: Int) -> String {
        let perRun = { (seconds: Double) in String(format: "%.3f ms", 1000 * seconds / Double(timed)) }
        let perPlanRun = { (seconds: Double) in String(format: "%.3f ms", 1000 * seconds / Double(plan.count)) }
        let register = costs.register * Double(timed) / Double(plan.count)
        let coordinator = costs.lookUp + costs.handOver + costs.rows
        // Registering comes before the sweep; the coordinator and the writer then work at once, so
        // the slower of the two bounds the sweep.
        let serial = register + max(coordinator, costs.writer)
        let unoverlapped = register + coordinator + costs.writer
        let parallel = costs.simulation + costs.preparation
        func speedUps(_ serial: Double) -> String {
            let fraction = serial / (serial + parallel)
            return [8, 32, 64].map { jobs in
                String(format: "%d jobs %.1fx", jobs, 1 / (fraction + (1 - fraction) / Double(jobs)))
            }.joined(separator: ", ")
        }
        let percent = { (seconds: Double) in String(format: "%.2f%%", 100 * seconds / costs.simulation) }
        return """
            sweep "\(plan.scenario.name)": \(plan.count) runs in the plan, \(timed) timed, spread over it; CPU time per run
            jobs (in parallel): \(perRun(parallel)) = simulation \(perRun(costs.simulation)) + CSV lines and store rows \(perRun(costs.preparation))
            once per process: engine fingerprint \(String(format: "%.1f ms", 1000 * costs.fingerprint)); on every core: hashing a run's address for its look-up \(perRun(costs.hashing))
            before the sweep (serial): registering the plan \(perPlanRun(costs.register)) per plan run
            coordinator (serial): \(perRun(coordinator)) = look-up \(perRun(costs.lookUp)) + handing runs to the store \(perRun(costs.handOver)) + CSV rows \(perRun(costs.rows))
            store writer (serial, at the same time as the coordinator): \(perRun(costs.writer))
            rerun, every run found in the store: look-up and read \(perRun(costs.read))
            serial work: \(percent(serial)) of simulation work (registering plus the slower of coordinator and writer); \(percent(unoverlapped)) if they did not overlap
            Amdahl's law allows: \(speedUps(serial)); if they did not overlap: \(speedUps(unoverlapped))
            """
    }

    /// `body`'s result, its CPU time added to `total`.
    private static func cpu<T>(into total: inout Double, _ body: () throws -> T) rethrows -> T {
        // The bench runs every step on one thread, so this counts its work alone, whatever else
        // the machine runs.
        let start = ThreadCPUTime.seconds()
        defer { total += ThreadCPUTime.seconds() - start }
        return try body()
    }
}
