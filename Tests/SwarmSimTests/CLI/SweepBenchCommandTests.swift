import Foundation
import Testing

/// `swarmsim bench --sweep`: its figures are printed, never asserted, but they must come from work
/// done: a writer that wrote nothing would make a sweep's serial share look small.
@Suite struct SweepBenchCommandTests {
    @Test("bench --sweep times the coordinator and the store's writer, and the writer's time is that of real inserts.")
    func sweepBenchTimesTheWriter() throws {
        let scenario = RepositoryFiles.root.appendingPathComponent("scenarios/flat-vs-hierarchy.json").path
        let result = try BuiltBinary.run(["bench", "--sweep", scenario, "--runs", "6"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        let writer = try #require(lines.first { $0.hasPrefix("store writer") })
        let milliseconds = try #require(writer.split(separator: " ").reversed().dropFirst().first.flatMap { Double($0) })
        #expect(milliseconds > 0, "\(writer)")
        #expect(lines.contains { $0.hasPrefix("coordinator (serial)") })
        #expect(lines.contains { $0.hasPrefix("Amdahl's law allows: 8 jobs") })
    }
}
