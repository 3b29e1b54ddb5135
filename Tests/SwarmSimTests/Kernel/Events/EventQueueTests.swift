import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A model that records the order in which its events happen.
private struct Recorder: DiscreteEventSimulation {
    var events = EventQueue<Int>()
    var seen: [(time: Double, label: Int)] = []
    /// Events whose label is below this schedule a follow-up labelled label + 100 after 1 hour.
    var chainBelow = 0

    mutating func handle(_ label: Int) {
        seen.append((events.now, label))
        if label < chainBelow {
            events.schedule(label + 100, after: 1)
        }
    }
}

@Suite struct EventQueueTests {
    @Test("Events happen in time order, and same-time events in the order they were scheduled.")
    func orderIsTimeThenInsertion() {
        var model = Recorder()
        let times: [Double] = [5, 1, 3, 1, 5, 0, 3, 1]
        for (label, time) in times.enumerated() {
            model.events.schedule(label, at: time)
        }
        model.runUntilIdle()
        #expect(model.seen.map(\.label) == [5, 1, 3, 7, 2, 6, 0, 4])
        #expect(model.seen.map(\.time) == [0, 1, 1, 1, 3, 3, 5, 5])
        #expect(model.events.processedCount == 8)
    }

    @Test("Many simultaneous events keep their insertion order whatever the heap does with equal keys.")
    func tiesAtScale() {
        var model = Recorder()
        for label in 0..<5000 {
            model.events.schedule(label, at: Double(label % 3))
        }
        model.runUntilIdle()
        let expected = (0..<3).flatMap { residue in stride(from: residue, to: 5000, by: 3) }
        #expect(model.seen.map(\.label) == expected)
    }

    @Test("run(until:) stops before events due exactly at the limit and leaves the clock there.")
    func runUntilExcludesBoundary() {
        var model = Recorder()
        model.events.schedule(1, at: 2)
        model.events.schedule(2, at: 4)
        model.events.schedule(3, at: 6)
        model.run(until: 4)
        #expect(model.seen.map(\.label) == [1])
        #expect(model.events.now == 4)
        #expect(model.events.count == 2)
        model.run(until: 10)
        #expect(model.seen.map(\.label) == [1, 2, 3])
        #expect(model.events.now == 10)
    }

    @Test("Running in two pieces gives the same trajectory as running once.")
    func splitRunEqualsWholeRun() {
        var whole = Recorder(chainBelow: 50)
        var split = Recorder(chainBelow: 50)
        for label in 0..<50 {
            whole.events.schedule(label, at: Double(label) * 0.25)
            split.events.schedule(label, at: Double(label) * 0.25)
        }
        whole.run(until: 20)
        split.run(until: 7.5)
        split.run(until: 20)
        #expect(whole.seen.map(\.label) == split.seen.map(\.label))
        #expect(whole.seen.map(\.time) == split.seen.map(\.time))
    }

    @Test("Events scheduled while handling others are delayed from the current time.")
    func relativeScheduling() {
        var model = Recorder(chainBelow: 1)
        model.events.schedule(0, at: 2.5)
        model.runUntilIdle()
        #expect(model.seen.map(\.time) == [2.5, 3.5])
        #expect(model.seen.map(\.label) == [0, 100])
    }

    @Test("An empty queue reports no next event and a step does nothing.")
    func emptyQueue() {
        var model = Recorder()
        #expect(model.events.isEmpty && model.events.nextTime == nil)
        #expect(model.step() == false)
    }
}

/// A reference event queue: a plain array searched linearly for the least (time, sequence), with
/// `sequence` counting `schedule` calls as `EventQueue` documents. Obviously correct, slow.
private struct ReferenceQueue {
    var pending: [(time: Double, sequence: Int, label: Int)] = []
    var nextSequence = 0
    var now: Double

    mutating func schedule(_ label: Int, at time: Double) {
        pending.append((time, nextSequence, label))
        nextSequence += 1
    }

    var nextIndex: Int? {
        pending.indices.min { a, b in
            (pending[a].time, pending[a].sequence) < (pending[b].time, pending[b].sequence)
        }
    }

    mutating func popNext() -> Int? {
        guard let index = nextIndex else { return nil }
        let entry = pending.remove(at: index)
        now = entry.time
        return entry.label
    }
}

/// Counts live instances, to check that the queue releases each event exactly once.
private final class Tracked {
    nonisolated(unsafe) static var live = 0
    let label: Int
    init(_ label: Int) {
        self.label = label
        Tracked.live += 1
    }
    deinit { Tracked.live -= 1 }
}

