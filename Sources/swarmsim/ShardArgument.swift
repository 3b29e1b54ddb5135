import SwarmKernel
import SwarmModel
import SwarmExperiment
import SwarmAnalysis

/// What `--shard` was given: a slice `K/N`, or `slurm`, which stands for the slice of the current
/// Slurm job array task and is resolved from its environment when the run starts.
enum ShardArgument {
    case slice(Shard)
    case slurm

    /// Parses `--shard`, refusing malformed text with a sentence that says what to type instead.
    init(parsing text: String) throws(CLIError) {
        if text == "slurm" {
            self = .slurm
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw CLIError("expected K/N, to run the K-th of N slices of the plan (e.g. --shard 2/4), or slurm inside a Slurm job array")
        }
        self = .slice(try ShardArgument.shard(index, of: count))
    }

    /// The shard to run: the slice given, or the current Slurm array task's.
    func resolve(environment: [String: String]) throws(CLIError) -> Shard {
        switch self {
        case .slice(let shard): return shard
        case .slurm: return try ShardArgument.slurmShard(environment)
        }
    }

    /// The shard of the Slurm array task `environment` describes: SLURM_ARRAY_TASK_ID counted from
    /// SLURM_ARRAY_TASK_MIN (0 when unset) in steps of SLURM_ARRAY_TASK_STEP (1 when unset), out of
    /// SLURM_ARRAY_TASK_COUNT, so that arrays numbered from 0 or from 1 (`--array=0-7`,
    /// `--array=1-8`) both work.
    private static func slurmShard(_ environment: [String: String]) throws(CLIError) -> Shard {
        func number(_ name: String, default fallback: Int? = nil) throws(CLIError) -> Int {
            guard let text = environment[name] else {
                if let fallback { return fallback }
                throw CLIError("--shard slurm: \(name) is not set; run it in a job array (sbatch --array=0-3, see scripts/sweep-slurm.sbatch), or give the shard as K/N, e.g. --shard 1/4")
            }
            guard let value = Int(text) else { throw CLIError("--shard slurm: \(name) is not a whole number (found \"\(text)\")") }
            return value
        }
        let id = try number("SLURM_ARRAY_TASK_ID")
        let count = try number("SLURM_ARRAY_TASK_COUNT")
        let first = try number("SLURM_ARRAY_TASK_MIN", default: 0)
        let step = max(try number("SLURM_ARRAY_TASK_STEP", default: 1), 1)
        guard (id - first) % step == 0, let shard = Shard(index: (id - first) / step + 1, count: count) else {
            throw CLIError("--shard slurm: array task \(id) is not one of \(count) tasks numbered from \(first) in steps of \(step); submit the job with --array=0-\(max(count, 1) - 1) or --array=1-\(max(count, 1))")
        }
        return shard
    }

    /// Slice `index` of `count`, or a message naming the slices there are.
    private static func shard(_ index: Int, of count: Int) throws(CLIError) -> Shard {
        guard count >= 1 else {
            throw CLIError("N must be 1 or more (--shard 1/1 runs the whole plan)")
        }
        guard let shard = Shard(index: index, count: count) else {
            let valid = count == 1 ? "the only shard of 1 is 1/1" : "the shards of \(count) are 1/\(count) to \(count)/\(count)"
            throw CLIError("there is no shard \(index) of \(count): K counts from 1, so \(valid)")
        }
        return shard
    }
}
