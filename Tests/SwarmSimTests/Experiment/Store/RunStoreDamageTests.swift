import Foundation
import GRDB
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// A run store is a file anyone can edit with SQL. `export` (and `report STORE`, which exports
/// first) must write exactly what its runs held when recorded, or refuse: by table and column a
/// value of the wrong type, by run a value that fails the run's checksum; never round a value,
/// never trap on a value of the wrong type.
@Suite struct RunStoreDamageTests {
    /// What goes into a damaged cell: integers beyond a double's exact range and at Int64's ends,
    /// non-finite reals, text, broken JSON, a blob, NULL, and plain numbers.
    static let values: [DatabaseValue] = [
        Int64.max.databaseValue, Int64.min.databaseValue, (-1).databaseValue, 0.databaseValue, 9_007_199_254_740_993.databaseValue,
        1e300.databaseValue, (-1e300).databaseValue, Double.infinity.databaseValue, (-Double.infinity).databaseValue, 0.5.databaseValue,
        "text".databaseValue, "".databaseValue, "[".databaseValue, "{\"a\":".databaseValue, "[]".databaseValue,
        Data([0, 1, 2]).databaseValue, .null,
    ]

    /// What export must do with a store damaged in one cell.
    enum Outcome: Equatable {
        /// Succeed with the reference files: export does not read the cell.
        case unchanged
        /// Refuse, naming the table and column.
        case refused(table: String, column: String)
        /// Refuse, naming the run as damaged: its values no longer match its checksum.
        case damagedRun
        /// Refuse, or succeed with the reference files (the row no longer matches itself, but the
        /// plan it describes is the same).
        case refusedOrUnchanged
    }

    /// One damage: `table`'s row `key` gets `value` in `column`, and what export must then do.
    struct Damage: CustomStringConvertible {
        let table: String
        let key: String
        let column: String
        let value: DatabaseValue
        let outcome: Outcome
        /// The address of the run the row belongs to ("" for a row of no run).
        let run: String
        var description: String { "\(table) \(key) \(column) = \(value.shown)" }
    }

