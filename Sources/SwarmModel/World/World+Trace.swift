extension World {
    /// Records the shared machinery's levels now in the trace; only for a run that keeps one.
    /// Called after every event rather than from each resource, so the resources stay unaware of
    /// tracing and an untraced run pays one branch per event.
    mutating func recordSharedLevels() {
        var boardLock = 0, boardQueue = 0
        if locks.count > 0 {
            switch locks.holder[0] {
            case .free: boardLock = 0
            case .agent: boardLock = 1
            case .orphaned: boardLock = 2
            }
            boardQueue = locks.waiting(for: 0).count
        }
        let (buildsInUse, buildQueue) = (buildSlots?.inUse ?? 0, buildSlots?.line.count ?? 0)
        let (gateQueue, openBreaks, time) = (gate.line.count, main.openBreaks, now)
        trace!.record(.boardLock, boardLock, at: time)
        trace!.record(.boardLockQueue, boardQueue, at: time)
        trace!.record(.buildSlotsInUse, buildsInUse, at: time)
        trace!.record(.buildQueue, buildQueue, at: time)
        trace!.record(.commitGateQueue, gateQueue, at: time)
        trace!.record(.mainOpenBreaks, openBreaks, at: time)
    }
}
