import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// `swarmsim fit` takes any CSV: it must fit what it is given or refuse a cell by name, never fit
/// zeros to an agent count of `inf` (it once did, with exit 0) nor trap.
@Suite struct GroupedFitDamageTests {
    /// The tables of a results folder that `fit` is pointed at, with their throughput column.
    static let targets = [(file: ResultsWriter.aggregateFile, y: "throughput_tasks_per_hour_mean"),
                          (file: ResultsWriter.runsFile, y: "throughput_tasks_per_hour")]

    /// What refusing `damage` must say when fitting `agents` against `y` by `variant`: a cell that is
    /// not a number the fit allows, a row cut short, a column it reads gone. nil when a fit may come out.
    static func refusal(of damage: Damage, y: String) -> String? {
        switch damage.kind {
        case .cell(let row, let column, let value) where column == "agents" || column == y:
            let number = Double(value)
            let allowed = value.isEmpty || (number?.isFinite == true && (column == y || number! >= 1))
            return allowed ? nil : "\(damage.file): row \(row), column \"\(column)\": must be"
        case .truncatedRow(let row):
            return "\(damage.file): row \(row) has"
        case .droppedColumn(let column), .renamedColumn(let column):
            return ["agents", y, "variant"].contains(column) ? "\(damage.file) has no column \"\(column)\"" : nil
        case .cell, .deletedRow, .duplicatedRow, .reorderedHeader, .json:
            return nil
        }
    }

    @Test("Seeded random damage to runs.csv and aggregate.csv: fit gives finite fits, or refuses naming the file (a bad cell's row and column), never zeros for inf.")
    func randomDamage() async throws {
        let original = try await ResultsFiles.written()
        for target in Self.targets {
            let fits = try GroupedFit.fits(original.table(target.file), x: "agents", y: target.y, by: "variant")
            #expect(fits.map(\.group) == ["flat", "pw"] && fits.allSatisfy { $0.fit.law.gamma > 0 })
        }
        var dice = Dice(seed: 2028)
        var fitted = 0
        var refused = 0
        for _ in 0..<400 {
            let target = dice.one(of: Self.targets)
            // Most damage where the fit looks: the x and y columns.
            var damage = Damage.random(original, files: [target.file], dice: &dice)
            if case .cell = damage.kind, dice.pick(3) > 0 {
                damage = Damage.cell(original, file: target.file, column: dice.one(of: ["agents", target.y]), dice: &dice)
            }
            var files = original
            damage.apply(to: &files)
            let refusal = Self.refusal(of: damage, y: target.y)
            let fits: [GroupedFit]
            do {
                fits = try GroupedFit.fits(files.table(target.file), x: "agents", y: target.y, by: "variant")
            } catch {
                #expect(error.description.hasPrefix(target.file), "\(damage): \(error)")
                if let refusal { #expect(error.description.contains(refusal), "\(damage): \(error)") }
                refused += 1
                continue
            }
            #expect(refusal == nil, "\(damage): fitted, but must be refused with \(refusal ?? "")")
            for entry in fits {
                let law = entry.fit.law
                let finite = [law.gamma, law.sigma, law.kappa, entry.fit.residualSumOfSquares].allSatisfy(\.isFinite)
                #expect(finite, "\(damage): \(entry)")
            }
            fitted += 1
        }
        #expect(refused > 150 && fitted > 80, "\(refused) refused, \(fitted) fitted")
    }

    @Test("Damaged tables through the built binary: fit exits 1 naming the file, or prints its fits; never a signal.")
    func randomDamageThroughTheBinary() async throws {
        let original = try await ResultsFiles.written()
        let workspace = try Workspace("{}")
        var dice = Dice(seed: 2029)
        var statuses: [Int32] = []
        for index in 0..<10 {
            let file = ResultsWriter.aggregateFile
            let damage = Damage.cell(original, file: file, column: dice.one(of: ["agents", "throughput_tasks_per_hour_mean"]), dice: &dice)
            var files = original
            damage.apply(to: &files)
            try Data(files.text(file).utf8).write(to: workspace.folder.appendingPathComponent("damaged-\(index).csv"))
            let result = try workspace.run(["fit", "damaged-\(index).csv", "--x", "agents", "--y", "throughput_tasks_per_hour_mean", "--by", "variant"])
            #expect(!result.signalled && (result.status == 0 || result.status == 1), "\(damage): \(result.status) \(result.stderr)")
            if result.status == 1 {
                #expect(result.stderr.hasPrefix("Error: damaged-\(index).csv: "), "\(damage): \(result.stderr)")
            }
            statuses.append(result.status)
        }
        #expect(statuses.contains(0) && statuses.contains(1), "\(statuses)")
    }
}