@Suite struct EventQueueRandomizedTests {
    /// Replays a random mix of schedules (with many equal times), pops, peeks, clock moves and
    /// copies on both queues; returns a description of the first disagreement, or nil.
    private func firstMismatch(seed: UInt64, operations: Int) -> String? {
        var rng = Xoshiro256StarStar(seed: seed)
        let start = seed % 3 == 0 ? -50.0 : (seed % 3 == 1 ? 0 : 1e6)
        var queue = EventQueue<Int>(startTime: start)
        var reference = ReferenceQueue(now: start)
        var label = 0
        // Some phases favour scheduling (the queue grows past its initial capacity several times),
        // others popping (it drains to empty, then is used again).
        var scheduleWeight = 0.5
        for step in 0..<operations {
            if step % 500 == 0 { scheduleWeight = [0.3, 0.5, 0.7, 0.9][rng.nextInt(below: 4)] }
            let context = "seed \(seed), step \(step)"
            let u = rng.nextUnit()
            if u < scheduleWeight {
                // Delays from a small set make equal times common; the rest are continuous.
                let delay: Double
                switch rng.nextInt(below: 4) {
                case 0: delay = 0
                case 1: delay = Double(rng.nextInt(below: 4)) * 0.5
                case 2: delay = rng.nextUnit() * 3
                default: delay = Double(rng.nextInt(below: 3))
                }
                if rng.nextInt(below: 2) == 0 {
                    queue.schedule(label, after: delay)
                } else {
                    queue.schedule(label, at: queue.now + delay)
                }
                reference.schedule(label, at: reference.now + delay)
                label += 1
            } else if u < scheduleWeight + (1 - scheduleWeight) * 0.9 {
                let got = queue.popNext()
                let expected = reference.popNext()
                if got != expected { return "\(context): popNext gave \(String(describing: got)), expected \(String(describing: expected))" }
                if queue.now != reference.now { return "\(context): now \(queue.now), expected \(reference.now)" }
            } else if rng.nextInt(below: 2) == 0 {
                // Move the clock to a time no later than the next event.
                let limit = reference.nextIndex.map { reference.pending[$0].time } ?? reference.now + 1
                let time = reference.now + (limit - reference.now) * Double(rng.nextInt(below: 3)) / 2
                queue.advanceClock(to: time)
                reference.now = time
            } else {
                // A copy must be independent of the original: drain it and check it, then go on
                // with the original as if nothing had happened.
                var copy = queue
                var referenceCopy = reference
                for _ in 0..<rng.nextInt(below: 20) {
                    if copy.popNext() != referenceCopy.popNext() { return "\(context): a copy popped out of order" }
                    copy.schedule(-1, after: 0.25)
                    referenceCopy.schedule(-1, at: referenceCopy.now + 0.25)
                }
            }
            let expectedNext = reference.nextIndex.map { reference.pending[$0].time }
            if queue.nextTime != expectedNext { return "\(context): nextTime \(String(describing: queue.nextTime)), expected \(String(describing: expectedNext))" }
            if queue.count != reference.pending.count { return "\(context): count \(queue.count), expected \(reference.pending.count)" }
            if queue.isEmpty != reference.pending.isEmpty { return "\(context): isEmpty disagrees" }
        }
        while let expected = reference.popNext() {
            let got = queue.popNext()
            if got != expected { return "seed \(seed), final drain: popNext gave \(String(describing: got)), expected \(expected)" }
        }
        if queue.popNext() != nil || !queue.isEmpty { return "seed \(seed): the queue is not empty after the drain" }
        return nil
    }

    @Test("Random interleavings of schedule, pop, peek, clock moves and copies match a reference queue ordered by (time, sequence).",
          arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as [UInt64])
    func matchesReference(seed: UInt64) {
        let mismatch = firstMismatch(seed: seed, operations: 6000)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("Events holding references are each released exactly once, whether popped, left pending, copied or never popped.")
    func eventsAreReleasedExactlyOnce() {
        do {
            var queue = EventQueue<Tracked>()
            for i in 0..<100 { queue.schedule(Tracked(i), at: Double(i % 7)) }  // grows three times
            for _ in 0..<30 { _ = queue.popNext() }  // the last popped event's slot stays pending
            #expect(Tracked.live == 70)
            var copy = queue  // shares the storage, pending slot included
            copy.schedule(Tracked(1000), after: 1)  // copies it, then reuses the pending slot
            #expect(Tracked.live == 71)
            #expect(copy.count == 71 && queue.count == 70)
            _ = copy.popNext()
            _ = copy.popNext()  // frees the pending slot of the copy
            #expect(Tracked.live == 71)  // both popped events are still in the original
            _ = queue.popNext()
        }
        #expect(Tracked.live == 0)
    }
}
