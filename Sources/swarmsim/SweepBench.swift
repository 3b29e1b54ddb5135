import Foundation
import SwarmModel
import SwarmExperiment

/// `swarmsim bench --sweep SCENARIO`: how much of a sweep is serial work on the coordinator (the
/// run store and the CSV rows, done one run at a time for every job) against simulation (done by
/// the jobs in parallel), and so the speed-up Amdahl's law allows. Runs a sample of the plan spread
/// over it, one at a time, timing each step in process CPU time, into a store and results folder
/// in a temporary folder that is removed afterwards. Figures vary with the machine; they are
/// printed, never asserted.
struct SweepBench {
    let plan: RunPlan
    /// How many runs of the plan to time.
    let runs: Int

    /// CPU seconds of each step, summed over the timed runs.
    private struct Costs {
        var simulation = 0.0
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
        var costs = Costs()

        // A first sweep: every run looked up (absent), simulated, stored and written as CSV rows.
        let lookups = try SweepBench.cpu(into: &costs.lookUp) { try store.addresses(of: specs.map(\.spec)) }
        costs.addresses = SweepBench.cpu { _ = specs.map { RunAddress($0.spec) } }
        for ((position, spec), lookup) in zip(specs, lookups) {
            let result = SweepBench.cpu(into: &costs.simulation) { Simulation.run(spec) }
            let run = CompletedRun(id: position + 1, spec: spec, result: result, address: lookup.address)
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
        let serial = costs.lookUp + costs.write + costs.rows
        let share = serial / costs.simulation
        let fraction = serial / (serial + costs.simulation)
        let speedUps = [8, 32, 64].map { jobs in
            String(format: "%d jobs %.1fx", jobs, 1 / (fraction + (1 - fraction) / Double(jobs)))
        }
        return """
            sweep "\(plan.scenario.name)": \(plan.count) runs in the plan, \(timed) timed, spread over it; CPU time per run
            simulation (the jobs, in parallel): \(perRun(costs.simulation))
            coordinator (serial): \(perRun(serial)) = look-up \(perRun(costs.lookUp)) (addresses alone \(perRun(costs.addresses))) + store write \(perRun(costs.write)) + CSV rows \(perRun(costs.rows))
            rerun, every run found in the store: look-up and read \(perRun(costs.read))
            serial work: \(String(format: "%.2f", 100 * share))% of simulation work
            Amdahl's law allows: \(speedUps.joined(separator: ", "))
            """
    }

    /// The process CPU time, in seconds.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
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
