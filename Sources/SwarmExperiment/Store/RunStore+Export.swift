import Foundation
import SwarmModel

extension RunStore {
    /// The stored scenario `selection` names: the one with that name, or else the one whose address
    /// begins with it; with no selection, the store's only scenario. Throws when there is none, or
    /// more than one (a scenario run again with other settings or variants is stored again).
    public func scenario(selecting selection: String?) throws(RunStoreError) -> StoredScenario {
        let stored = try scenarios()
        let named = selection.map { name in stored.filter { $0.name == name } } ?? stored
        let addressed = selection.map { prefix in stored.filter { !prefix.isEmpty && $0.address.hasPrefix(prefix.lowercased()) } } ?? []
        let candidates = named.isEmpty ? addressed : named
        guard candidates.count == 1 else {
            throw candidates.isEmpty
                ? .noSuchScenario(file: file, selection: selection, known: stored.map(\.summary))
                : .ambiguousScenario(file: file, selection: selection, candidates: candidates.map(\.summary))
        }
        return candidates[0]
    }

    /// Writes runs.csv, timeseries.csv, aggregate.csv, usl.csv and scenario.resolved.json of
    /// `scenario` into `folder` again, byte for byte as `swarmsim run` wrote them, without
    /// simulating: the plan is re-created from the stored scenario and its runs' stored results go
    /// through the same `ResultsWriter`, in plan order. Writes nothing unless the store holds every
    /// run of the plan.
    public func export(_ scenario: StoredScenario, to folder: URL) throws(RunStoreError) {
        try export(scenario.plan(storedIn: file), of: scenario.name, to: folder)
    }

    /// Writes the result files of `plan` (a stored scenario's plan, `StoredScenario.plan(storedIn:)`,
    /// or a filtered view of it, `RunPlan.filtered(by:)`) named `name` into `folder`, as
    /// `export(_:to:)` does.
    public func export(_ plan: RunPlan, of name: String, to folder: URL) throws(RunStoreError) {
        let missing = try reading { db in
            try plan.reduce(0) { count, spec in try RunStore.holds(RunAddress(spec), db) ? count : count + 1 }
        }
        guard missing == 0 else {
            throw .missingRuns(file: file, scenario: name, missing: missing, total: plan.count)
        }
        do {
            let writer = try ResultsWriter(plan: plan, directory: folder)
            let table = ReplicateTable(plan: plan, metrics: SummaryMetric.aggregated)
            for (offset, spec) in plan.enumerated() {
                guard let result = try storedResult(for: spec) else {
                    throw RunStoreError.database(file: file, reason: "run \(offset + 1) of \"\(name)\" vanished during the export")
                }
                let run = CompletedRun(id: offset + 1, spec: spec, result: result)
                writer.record(run)
                table.record(run)
            }
            try writer.commit(aggregating: table)
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw .cannotWriteResults(folder: folder.path, reason: SystemErrorText.plain(error))
        }
    }
}
