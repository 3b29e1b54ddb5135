import ArgumentParser
import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

extension SwarmSimCommand {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the kernel on the closed lock model (machine-repairman) and print events and task cycles per second, or time model runs (--model) and print ns per event, or a sweep's serial share (--sweep).",
            discussion: """
                Each of N agents works an exponential time with mean 1 hour, then holds one FIFO lock \
                for an exponential time with mean 1/N hours, so the lock runs near saturation and the \
                event queue holds about half the agents. benchmarks/compare.sh runs the same model in SimPy.

                With --sweep SCENARIO, times instead the coordinator's serial share of a sweep of that \
                scenario: a sample of its runs (--runs) is simulated, stored, written as CSV rows and \
                read back one at a time, and it prints the CPU time of each step per run, serial work as \
                a share of simulation work and the speed-up Amdahl's law allows at 8, 32 and 64 jobs.

                With --model, each named topology runs the default model at each agent count for --hours \
                simulated hours instead (e.g. bench --model flat-lock optimistic --agents 100 1000 10000).
                """
        )

        @Option(name: .customLong("agents"), parsing: .upToNextOption, help: "Agent counts to time.")
        var agentCounts: [Int] = [20, 1000]

        @Option(help: "Task cycles to simulate per agent count.")
        var cycles = 5_000_000

        @Option(help: "Seed of the random streams.")
        var seed: UInt64 = 1

        @Option(help: "Time the serial share of a sweep of this scenario file instead of the kernel.")
        var sweep: String?

        @Option(help: "With --sweep: how many runs of the plan to time, spread over it.")
        var runs = 300

        @Option(name: .customLong("model"), parsing: .upToNextOption,
                help: "Topologies whose default model runs to time instead of the closed lock model.")
        var topologies: [String] = []

        @Option(help: "Simulated hours per model run (with --model).")
        var hours = 168.0

        func validate() throws {
            guard agentCounts.allSatisfy({ $0 >= 1 }) else {
                throw ValidationError("--agents takes counts of 1 or more, e.g. --agents 20 1000.")
            }
            guard cycles >= 1 else { throw ValidationError("--cycles must be 1 or more.") }
            guard runs >= 1 else { throw ValidationError("--runs must be 1 or more.") }
            for name in topologies where TopologyKind(rawValue: name) == nil {
                throw ValidationError("--model takes topology kinds (\(TopologyKind.allCases.map(\.rawValue).joined(separator: ", "))), found \(name).")
            }
            guard hours > 0 else { throw ValidationError("--hours must be positive.") }
        }

        func run() throws {
            if let sweep {
                return try SweepBench(plan: RunPlan(Scenario.load(file: sweep)), runs: runs).run()
            }
            if !topologies.isEmpty {
                ModelBench(topologies: topologies.compactMap(TopologyKind.init(rawValue:)), agentCounts: agentCounts, hours: hours, seed: seed).run()
                return
            }
            for agents in agentCounts {
                var system = ClosedLockSystem(
                    agents: agents,
                    work: .init(.exponential(mean: 1)),
                    hold: .init(.exponential(mean: 1 / Double(agents))),
                    seed: seed
                )
                let clock = ContinuousClock()
                let elapsed = clock.measure { system.run(cycles: cycles) }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                let events = system.events.processedCount
                print("N=\(agents) cycles=\(system.cyclesCompleted) events=\(events) seconds=\(String(format: "%.3f", seconds)) "
                    + "\(grouped(Double(events) / seconds)) events/s \(grouped(Double(system.cyclesCompleted) / seconds)) cycles/s "
                    + "digest=\(String(system.digest, radix: 16))")
            }
        }

        private func grouped(_ value: Double) -> String {
            let digits = String(Int(value.rounded()))
            var result = ""
            for (offset, character) in digits.enumerated() {
                if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
                result.append(character)
            }
            return result
        }
    }
}
