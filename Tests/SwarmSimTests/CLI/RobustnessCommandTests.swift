import Foundation
import Testing

/// `swarmsim check --robustness N` on claims whose robustness is known by construction.
@Suite struct RobustnessCommandTests {
    /// A claim decided by the swarm's size alone (throughput of 1-2 planner-worker agents is below
    /// what 6-8 deliver), a claim that always holds, and a factor that decides neither.
    private static let scenario = """
        {"name": "r", "topology": {"kind": "planner-worker"}, "duration_hours": 24, "replications": 2,
         "factors": {"agents.count": {"integer": [1, 8]}, "board.busywork_probability": {"uniform": [0, 0.5]}},
         "expect": [{"description": "more than 2 tasks an hour", "metric": "throughput_tasks_per_hour", "between": [2, 1000]},
                    {"description": "no lock wait", "metric": "lock_wait_share", "between": [0, 0]}]}
        """

    @Test("The share of draws where each claim holds, with its interval; the deciding factor separates; byte-identical across processes.")
    func robustness() throws {
        let workspace = try Workspace(Self.scenario)
        let result = try workspace.run(["check", "scenario.json", "--robustness", "24", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "robustness: 24 Latin-hypercube draws of 2 factors (agents.count, board.busywork_probability)")
        #expect(lines.count == 5, "\(result.stdout)")
        #expect(lines[1].hasPrefix("more than 2 tasks an hour: holds in "), "\(lines[1])")
        #expect(!lines[1].contains("holds in 0%") && !lines[1].contains("holds in 100%"), "\(lines[1])")
        #expect(lines[2].hasPrefix("      most separating factor: agents.count (Kolmogorov-Smirnov distance "), "\(lines[2])")
        #expect(lines[2].hasSuffix("holds where it is high)"))
        #expect(lines[3] == "no lock wait: holds in 100% [86%, 100%] of the plausible configurations")
        #expect(lines[4] == "      no factor separates: it holds in every draw")
        let again = try workspace.run(["check", "scenario.json", "--robustness", "24", "--quiet", "--jobs", "1"])
        #expect(again.stdout == result.stdout)
    }

    @Test("A scenario without factors is refused, saying what to add.")
    func needsFactors() throws {
        let workspace = try Workspace(#"{"name": "r", "expect": [{"metric": "throughput_tasks_per_hour", "between": [0, 1000]}]}"#)
        let result = try workspace.run(["check", "scenario.json", "--robustness", "4"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scenario.json has no factors: give it a \"factors\" object"), "\(result.stderr)")
    }
}
