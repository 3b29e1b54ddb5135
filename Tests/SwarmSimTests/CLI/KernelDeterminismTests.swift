import Foundation
import Testing

/// Determinism across processes: what the kernel produces for a seed must not depend on the
/// process (hash seeding), only on the seed.
@Suite struct KernelDeterminismTests {
    private func digests(_ output: String) -> [Substring] {
        output.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("digest=") }
        }
    }

    @Test("Two processes simulating the lock model with one seed produce the same trajectory digest.")
    func benchTrajectoryIsIdenticalAcrossProcesses() throws {
        let arguments = ["bench", "--agents", "7", "300", "--cycles", "20000", "--seed", "42"]
        let first = try BuiltBinary.run(arguments)
        let second = try BuiltBinary.run(arguments)
        #expect(first.status == 0 && second.status == 0)
        #expect(digests(first.stdout).count == 2)
        #expect(digests(first.stdout) == digests(second.stdout))
    }

    @Test("Different seeds give different trajectories.")
    func differentSeedsDiffer() throws {
        let one = try BuiltBinary.run(["bench", "--agents", "7", "--cycles", "20000", "--seed", "1"])
        let two = try BuiltBinary.run(["bench", "--agents", "7", "--cycles", "20000", "--seed", "2"])
        #expect(digests(one.stdout).count == 1)
        #expect(digests(one.stdout) != digests(two.stdout))
    }

    @Test("Two processes sampling a distribution with one seed print byte-identical draws.")
    func sampledDrawsAreIdenticalAcrossProcesses() throws {
        let arguments = ["sample", #"{"gamma": {"shape": 0.7, "scale": 2}}"#, "--count", "1000", "--seed", "9"]
        let first = try BuiltBinary.run(arguments)
        let second = try BuiltBinary.run(arguments)
        #expect(first.status == 0)
        #expect(first.stdout.split(separator: "\n").count == 1000)
        #expect(first.stdout == second.stdout)
    }

    @Test("A bad distribution is refused with its field path and a non-zero exit.")
    func badDistributionIsRefused() throws {
        let result = try BuiltBinary.run(["sample", #"{"beta": {"a": 0, "b": 2}}"#])
        #expect(result.status != 0)
        #expect(result.stderr.contains("distribution.beta.a: must be between 0.001 and 1e15 (found 0)"))
        #expect(result.stdout.isEmpty)
    }
}
