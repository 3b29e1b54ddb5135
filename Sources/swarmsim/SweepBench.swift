import Foundation
import SwarmModel
import SwarmExperiment

/// `swarmsim bench --sweep SCENARIO`: how much of a sweep is serial work on the coordinator
/// (registering the plan, the look-up, the run store's inserts and appending the CSV lines, done
/// one run at a time for every job) against the jobs' parallel work (simulating each run, then formatting its CSV lines and
/// encoding its store rows, `RunPreparation`), and so the speed-up Amdahl's law allows. Runs a
/// sample of the plan spread over it, one at a time, into a store and results folder in a temporary
/// folder that is removed afterwards, timing each step in the CPU time of the thread doing it, so
/// other processes on the machine do not count (nor the other cores' share of hashing addresses,
/// which is parallel work). Figures vary with the machine; they are printed,
/// never asserted.
struct SweepBench {
    let plan: RunPlan
    /// How many runs of the plan to time.
    let runs: Int

    /// CPU seconds of each step, summed over the timed runs.
    private struct Costs {
        var fingerprint = 0.0
        var register = 0.0
        var simulation = 0.0
        var preparation = 0.0
        var addresses = 0.0
        var lookUp = 0.0
        var write = 0.0
        var rows = 0.0
        var read = 0.0
    }

    func run() throws {
        let timed = min(runs, plan.count)
        let specs = (0..<timed).map { $0 * plan.count / timed }.map { (position: $0, spec: plan[$0]) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swarmsim-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RunStore(file: folder.appendingPathComponent("bench.sqlite").path)
        let writer = try ResultsWriter(plan: plan, directory: folder.appendingPathComponent("results"))
        defer { writer.discard() }
        let preparation = store.preparation.union(writer.preparation)
        var costs = Costs()
        // The engine fingerprint in every address is computed once per process, whatever the plan.
        SweepBench.cpu(into: &costs.fingerprint) { _ = SwarmSimVersion.build }
        // A sweep registers its whole plan (each run's address) before running it.
        _ = try SweepBench.cpu(into: &costs.register) { try store.register(plan) }

        // A first sweep: every run looked up (absent), simulated and prepared as in a job, then
        // stored and written as CSV lines as on the coordinator.
        let lookups = try SweepBench.cpu(into: &costs.lookUp) { try store.addresses(of: specs.map(\.spec)) }
        costs.addresses = SweepBench.cpu { _ = specs.map { RunAddress($0.spec) } }
        for ((position, spec), lookup) in zip(specs, lookups) {
            let result = SweepBench.cpu(into: &costs.simulation) { Simulation.run(spec) }
            let run = SweepBench.cpu(into: &costs.preparation) {
                CompletedRun(id: position + 1, spec: spec, result: result, address: lookup.address).preparing(preparation)
            }
            try SweepBench.cpu(into: &costs.write) { try store.record(run) }
            SweepBench.cpu(into: &costs.rows) { writer.record(run) }
        }
        try SweepBench.cpu(into: &costs.write) { try store.flush() }

        // The sweep again: every run found and read back.
        let found = try SweepBench.cpu(into: &costs.read) { try store.addresses(of: specs.map(\.spec)) }
        for ((_, spec), lookup) in zip(specs, found) {
            _ = try SweepBench.cpu(into: &costs.read) { try store.storedResult(at: lookup.address, of: spec) }
        }
        print(report(costs, timed: specs.count))
    }

    /// The figures, per run in milliseconds, the serial share and Amdahl's speed-ups.
    private func report(_ costs: Costs, timed: Int) -> String {
        let perRun = { (seconds: Double) in String(format: "%.3f ms", 1000 * seconds / Double(timed)) }
        let perPlanRun = { (seconds: Double) in String(format: "%.3f ms", 1000 * seconds / Double(plan.count)) }
        let register = costs.register * Double(timed) / Double(plan.count)
        let serial = register + costs.lookUp + costs.write + costs.rows
        let parallel = costs.simulation + costs.preparation
        let fraction = serial / (serial + parallel)
        let speedUps = [8, 32, 64].map { jobs in
            String(format: "%d jobs %.1fx", jobs, 1 / (fraction + (1 - fraction) / Double(jobs)))
        }
        return """
            sweep "\(plan.scenario.name)": \(plan.count) runs in the plan, \(timed) timed, spread over it; CPU time per run
            jobs (in parallel): \(perRun(parallel)) = simulation \(perRun(costs.simulation)) + CSV lines and store rows \(perRun(costs.preparation))
            once per process: engine fingerprint \(String(format: "%.1f ms", 1000 * costs.fingerprint)), not counted per run
            coordinator (serial): \(perRun(serial)) = registering the plan \(perPlanRun(costs.register)) + look-up \(perRun(costs.lookUp)) (addresses alone \(perRun(costs.addresses))) + store write \(perRun(costs.write)) + CSV rows \(perRun(costs.rows))
            rerun, every run found in the store: look-up and read \(perRun(costs.read))
            serial work: \(String(format: "%.2f", 100 * serial / costs.simulation))% of simulation work, \(String(format: "%.2f", 100 * serial / parallel))% of the jobs' work
            Amdahl's law allows: \(speedUps.joined(separator: ", "))
            """
    }

    /// The CPU time of the calling thread, in seconds: the bench runs every step on one thread, so
    /// this counts its work alone, whatever else the machine runs.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// `body`'s result, its CPU time added to `total`.
    private static func cpu<T>(into total: inout Double, _ body: () throws -> T) rethrows -> T {
        let start = now()
        defer { total += now() - start }
        return try body()
    }

    /// The CPU time of `body`, in seconds.
    private static func cpu(_ body: () -> Void) -> Double {
        var total = 0.0
        cpu(into: &total, body)
        return total
    }
}
