import Testing
@testable import SwarmSim

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
