import Foundation
import Testing

/// Whether a one-node Slurm cluster can be started here: as root, with Debian's munge and
/// slurm-wlm installed (.ci/run installs them, so CI runs this test).
private let slurmCanRun: Bool = {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin"
    let tools = ["munged", "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "sinfo"]
    return getuid() == 0 && tools.allSatisfy { tool in
        path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }
}()

/// The Slurm scripts on a real cluster, not a stand-in: scripts/slurm-cluster-check.sh starts
/// munged, slurmctld and slurmd, submits the sweep as a 3-task array and the merge job after it,
/// and compares the exported files with an unsharded run's byte for byte.
@Suite struct SlurmClusterTests {
    @Test("A 3-task Slurm array and its merge job export the same five files as an unsharded run.",
          .enabled(if: slurmCanRun, "needs root and munge and slurm-wlm (apt-get install slurm-wlm munge)"))
    func sweepOnARealCluster() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin"
        let check = try runScript("scripts/slurm-cluster-check.sh", [BuiltBinary.url.path], in: RepositoryFiles.root,
                                  environment: ["PATH": path])
        let messages = check.stderr
        #expect(check.status == 0, "\(messages)")
        for file in ["runs.csv", "timeseries.csv", "aggregate.csv", "usl.csv", "scenario.resolved.json"] {
            #expect(messages.contains("same: \(file)"), "\(messages)")
        }
    }
}
