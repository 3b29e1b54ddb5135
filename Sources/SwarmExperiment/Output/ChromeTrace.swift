import SwarmModel

/// A run's trace in the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and
/// chrome://tracing open: one process per role with a thread per agent, its activities as complete
/// ("X") slices (each with the runs.csv share it counts in as `args.share`), and one process for the shared machinery with a counter ("C") track per
/// `SharedTrack`. One simulated hour is one second of trace time (ts and dur are whole
/// microseconds, so a microsecond is 3.6 simulated milliseconds): the viewer's ruler reads hours
/// as seconds. Slices are rounded at their ends, so an agent's still tile its time exactly.
public enum ChromeTrace {
    /// Trace microseconds per simulated hour.
    public static let microsecondsPerHour = 1_000_000.0
    /// The process of the shared machinery's counters; roles follow from `firstRoleProcess`.
    static let sharedProcess = 1
    static let firstRoleProcess = 2

    /// Writes `trace` of the run `spec` as one JSON object: `traceEvents`, `displayTimeUnit` and,
    /// in `otherData`, which run it is and how to read its time.
    public static func write(_ trace: RunTrace, of spec: RunSpec, to output: inout some TextOutputStream) {
        output.write("{\"displayTimeUnit\":\"ms\",\"otherData\":")
        output.write(JSONValue.object(runDescription(spec)).compactText)
        output.write(",\"traceEvents\":[\n")
        var first = true
        func event(_ text: String) {
            if !first { output.write(",\n") }
            first = false
            output.write(text)
        }
        event(metadata("process_name", process: sharedProcess, thread: 0, name: "shared machinery"))
        for role in Role.allCases where trace.roles.contains(role) {
            event(metadata("process_name", process: process(of: role), thread: 0, name: role.name + "s"))
        }
        for (agent, role) in trace.roles.enumerated() {
            event(metadata("thread_name", process: process(of: role), thread: agent + 1, name: "\(role.name) \(agent)"))
        }
        for slice in trace.slicesByAgent {
            let start = microseconds(slice.start)
            event("{\"ph\":\"X\",\"cat\":\"activity\",\"name\":\"\(slice.activity.name)\",\"pid\":\(process(of: trace.roles[slice.agent])),"
                + "\"tid\":\(slice.agent + 1),\"ts\":\(start),\"dur\":\(microseconds(slice.end) - start),"
                + "\"args\":{\"share\":\"\(slice.activity.share.name)\"}}")
        }
        for level in trace.levels {
            event("{\"ph\":\"C\",\"name\":\"\(level.track.name)\",\"pid\":\(sharedProcess),\"tid\":0,"
                + "\"ts\":\(microseconds(level.time)),\"args\":{\"value\":\(level.value)}}")
        }
        output.write("\n]}\n")
    }

    /// `hours` as whole trace microseconds.
    public static func microseconds(_ hours: Double) -> Int {
        Int((hours * microsecondsPerHour).rounded())
    }

    static func process(of role: Role) -> Int {
        firstRoleProcess + Int(role.rawValue)
    }

    private static func metadata(_ kind: String, process: Int, thread: Int, name: String) -> String {
        "{\"ph\":\"M\",\"name\":\"\(kind)\",\"pid\":\(process),\"tid\":\(thread),\"args\":{\"name\":\(JSONValue.string(name).compactText)}}"
    }

    private static func runDescription(_ spec: RunSpec) -> [String: JSONValue] {
        var parameters: [String: JSONValue] = [:]
        for parameter in spec.parameters { parameters[parameter.path] = parameter.value }
        return [
            "scenario": .string(spec.scenario), "variant": .string(spec.variant),
            "replicate": .number(Double(spec.replicate + 1)), "seed": .number(Double(spec.seed)),
            "parameters": .object(parameters), "agents": .number(Double(spec.config.agents.count)),
            "time_scale": .string("1 s of trace time = 1 simulated hour"),
        ]
    }
}