    /// Exports the only scenario of the store at `file` into `folder` and returns the five files by name.
    static func export(_ file: String, to folder: URL) throws(RunStoreError) -> [String: Data] {
        let store = try RunStore(file: file, access: .readOnly)
        try store.export(store.scenario(selecting: nil), to: folder)
        var files: [String: Data] = [:]
        for name in ResultsWriter.files {
            files[name] = try? Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    /// Damages one random cell of the store at `file` with GRDB; nil when SQLite refuses the change
    /// (NOT NULL, a foreign key, a primary key taken) or it changes nothing.
    static func damage(_ file: String, dice: inout Dice) throws -> Damage? {
        let database = try DatabaseQueue(path: file)
        let roll = dice.pick(100)
        let table = roll < 55 ? "runs" : roll < 80 ? "samples" : roll < 90 ? "scenarios" : roll < 95 ? "models" : "metadata"
        let keyColumns = ["runs": ["address"], "samples": ["address", "sample_index"], "scenarios": ["address"], "models": ["digest"],
                          "metadata": ["key"]][table]!
        return try database.write { db -> Damage? in
            let keys = try Row.fetchAll(db, sql: "SELECT \(keyColumns.joined(separator: ", ")) FROM \(table) ORDER BY \(keyColumns.joined(separator: ", "))")
            let key = dice.one(of: keys)
            let columns = try db.columns(in: table).map(\.name)
            let column = dice.one(of: columns)
            let value = dice.one(of: values)
            let condition = keyColumns.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
            let arguments = StatementArguments(keyColumns.map { key[$0] as DatabaseValue })
            let old = try DatabaseValue.fetchOne(db, sql: "SELECT \"\(column)\" FROM \(table) WHERE \(condition)", arguments: arguments) ?? .null
            guard old != value else { return nil }
            do {
                try db.execute(sql: "UPDATE \(table) SET \"\(column)\" = ? WHERE \(condition)", arguments: [value] + arguments)
            } catch {
                return nil
            }
            return Damage(table: table, key: keyColumns.map { (key[$0] as DatabaseValue).shown }.joined(separator: " "), column: column, value: value,
                          outcome: outcome(table: table, column: column, old: old, value: value),
                          run: key.hasColumn("address") && table != "scenarios" ? String.fromDatabaseValue(key["address"]) ?? "" : "")
        }
    }

    /// What export must do after `column` of `table` went from `old` to `value`.
    static func outcome(table: String, column: String, old: DatabaseValue, value: DatabaseValue) -> Outcome {
        switch table {
        case "runs" where RunResult.summaryColumns.contains(column), "samples" where RunResult.sampleColumns.contains(column):
            // A metric: a value of a type swarmsim never writes is refused by column; another
            // number (or NULL) fails the checksum, unless it is the same double stored otherwise
            // (the integer 1 for 1.0).
            guard value.isNull || value.exactDouble != nil else { return .refused(table: table, column: column) }
            return value.isNull == old.isNull && value.exactDouble?.bitPattern == old.exactDouble?.bitPattern ? .unchanged : .damagedRun
        case "runs" where column == "sample_count":
            return value.exactInteger != nil && value.exactInteger == old.exactInteger ? .unchanged : .damagedRun
        case "runs" where column == "checksum":
            return .damagedRun
        case "samples":
            return .refused(table: table, column: column)  // sample_index (the address is a foreign key)
        case "runs", "models":
            return .unchanged  // a run's identity and models: export re-creates them from the plan
        default:
            return .refusedOrUnchanged  // scenarios, metadata
        }
    }

    @Test("Seeded random damage to a store's rows: export writes exactly what the rows say, or refuses naming the store, table and column; never traps.")
    func randomDamage() throws {
        let folder = try TemporaryFolder()
        let pristine = folder.path("pristine.sqlite")
        let plan = try StoreFixtures.plan()
        do {
            let store = try RunStore(file: pristine)
            try store.register(plan)
            try StoreFixtures.record(plan, into: store)
        }
        let reference = try Self.export(pristine, to: folder.url.appendingPathComponent("reference"))

        var dice = Dice(seed: 2030)
        var counts = (exported: 0, refused: 0, refusedBySQLite: 0)
        for index in 0..<300 {
            let file = folder.path("damaged-\(index).sqlite")
            let out = folder.url.appendingPathComponent("out-\(index)")
            defer {
                try? FileManager.default.removeItem(atPath: file)
                try? FileManager.default.removeItem(at: out)
            }
            try FileManager.default.copyItem(atPath: pristine, toPath: file)
            guard let damage = try Self.damage(file, dice: &dice) else {
                counts.refusedBySQLite += 1
                continue
            }
            let exported: [String: Data]
            do {
                exported = try Self.export(file, to: out)
            } catch {
                #expect(error.description.contains(file), "\(damage): \(error)")
                switch damage.outcome {
                case .refused(let table, let column):
                    #expect(error.description.contains("table \(table), ") && error.description.contains("column \"\(column)\""), "\(damage): \(error)")
                case .damagedRun:
                    #expect(error.description.contains("run \(damage.run.prefix(12)) is damaged: "), "\(damage): \(error)")
                case .unchanged:
                    Issue.record("\(damage): refused, but export must write it: \(error)")
                case .refusedOrUnchanged:
                    break
                }
                #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(ResultsWriter.runsFile).path), "\(damage): files written")
                counts.refused += 1
                continue
            }
            switch damage.outcome {
            case .refused, .damagedRun:
                Issue.record("\(damage): exported, but must be refused")
            case .unchanged, .refusedOrUnchanged:
                #expect(exported == reference, "\(damage): the files changed")
            }
            counts.exported += 1
        }
        // Both outcomes occur often: with checksums (schema 6) every changed metric is refused, so
        // the exports are the damages export does not read or that change no stored double.
        #expect(counts.refused > 100 && counts.exported > 20, "\(counts)")
    }

    @Test("Damaged stores through the built binary: export and report STORE exit 1 naming the store, or succeed; never a signal.")
    func randomDamageThroughTheBinary() throws {
        let workspace = try Workspace(StoreFixtures.scenarioText)
        #expect(try workspace.run(["run", workspace.scenario, "--db", "pristine.sqlite", "--out", "reference", "--quiet"]).status == 0)
        var dice = Dice(seed: 2031)
        var statuses: [Int32] = []
        for index in 0..<24 {
            let store = "damaged-\(index).sqlite"
            try FileManager.default.copyItem(at: workspace.folder.appendingPathComponent("pristine.sqlite"), to: workspace.folder.appendingPathComponent(store))
            guard let damage = try Self.damage(workspace.folder.appendingPathComponent(store).path, dice: &dice)
            else { continue }
            for command in [["export", store, "--out", "out-\(index)"], ["report", store, "--out", "report-\(index).html"]] {
                let result = try workspace.run(command)
                #expect(!result.signalled && (result.status == 0 || result.status == 1), "\(damage) \(command[0]): \(result.status) \(result.stderr)")
                if result.status == 1 { #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains(store), "\(damage): \(result.stderr)") }
                statuses.append(result.status)
            }
        }
        #expect(statuses.contains(0) && statuses.contains(1), "\(statuses)")
    }
}
