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
        let values: KeyValuePairs<SharedTrack, Int> = [
            .boardLock: boardLock, .boardLockQueue: boardQueue,
            .buildSlotsInUse: buildSlots?.inUse ?? 0, .buildQueue: buildSlots?.line.count ?? 0,
            .commitGateQueue: gate.line.count, .mainOpenBreaks: main.openBreaks,
        ]
        let time = now
        for (track, value) in values {
            trace!.record(track, value, at: time)
        }
    }
}
