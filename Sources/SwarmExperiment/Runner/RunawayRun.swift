import SwarmModel

/// Thrown by `ExperimentRunner` when a run spends its event budget before its simulated time is up:
/// its parameters make events pile up (an interval near zero) or its run is far longer than meant.
/// The message names the run, how far it got and the parameter behind most of its last events.
public struct RunawayRun: Error, CustomStringConvertible {
    /// 1-based position of the run in the plan; nil for a run picked by a filter (`swarmsim trace`).
    public let id: Int?
    public let spec: RunSpec
    public let stop: RunStopped

    public init(id: Int?, spec: RunSpec, stop: RunStopped) {
        self.id = id
        self.spec = spec
        self.stop = stop
    }

    /// "run 12 " or "the run ", to start the message.
    private var runNumber: String { id.map { "run \($0) " } ?? "the run " }

    public var description: String {
        guard case .eventBudgetSpent(let events, let reachedHour, let busiest) = stop else {
            return "\(runNumber)(variant \"\(spec.variant)\", replicate \(spec.replicate + 1)) stopped early"
        }
        return "\(runNumber)(variant \"\(spec.variant)\", sweep point \(spec.point), replicate \(spec.replicate + 1)) processed \(events) events "
            + "but reached only hour \(formatNumber((reachedHour * 1000).rounded() / 1000)) of \(formatNumber(spec.durationHours)); most of its last events are due to "
            + "\(busiest), likely too small; make it larger, or raise max_events_per_run if the run is meant to be this busy"
    }
}
