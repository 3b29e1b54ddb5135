import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct BacklogTests {
    private let codebase = Codebase(CodebaseConfig())

    private func backlog(_ config: TasksConfig = TasksConfig(), seed: UInt64 = 7) -> Backlog {
        Backlog(config: config, areas: codebase.areas, agents: 1, streams: RandomStreams(seed: seed))
    }

    private struct Fingerprint: Equatable {
        let area: Int32
        let difficulty: Double
        let effort: Double
        let files: [Int32]
    }

    private func fingerprint(_ b: Backlog, _ slot: Int32) -> Fingerprint {
        Fingerprint(area: b[slot].area, difficulty: b[slot].difficulty, effort: b[slot].effort, files: Array(b.files(of: slot)))
    }

    @Test("A task is the same whether a planner takes its area's work or peers take the global order (common random numbers).")
    func sameTasksWhicheverWayTaken() {
        var peers = backlog()
        var byID: [Int: Fingerprint] = [:]
        for _ in 0..<500 {
            let slot = peers.nextInOrder(codebase: codebase)!
            byID[peers[slot].id] = fingerprint(peers, slot)
        }
        var planners = backlog()
        var matched = 0
        for area in 0..<codebase.areas {
            for _ in 0..<10 {
                let slot = planners.next(inArea: area, codebase: codebase)!
                if let expected = byID[planners[slot].id] {
                    #expect(fingerprint(planners, slot) == expected)
                    matched += 1
                }
            }
        }
        #expect(matched > 100)
    }

    @Test("Tasks touch distinct files, mostly in their own area, and hard means difficulty above the threshold.")
    func taskShape() {
        var b = backlog()
        var crossArea = 0
        for _ in 0..<2_000 {
            let slot = b.nextInOrder(codebase: codebase)!
            let files = Array(b.files(of: slot))
            #expect(Set(files).count == files.count)
            #expect(codebase.area(of: files[0]) == Int(b[slot].area))
            if files.contains(where: { codebase.area(of: $0) != Int(b[slot].area) }) { crossArea += 1 }
            #expect(b[slot].hard == (b[slot].difficulty > 0.6))
        }
        // 5% cross-area: binomial sd over 2,000 tasks is about 10, so 100 +- 45 covers 4.5 sd.
        #expect((55...145).contains(crossArea))
    }

    @Test("A finite goal hands out exactly its task count, then nothing.")
    func finiteGoal() {
        var config = TasksConfig()
        config.count = 300
        var b = backlog(config)
        var handed = 0
        while b.nextInOrder(codebase: codebase) != nil { handed += 1 }
        #expect(handed == 300)
    }

    @Test("A task given back is handed out again before new work of its area.")
    func givenBackFirst() {
        var b = backlog()
        let first = b.next(inArea: 3, codebase: codebase)!
        let id = b[first].id
        b.giveBack(first)
        let again = b.next(inArea: 3, codebase: codebase)!
        #expect(b[again].id == id)
        #expect(b.offered == 1)
    }

    @Test("A dependent task waits until the task before it in its area lands.")
    func dependenciesWait() {
        var config = TasksConfig()
        config.dependencyProbability = 0.9
        var b = backlog(config)
        let first = b.next(inArea: 0, codebase: codebase)!
        // With probability 0.9 every later task of area 0 waits for its predecessor; none is free
        // until the first lands (unless a task happened not to depend: then it comes out).
        if let other = b.next(inArea: 0, codebase: codebase) {
            #expect(!b[other].dependsOnPrevious)
        } else {
            _ = b.markDone(first)
            let released = b.next(inArea: 0, codebase: codebase)!
            #expect(b[released].id == b[first].id + codebase.areas)
        }
    }

    @Test("A milestone's tasks are handed out smallest first as estimated, and the next milestone is drawn after the last.")
    func milestonesSmallestFirst() {
        for estimateSD in [0.0, 0.5] {
            var config = TasksConfig()
            config.milestoneTasksPerAgent = 10
            config.sizeEstimateSD = estimateSD
            // 16 agents on 16 areas: milestones of 10 tasks per area.
            var b = Backlog(config: config, areas: codebase.areas, agents: codebase.areas, streams: RandomStreams(seed: 4))
            let first = (0..<10).map { _ in b.next(inArea: 3, codebase: codebase)! }
            let estimates = first.map { b[$0].estimatedEffort }
            #expect(estimates == estimates.sorted(), "sd \(estimateSD)")
            if estimateSD == 0 { #expect(first.map { b[$0].effort } == first.map { b[$0].estimatedEffort }) }
            #expect(Set(first.map { b[$0].id }) == Set((0..<10).map { $0 * codebase.areas + 3 }), "the area's first ten tasks")
            let next = b.next(inArea: 3, codebase: codebase)!
            #expect(b[next].id / codebase.areas >= 10, "the eleventh comes from the second milestone")
        }
    }
}
