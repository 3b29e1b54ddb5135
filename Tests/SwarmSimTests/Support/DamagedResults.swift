import Foundation
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The files of a small results folder written by the runner as `swarmsim run` writes them, held
/// in memory (each CSV file as records, header first), so that tests can damage them at random
/// and hand them to `report` and `fit`.
struct ResultsFiles {
    static let csvFiles = [ResultsWriter.runsFile, ResultsWriter.timeseriesFile, ResultsWriter.aggregateFile]
    static let allFiles = csvFiles + [ResultsWriter.resolvedFile]

    var tables: [String: [[String]]]
    var resolved: Data

    /// Two topologies at 1, 2 and 4 agents, 2 replicates of 8 hours, with one expectation: 12
    /// cheap runs, three agent counts to fit per variant and a verdict to compute; a setting
    /// gives every file a parameter column.
    static func written() async throws -> ResultsFiles {
        let scenario = ScenarioFixtures.text([
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "pw"]],
            "sweep": ["agents.count": [1, 2, 4]],
            "expect": [["description": "flat peers wait", "metric": "lock_wait_share", "variant": "flat", "at_least": 0]],
        ])
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await ExperimentRunner.run(RunPlan(ScenarioFixtures.decode(scenario, settings: ["locks.lease_hours=2"])), writingTo: folder, jobs: 2)
        var tables: [String: [[String]]] = [:]
        for file in csvFiles {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            // No quoted fields, so commas and line feeds are the whole syntax (as for the CLI's parser).
            precondition(!text.contains("\""), "\(file) needs quoting; choose fixture labels without commas or quotes")
            tables[file] = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        return ResultsFiles(tables: tables, resolved: try Data(contentsOf: folder.appendingPathComponent(ResultsWriter.resolvedFile)))
    }

    /// The text of CSV file `name`.
    func text(_ name: String) -> String {
        tables[name]!.map { $0.joined(separator: ",") + "\n" }.joined()
    }

    /// Writes the four files into `folder`.
    func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in ResultsFiles.csvFiles {
            try Data(text(file).utf8).write(to: folder.appendingPathComponent(file))
        }
        try resolved.write(to: folder.appendingPathComponent(ResultsWriter.resolvedFile))
    }

    /// The table of CSV file `name` as the CLI hands it over, named by its file name.
    func table(_ name: String) throws(CSVInputError) -> CSVTable {
        try CSVTable(file: name, records: tables[name]!)
    }

    /// The folder read through the library, as `swarmsim report` reads it.
    func read() throws -> ResultsFolder {
        try ResultsFolder(runs: table(ResultsWriter.runsFile), timeseries: table(ResultsWriter.timeseriesFile),
                          aggregate: table(ResultsWriter.aggregateFile), resolvedJSON: resolved)
    }
}

/// One seeded random change to a file of a results folder: a cell replaced by a value from
/// `values`, a row cut short, removed or repeated, a column dropped, the header reordered or a name
/// changed, or scenario.resolved.json changed at one place or cut short.
struct Damage: CustomStringConvertible {
    enum Kind {
        /// The cell at file row `row` (the header is row 1) under `column` now holds `value`.
        case cell(row: Int, column: String, value: String)
        /// File row `row` lost its last fields.
        case truncatedRow(row: Int)
        case deletedRow
        case duplicatedRow
        /// `column` is gone from the header and every row.
        case droppedColumn(String)
        /// The header's names are in another order (shuffled, or two swapped).
        case reorderedHeader
        /// Header name `column` was changed.
        case renamedColumn(String)
        /// scenario.resolved.json was changed at one place or cut short.
        case json
    }

    let file: String
    let kind: Kind
    let description: String
    private let change: (inout ResultsFiles) -> Void

    /// What replaces a cell: values no run writes anywhere (inf, nan, text, overflow), values out
    /// of range for counts (-1, 0, 2.5, 1e300, a huge integer), and harmless ones ("3", empty in a metric).
    static let values = ["inf", "-inf", "nan", "1e300", "-1", "1e400", "", "text", "99999999999999999999999", "0", "2.5", "3"]
    /// What replaces a value of scenario.resolved.json.
    static var jsonValues: [Any] { [NSNull(), true, -1, 0, 2.5, 1e300, "x", [Any](), [String: Any](), 1e15] }

