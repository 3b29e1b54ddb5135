import Testing
@testable import SwarmKernel
@testable import SwarmModel

/// The board's lost updates, written out by hand: operations read at one time and write at a
/// later one, and a write made on a stale copy undoes what was written since (F2).
@Suite struct TaskBoardTests {
    /// A world of three peers, no busywork, tasks drawn as they are listed (no milestone holds drawn
    /// tasks back, so every open task is on the board or marked done), and a board for them.
    private struct Fixture {
        var world: World
        var board: TaskBoard

        init() {
            var config = ModelConfig()
            config.board.busyworkProbability = 0
            config.tasks.milestoneTasksPerAgent = 0
            world = World(config: config, seed: 5, roles: [.peer, .peer, .peer], lockCount: 1)
            board = TaskBoard(config: config.board, peers: 3)
        }

        /// Agent `a` lands its task, done right (a broken landing would start a fix).
        mutating func landCorrect(_ a: Int) {
            world.agents[AgentID(a)].attemptCorrect = true
            let fixing = world.land(AgentID(a))
            #expect(!fixing)
        }

        /// Agent `a` starts an operation (reads the board) at `time`.
        mutating func read(_ a: Int, at time: Double) {
            world.events.advanceClock(to: time)
            board.beginOperation(AgentID(a), at: time)
        }

        /// Agent `a` writes the board at `time` (with the lock or the version check when
        /// `guarded`), claiming a task; returns it.
        @discardableResult
        mutating func claim(_ a: Int, at time: Double, guarded: Bool = true) -> Int32 {
            world.events.advanceClock(to: time)
            board.write(by: AgentID(a), guarded: guarded, &world)
            #expect(board.claimNext(AgentID(a), &world))
            return world.agents[AgentID(a)].task
        }

        /// Agent `a` lands its task at `read` and marks it done in an operation until `write`.
        mutating func finish(_ a: Int, read time: Double, write: Double) {
            read(a, at: time)
            landCorrect(a)
            world.events.advanceClock(to: write)
            board.write(by: AgentID(a), guarded: true, &world)
            board.markDone(by: AgentID(a), &world)
        }
    }

    @Test("A claim overwritten by a stale write: the task is listed again, and its peer's change is discarded as it lands.")
    func claimOverwritten() {
        var f = Fixture()
        f.read(0, at: 1)
        // Agent 1 reads before agent 0's claim and writes after it without the lock.
        f.read(1, at: 1.5)
        let task = f.claim(0, at: 2)
        f.claim(1, at: 3, guarded: false)
        #expect(f.world.counters.lostUpdates == 1)
        // The task is listed again (or agent 1 picked it from the list as it wrote).
        #expect(f.board.listed.contains(task) || f.board.claimed.contains { $0.slot == task && $0.agent == AgentID(1) })
        #expect(!f.board.hasClaimOfRecord(AgentID(0)))
        #expect(f.board.invariantViolations(f.world).isEmpty)
        #expect(f.board.discardUnclaimedChange(AgentID(0), &f.world))
        #expect(f.world.counters.discardedChanges == 1 && f.world.agents[AgentID(0)].task == -1)
        #expect(!f.board.discardUnclaimedChange(AgentID(1), &f.world), "the stale writer's own claim stands")
    }

    @Test("A done mark lost: its peer's claim is back on the board, and the peer takes the finished task up again.")
    func doneMarkLost() {
        var f = Fixture()
        f.read(0, at: 1)
        let task = f.claim(0, at: 2)
        // Agent 1 reads after the claim and before the done mark, and writes after the mark.
        f.read(1, at: 3)
        f.finish(0, read: 4, write: 5)
        #expect(f.world.counters.tasksDone == 1)
        f.claim(1, at: 6, guarded: false)
        #expect(f.world.counters.lostUpdates == 1)
        #expect(f.board.claimed.contains { $0.slot == task && $0.agent == AgentID(0) })
        #expect(f.board.invariantViolations(f.world).isEmpty)
        f.read(0, at: 7)
        #expect(f.claim(0, at: 8) == task, "the claim in its name is its next task")
        #expect(f.board.hasClaimOfRecord(AgentID(0)))
        f.landCorrect(0)
        #expect(f.world.counters.duplicateTasks == 1 && f.world.counters.tasksDone == 1)
    }

    @Test("A stale write older than the claim as well: the finished task is listed open again.")
    func doneMarkAndClaimLost() {
        var f = Fixture()
        f.read(0, at: 1)
        f.read(1, at: 1.5)
        let task = f.claim(0, at: 2)
        f.finish(0, read: 4, write: 5)
        f.claim(1, at: 6, guarded: false)
        #expect(f.world.counters.lostUpdates == 2)
        #expect(f.board.listed.contains(task) || f.board.claimed.contains { $0.slot == task && $0.agent == AgentID(1) })
        #expect(!f.board.claimed.contains { $0.agent == AgentID(0) })
        #expect(f.board.invariantViolations(f.world).isEmpty)
    }

    @Test("The lock holder's write undoes only what was written without the lock since it read the board.")
    func lockHolderUndoesUnlockedWrites() {
        var f = Fixture()
        f.read(0, at: 1)
        f.claim(0, at: 2)
        // Agent 2 takes the lock as agent 0 lets it go; agent 1 writes without it meanwhile.
        f.read(2, at: 2)
        f.read(1, at: 2.5)
        f.claim(1, at: 3, guarded: false)
        f.claim(2, at: 4)
        #expect(f.world.counters.lostUpdates == 1)
        #expect(f.board.hasClaimOfRecord(AgentID(0)) && !f.board.hasClaimOfRecord(AgentID(1)) && f.board.hasClaimOfRecord(AgentID(2)))
        #expect(f.board.invariantViolations(f.world).isEmpty)
    }

    @Test("Writes that read a board nobody changed since lose nothing, with or without the lock.")
    func freshWritesLoseNothing() {
        var f = Fixture()
        f.read(0, at: 1)
        f.claim(0, at: 2)
        f.read(1, at: 2)
        f.claim(1, at: 3, guarded: false)
        f.finish(0, read: 3, write: 4)
        f.read(2, at: 4)
        f.claim(2, at: 5, guarded: false)
        #expect(f.world.counters.lostUpdates == 0)
        #expect(f.board.hasClaimOfRecord(AgentID(1)) && f.board.hasClaimOfRecord(AgentID(2)))
    }

    @Test("A done mark is forgotten once every operation in progress read the board after it, and its task freed.")
    func doneMarksArePruned() {
        var f = Fixture()
        for round in 0..<20 {
            let start = Double(round) * 10
            f.read(0, at: start)
            f.claim(0, at: start + 1)
            f.finish(0, read: start + 2, write: start + 3)
        }
        #expect(f.board.doneMarks.count < 16)
        #expect(f.board.invariantViolations(f.world).isEmpty)
        #expect(f.world.backlog.pool.liveSlots().filter { $0 }.count <= f.board.listed.count + f.board.doneMarks.count)
    }
}
