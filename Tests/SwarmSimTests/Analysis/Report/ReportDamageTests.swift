import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A results folder is a user's files: `report` must draw it or refuse it by name, never trap on
/// it (a run_id of 1e300 once stopped the process with exit 132) nor draw a number no run wrote.
@Suite struct ReportDamageTests {
    /// Whether `swarmsim run` could have written `value` under `column` of `file`; nil for a column
    /// of free text (labels, parameter values, seeds), where anything could be written.
    static func writable(_ value: String, column: String, file: String) -> Bool? {
        let counts = ["run_id": 10_000_000, "replicate": 1_000_000, "agents": 1_000_000, "n": 1_000_000]
        if let limit = counts[column] {
            return Double(value).flatMap { Int(exactly: $0) }.map { (1...limit).contains($0) } ?? false
        }
        let metrics = [ResultsWriter.runsFile: RunResult.summaryColumns, ResultsWriter.timeseriesFile: RunResult.sampleColumns,
                       ResultsWriter.aggregateFile: ResultsWriter.aggregateMetricColumns][file] ?? []
        return metrics.contains(column) ? value.isEmpty || Double(value)?.isFinite == true : nil
    }

    /// What the report's refusal of `damage` must say, when it must be refused: the cell no run
    /// writes, the row cut short, repeated or (where the plan fixes the rows) missing, the column
    /// gone or out of order. nil when rendering may succeed.
    static func refusal(of damage: Damage) -> String? {
        let file = damage.file
        switch damage.kind {
        case .cell(let row, let column, let value):
            return writable(value, column: column, file: file) == false ? "\(file): row \(row), column \"\(column)\": must be" : nil
        case .truncatedRow(let row):
            return "\(file): row \(row) has"
        case .duplicatedRow:
            return "\(file): row"  // repeats row
        case .deletedRow:
            return nil  // rows that do not match the plan cost the expectations their verdicts, not the report
        case .droppedColumn(let column):
            // The one metric an older swarmsim did not write may be missing; the parameter column is
            // listed in the plan; timeseries.csv without agents is read as an older one, which had no
            // parameter columns either.
            if column.hasPrefix("cost_per_effective_agent_hour_usd") { return nil }
            let header = column == "locks.lease_hours" || (file == ResultsWriter.timeseriesFile && column == "agents")
            return header ? "\(file): header column" : "\(file) has no column \"\(column)\""
        case .reorderedHeader, .renamedColumn:
            return "\(file): header column"
        case .json:
            return nil
        }
    }

    @Test("Seeded random damage to a results folder: the report renders it, or refuses it naming the file (a bad cell's row and column), never traps.")
    func randomDamage() async throws {
        let original = try await ResultsFiles.written()
        #expect(HTMLReport.render(try original.read()).contains("3 of 3 checks passed"))
        var dice = Dice(seed: 2026)
        var rendered = 0
        var refused = 0
        for _ in 0..<300 {
            let damage = Damage.random(original, dice: &dice)
            var files = original
            damage.apply(to: &files)
            let refusal = Self.refusal(of: damage)
            do {
                let html = HTMLReport.render(try files.read())
                #expect(refusal == nil, "\(damage): rendered, but must be refused with \(refusal ?? "")")
                #expect(html.hasSuffix("</html>\n"), "\(damage)")
                rendered += 1
            } catch {
                let message = "\(error)"
                #expect(error is ResultsFolderError || error is CSVInputError, "\(damage): \(type(of: error))")
                #expect(ResultsFiles.allFiles.contains { message.hasPrefix($0) } && message.contains(damage.file), "\(damage): \(message)")
                if let refusal { #expect(message.contains(refusal), "\(damage): \(message)") }
                refused += 1
            }
        }
        // The damage is real, and not all of it fatal.
        #expect(refused > 120 && rendered > 100, "\(refused) refused, \(rendered) rendered")
    }

    @Test("Damaged results folders through the built binary: report exits 1 naming the file and writes no report, or writes one; never a signal.")
    func randomDamageThroughTheBinary() async throws {
        let original = try await ResultsFiles.written()
        let workspace = try Workspace("{}")
        var dice = Dice(seed: 2027)
        var statuses: [Int32] = []
        for index in 0..<12 {
            let damage = Damage.random(original, dice: &dice)
            var files = original
            damage.apply(to: &files)
            let folder = "damaged-\(index)"
            try files.write(to: workspace.folder.appendingPathComponent(folder))
            let result = try workspace.run(["report", folder, "--out", "\(folder).html"])
            #expect(!result.signalled && (result.status == 0 || result.status == 1), "\(damage): \(result.status) \(result.stderr)")
            if result.status == 1 {
                #expect(result.stderr.hasPrefix("Error: \(folder)/") && result.stderr.contains(damage.file), "\(damage): \(result.stderr)")
                #expect(!workspace.exists("\(folder).html"), "\(damage): a report was written")
            }
            #expect(try !workspace.entries(".").contains { $0.hasSuffix(".tmp") }, "\(damage): a temporary file was left")
            statuses.append(result.status)
        }
        #expect(statuses.contains(0) && statuses.contains(1), "\(statuses)")
    }
}
