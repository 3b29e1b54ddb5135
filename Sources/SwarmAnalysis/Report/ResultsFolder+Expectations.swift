import Foundation
import SwarmExperiment
import SwarmModel

extension ResultsFolder {
    /// The scenario's expectations checked against runs.csv, exactly as `swarmsim check` checks
    /// them: the scenario is rebuilt from scenario.resolved.json, its plan re-made (and filtered as
    /// the document's `plan.filter` says, for a run of `--where` or `--replicate`), and each row of
    /// runs.csv recorded as the run at its run_id. nil when that cannot be done faithfully (the
    /// document does not reload, the plan differs from the one recorded, a row does not match its
    /// run, or a run is missing or given twice), so the report never shows a verdict computed from
    /// a different plan or from some of its runs. Counts read from the files are converted with
    /// `Int(exactly:)`: a count no `Int` holds matches no plan.
    var expectationOutcomes: [ExpectationOutcome]? {
        guard case .object(var document) = resolved, case .object(let recorded)? = document["plan"],
              case .number(let replicates)? = recorded["replicates"], case .number(let runCount)? = recorded["runs"],
              case .array(let variantNames)? = recorded["variants"], case .array(let sweepOrder)? = recorded["sweep_order"]
        else { return nil }
        // The resolved document adds keys a scenario file does not take and spells every key of an
        // expectation, unset ones as null; the loader takes only what a user could have written.
        var settings: [Setting] = []
        if case .array(let entries)? = document["settings"] {
            guard let recordedSettings = ResultsFolder.settings(entries) else { return nil }
            settings = recordedSettings
        }
        for key in ["plan", "settings", "swarmsim_version"] { document[key] = nil }
        if case .array(let expectations)? = document["expect"] {
            document["expect"] = .array(expectations.map { expectation in
                guard case .object(let fields) = expectation else { return expectation }
                return .object(fields.filter { $0.value != .null })
            })
        }
        guard let filter = ResultsFolder.runFilter(recorded["filter"]) else { return nil }
        // `--replications` may have overridden the scenario's count; the plan records the one used
        // (a filtered plan, the replicates it kept: the document's count is then the whole plan's).
        if recorded["filter"] == nil { document["replications"] = .number(replicates) }
        let labels = variantNames.compactMap { if case .string(let label) = $0 { label } else { nil } }
        guard let data = scenarioText(document, sweepOrder: sweepOrder),
              let scenario = try? Scenario.decode(data, file: ResultsWriter.resolvedFile, settings: settings),
              let plan = try? RunPlan(scenario, selecting: labels).filtered(by: filter),
              plan.count == Int(exactly: runCount), plan.replicates == Int(exactly: replicates),
              scenario.sweep.axes.map({ JSONValue.string($0.path) }) == sweepOrder
        else { return nil }
        let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: scenario.expectations))
        var recordedIDs = Set<Int>()
        for row in runs.rows {
            guard let id = runs.number(row, "run_id").flatMap({ Int(exactly: $0) }), plan.indices.contains(id - 1),
                  recordedIDs.insert(id).inserted, case let spec = plan[id - 1], spec.variant == runs.text(row, "variant"),
                  runs.number(row, "replicate") == Double(spec.replicate + 1)
            else { return nil }
            let summary = RunResult.summaryColumns.map { runs.number(row, $0) }
            table.record(CompletedRun(id: id, spec: spec, result: RunResult(summary: summary, samples: []), reused: true))
        }
        guard recordedIDs.count == plan.count else { return nil }
        return ExpectationCheck.evaluate(plan, table: table)
    }

    /// The run filter a resolved document's `plan.filter` records (none when absent); nil when it is
    /// not what `RunPlan.resolvedDocument` writes.
    static func runFilter(_ recorded: JSONValue?) -> RunFilter? {
        guard let recorded else { return RunFilter() }
        guard case .object(let fields) = recorded, case .array(let entries)? = fields["where"],
              let conditions = settings(entries) else { return nil }
        switch fields["replicate"] {
        case .null?: return RunFilter(conditions: conditions)
        case .number(let replicate)?: return Int(exactly: replicate).map { RunFilter(conditions: conditions, replicate: $0) }
        default: return nil
        }
    }

    /// Settings as a resolved document records them, `{"path", "value"}` each; nil when one is not.
    static func settings(_ entries: [JSONValue]) -> [Setting]? {
        var settings: [Setting] = []
        for entry in entries {
            guard case .object(let fields) = entry, case .string(let path)? = fields["path"], let value = fields["value"] else { return nil }
            settings.append(Setting(path: path.split(separator: ".").map(String.init), value: value, origin: .recorded))
        }
        return settings
    }

    /// `document` as JSON text with its sweep's axes in `sweepOrder`. The order of a sweep's keys
    /// is the order of the plan's groups (the loader reads it from the text), but a `JSONValue`
    /// object does not keep it, so the sweep is written last, by hand, in the recorded order; the
    /// paired axes (`zip`) where the first of them is.
    private func scenarioText(_ document: [String: JSONValue], sweepOrder: [JSONValue]) -> Data? {
        var document = document
        guard case .object(var sweep)? = document.removeValue(forKey: "sweep") else { return nil }
        var zipped: [String: JSONValue] = [:]
        if case .object(let pairs)? = sweep.removeValue(forKey: SweepGrid.zipKey) { zipped = pairs }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func entry(_ name: String, _ values: JSONValue) -> String? {
            guard let key = try? encoder.encode(JSONValue.string(name)), let text = try? encoder.encode(values) else { return nil }
            return String(decoding: key, as: UTF8.self) + ":" + String(decoding: text, as: UTF8.self)
        }
        var axes: [String] = []
        var pairs: [String] = []
        for path in sweepOrder {
            guard case .string(let name) = path else { return nil }
            if let values = sweep[name], let text = entry(name, values) {
                axes.append(text)
            } else if let values = zipped[name], let text = entry(name, values) {
                if pairs.isEmpty { axes.append("") }  // the zip's place, filled below
                pairs.append(text)
            } else {
                return nil
            }
        }
        guard axes.count + pairs.count - (pairs.isEmpty ? 0 : 1) == sweep.count + zipped.count,
              let body = try? encoder.encode(JSONValue.object(document)) else { return nil }
        let written = axes.map { $0.isEmpty ? "\"\(SweepGrid.zipKey)\":{\(pairs.joined(separator: ","))}" : $0 }
        // body is a non-empty object ("name" at least): replace its closing brace with the sweep.
        return body.dropLast() + Data(",\"sweep\":{\(written.joined(separator: ","))}}".utf8)
    }
}