    func apply(to files: inout ResultsFiles) {
        change(&files)
    }

    /// A random damage to one of `files` of `results`.
    static func random(_ results: ResultsFiles, files: [String] = ResultsFiles.allFiles, dice: inout Dice) -> Damage {
        let file = dice.one(of: files)
        guard let records = results.tables[file] else { return json(results, dice: &dice) }
        let header = records[0]
        let index = 1 + dice.pick(records.count - 1)
        let column = dice.pick(header.count)
        let roll = dice.pick(100)
        switch roll {
        case ..<62:
            return cell(results, file: file, column: header[column], dice: &dice)
        case ..<70:
            let keep = 1 + dice.pick(header.count - 1)
            return Damage(file: file, kind: .truncatedRow(row: index + 1), description: "\(file) row \(index + 1) cut to \(keep) fields") {
                $0.tables[file]![index].removeLast(header.count - keep)
            }
        case ..<74:
            return Damage(file: file, kind: .deletedRow, description: "\(file) row \(index + 1) deleted") { $0.tables[file]!.remove(at: index) }
        case ..<77:
            return Damage(file: file, kind: .duplicatedRow, description: "\(file) row \(index + 1) repeated") {
                $0.tables[file]!.insert(records[index], at: index)
            }
        case ..<84:
            return Damage(file: file, kind: .droppedColumn(header[column]), description: "\(file) column \(header[column]) dropped") {
                $0.tables[file] = $0.tables[file]!.map { row in var row = row; row.remove(at: column); return row }
            }
        case ..<92:
            var order = Array(header.indices)
            if dice.pick(2) == 0 {
                order.swapAt(column, (column + 1 + dice.pick(header.count - 1)) % header.count)
            } else {
                while order == Array(header.indices) {
                    for i in order.indices.reversed() { order.swapAt(i, dice.pick(i + 1)) }
                }
            }
            let names = order.map { header[$0] }
            return Damage(file: file, kind: .reorderedHeader, description: "\(file) header reordered") { $0.tables[file]![0] = names }
        default:
            return Damage(file: file, kind: .renamedColumn(header[column]), description: "\(file) column \(header[column]) renamed") {
                $0.tables[file]![0][column] = "renamed"
            }
        }
    }

    /// A value from `values` in a random data row of CSV file `file` under `column`.
    static func cell(_ results: ResultsFiles, file: String, column name: String, dice: inout Dice) -> Damage {
        let records = results.tables[file]!
        let index = 1 + dice.pick(records.count - 1)
        let column = records[0].firstIndex(of: name)!
        let value = dice.one(of: values)
        return Damage(file: file, kind: .cell(row: index + 1, column: name, value: value),
                      description: "\(file) row \(index + 1) \(name) = \"\(value)\"") { $0.tables[file]![index][column] = value }
    }

    /// A random change to scenario.resolved.json: a value replaced or removed at one place, or the text cut short.
    private static func json(_ results: ResultsFiles, dice: inout Dice) -> Damage {
        let file = ResultsWriter.resolvedFile
        let original = results.resolved
        if dice.pick(4) == 0 {
            let length = dice.pick(original.count)
            return Damage(file: file, kind: .json, description: "\(file) cut to \(length) bytes") { $0.resolved = original.prefix(length) }
        }
        let document = try! JSONSerialization.jsonObject(with: original)
        let place = dice.one(of: JSONTree.paths(document))
        let replace = dice.pick(10) < 7
        let value = dice.one(of: jsonValues)
        let damaged = replace ? JSONTree.mutated(document, at: place, value: value) : JSONTree.removing(document, at: place)
        let data = try! JSONSerialization.data(withJSONObject: damaged, options: [.sortedKeys, .fragmentsAllowed])
        let path = place.map { "\($0)" }.joined(separator: ".")
        return Damage(file: file, kind: .json, description: "\(file) \(path) " + (replace ? "= \(value)" : "removed")) { $0.resolved = data }
    }

    private init(file: String, kind: Kind, description: String, change: @escaping (inout ResultsFiles) -> Void) {
        self.file = file
        self.kind = kind
        self.description = description
        self.change = change
    }
}
