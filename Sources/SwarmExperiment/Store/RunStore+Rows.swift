import GRDB
import SwarmModel

extension RunStore {
    /// One run's rows as the store inserts them: its address, the arguments of its `runs` row
    /// (identity, sample count, checksum and summary, in the order of the insert) and of each of its
    /// `samples` rows. Hashing the checksum and encoding every value is most of what a store does
    /// per run besides SQLite's own work; a job computes them after simulating the run
    /// (`RunPreparation.storeRows`), so the store, which writes once for every job, only executes
    /// the inserts.
    struct Rows: Sendable {
        let address: RunAddress
        let run: StatementArguments
        /// The inserts of its samples, `RunStore.samplesPerInsert` rows at the most in each: one
        /// statement for a run's samples rather than one per sample.
        let samples: [(sql: String, arguments: StatementArguments)]

        /// The rows of `run`, at the address the runner carried or, without one, at `run.spec`'s.
        init(_ run: CompletedRun) {
            let spec = run.spec
            guard let model = spec.model else { preconditionFailure("a run without its resolved model cannot be stored") }
            let address = run.address ?? RunAddress(spec)
            let identity: [(any DatabaseValueConvertible)?] = [
                address.hex, spec.scenario, spec.variant, spec.config.topology.kind.rawValue, spec.config.agents.count, spec.point,
                spec.replicate + 1, String(spec.seed), SwarmSimVersion.build, spec.durationHours, spec.sampleEveryHours,
                model.digest, RunAddress.parametersDocument(spec.parameters).compactText,
                run.result.samples.count, RunChecksum.hex(run.result),
            ]
            self.address = address
            self.run = StatementArguments(identity + run.result.summary)
            let rows = run.result.samples.enumerated().map { index, sample in
                let key: [(any DatabaseValueConvertible)?] = [address.hex, index]
                return key + sample
            }
            samples = stride(from: 0, to: rows.count, by: RunStore.samplesPerInsert).map { start in
                let chunk = rows[start..<min(rows.count, start + RunStore.samplesPerInsert)]
                return (RunStore.insertSamplesSQL(rows: chunk.count), StatementArguments(chunk.joined()))
            }
        }
    }
}
