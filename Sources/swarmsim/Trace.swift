import ArgumentParser
import Foundation
import SwarmModel
import SwarmExperiment

extension SwarmSimCommand {
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate one run of a scenario and write its trace for Perfetto or chrome://tracing, and events.csv.",
            discussion: """
                Picks one run with --variant, --where and --replicate (all runs of the plan match what is \
                left out; when several still match, the error lists how to narrow them) and simulates it. \
                Writes --out (default trace.json) in the Chrome Trace Event format, which ui.perfetto.dev \
                and chrome://tracing open: one process per role with one thread per agent, whose slices are \
                its activities (working, reworking, rebasing, lock wait, coordinating, blocked, idle, \
                restarting, and inside them planning, reviewing, checking, waiting for a build slot, building, \
                waiting for the gate and in the gate), each slice naming the share it counts in, so they add up \
                exactly to runs.csv's shares, and counter tracks for the board lock, \
                the build slots, the commit gate and main's open breaks. One simulated hour is one second \
                of trace time. Writes events.csv beside it: one row per slice, in hours. \
                Both files appear whole or not at all. A trace grows with agents and hours (about 100 bytes \
                per slice), so runs of more than --max-agents agents are refused.
                """
        )

        @OptionGroup var options: ScenarioOptions

        @OptionGroup var selection: RunFilterOptions

        @Option(help: "The trace file (Chrome Trace Event JSON), its folder created if need be; events.csv is written beside it.")
        var out = "trace.json"

        @Option(name: .customLong("max-agents"), help: "Refuse runs with more agents than this: their trace files would be huge.")
        var maxAgents = 1_000

        func run() throws {
            let spec = try selection.filter.run(of: options.load())
            let agents = spec.config.agents.count
            guard agents <= maxAgents else {
                throw CLIError("the run has \(agents) agents, more than --max-agents \(maxAgents): a trace holds about 100 bytes per slice and each agent makes several slices per simulated hour; give --max-agents \(agents) to trace it anyway, or pick a run with fewer agents (--where agents.count=N)")
            }
            let trace: RunTrace
            do {
                (_, trace) = try Simulation.trace(spec, stoppingWhen: { false })
            } catch {
                throw RunawayRun(id: nil, spec: spec, stop: error)
            }
            let folder = (out as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let eventsPath = (folder as NSString).appendingPathComponent("events.csv")
            let traceURL = URL(fileURLWithPath: out), eventsURL = URL(fileURLWithPath: eventsPath)
            let traceFile = try AtomicFile(destination: traceURL)
            let eventsFile = try AtomicFile(destination: eventsURL)
            var traceOutput = traceFile, eventsOutput = eventsFile
            ChromeTrace.write(trace, of: spec, to: &traceOutput)
            EventsTable.write(trace, to: &eventsOutput)
            try traceFile.commit()
            try eventsFile.commit()
            let size = (try? FileManager.default.attributesOfItem(atPath: traceURL.path)[.size] as? Int) ?? 0
            let summary = "\(spec.variant), replicate \(spec.replicate + 1), \(counted(agents, "agent")): "
                + "\(counted(trace.slices.count, "slice")) written to \(out) (\(size / 1024) KiB) and \(eventsPath)\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
    }
}
