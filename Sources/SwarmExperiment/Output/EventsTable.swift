import SwarmModel

/// A run's trace as events.csv: one row per slice of an agent's time (the slices of `ChromeTrace`,
/// in hours, unrounded, with the runs.csv share each activity counts in), by agent and then time, for reading a run with a spreadsheet or pandas
/// rather than a trace viewer.
public enum EventsTable {
    public static let columns = ["agent", "role", "activity", "start_hours", "end_hours", "share"]

    /// Writes the header and every slice of `trace`.
    public static func write(_ trace: RunTrace, to output: inout some TextOutputStream) {
        CSVWriter.writeHeader(columns, to: &output)
        for slice in trace.slicesByAgent {
            CSVWriter.writeRow([.integer(slice.agent), .text(trace.roles[slice.agent].name), .text(slice.activity.name),
                                .number(slice.start), .number(slice.end), .text(slice.activity.share.name)], to: &output)
        }
    }
}
