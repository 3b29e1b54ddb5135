import Foundation
import SwarmModel

extension RunStore {
    /// What `exportAll` wrote.
    public struct ExportAllCount: Sendable, Equatable {
        /// Experiments (stored plans) with at least one run in the file.
        public let experiments: Int
        /// Rows written.
        public let runs: Int
        /// Runs of the stored plans that the store lacks (not yet run, or run by another engine).
        public let missing: Int
    }

    /// The file `exportAll` writes.
    public static let allRunsFile = "runs.csv"

    /// Writes one tidy runs.csv over every experiment in the store into `folder` (atomically):
    /// `experiment` (the plan's address) and `experiment_name`, then runs.csv's columns with the
    /// parameter columns of every experiment (in order of first appearance; empty where an
    /// experiment has no such parameter). Experiments come by name and address, each's runs in
    /// plan order; a run the store lacks is left out and counted. Simulates nothing.
    public func exportAll(to folder: URL) throws(RunStoreError) -> ExportAllCount {
        var parameterNames: [String] = []
        var rows: [(experiment: StoredScenario, row: (identity: [CSVCell], parameters: [(path: String, cell: CSVCell)], metrics: [CSVCell]))] = []
        var missing = 0
        for scenario in try scenarios() {
            let plan = try scenario.plan(storedIn: file)
            for name in plan.scenario.parameterColumns where !parameterNames.contains(name) {
                parameterNames.append(name)
            }
            for (offset, spec) in plan.enumerated() {
                guard let result = try storedResult(for: spec) else {
                    missing += 1
                    continue
                }
                rows.append((scenario, ResultsWriter.runsRow(CompletedRun(id: offset + 1, spec: spec, result: result))))
            }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var output = try AtomicFile(destination: folder.appendingPathComponent(RunStore.allRunsFile))
            CSVWriter.writeHeader(["experiment", "experiment_name"] + ResultsWriter.runsIdentityColumns + parameterNames + RunResult.summaryColumns,
                                  to: &output)
            for (experiment, row) in rows {
                let cells = Dictionary(uniqueKeysWithValues: row.parameters.map { ($0.path, $0.cell) })
                CSVWriter.writeRow([.text(experiment.address), .text(experiment.name)] + row.identity
                                       + parameterNames.map { cells[$0] ?? .number(nil) } + row.metrics, to: &output)
            }
            try output.commit()
        } catch {
            throw .cannotWriteResults(folder: folder.path, reason: SystemErrorText.plain(error))
        }
        return ExportAllCount(experiments: Set(rows.map(\.experiment.address)).count, runs: rows.count, missing: missing)
    }
}
