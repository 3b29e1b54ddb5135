import SwarmKernel
import SwarmExperiment

/// Analyses a design (as `SensitivityDesign.csv` writes it, or SALib's layout) against a column
/// of model outputs, row for row: Sobol' indices of a Saltelli design or Morris measures of
/// trajectories. The design's structure is checked before anything is estimated, so a shuffled,
/// truncated or foreign design is refused with the row that breaks it instead of giving indices
/// that mean nothing.
public enum SensitivityAnalysis {
    /// The indices of `metric` (a column of `outputs`) over `design`, by `method`.
    /// `factors` (optional) orders a Morris design's text columns, such as a choice of topology;
    /// `morrisLevels` is the number of levels the Morris design was sampled with.
    public static func analyze(
        design: CSVTable, outputs: CSVTable, metric: String, method: SensitivityMethod, secondOrder: Bool = false,
        bootstrap: BootstrapSettings = BootstrapSettings(), factors: [Factor] = [], morrisLevels: Int = 4
    ) throws(SensitivityAnalysisError) -> [SensitivityIndexRow] {
        let y = try outputColumn(outputs, metric: metric, rows: design.rows.count, design: design.file)
        let names = design.header
        switch method {
        case .sobol:
            let layout = SaltelliDesign(factors: names.count, secondOrder: secondOrder)
            try checkSaltelli(design, layout: layout)
            let indices: SobolIndices
            do {
                indices = try SobolIndices(design: layout, outputs: y, bootstrap: bootstrap)
            } catch {
                throw .constantOutput(file: outputs.file, column: metric)
            }
            var rows: [SensitivityIndexRow] = []
            for (i, name) in names.enumerated() {
                rows.append(row(metric, name, "S1", indices.firstOrder[i]))
                rows.append(row(metric, name, "ST", indices.total[i]))
            }
            for i in names.indices {
                for j in names.indices where j > i {
                    if let pair = indices.secondOrder.isEmpty ? nil : indices.secondOrder[i][j] {
                        rows.append(row(metric, "\(names[i]):\(names[j])", "S2", pair))
                    }
                }
            }
            return rows
        case .morris:
            let delta = MorrisDesign(factors: names.count, levels: morrisLevels).delta
            let effects = try morrisEffects(design, y: y, delta: delta, factors: factors)
            let measures = MorrisIndices(effects: effects, bootstrap: bootstrap)
            return names.indices.flatMap { i in
                [row(metric, names[i], "mu", measures.mu[i]), row(metric, names[i], "mu_star", measures.muStar[i]),
                 row(metric, names[i], "sigma", measures.sigma[i])]
            }
        case .lhs:
            throw .noIndicesForMethod(method)
        }
    }

    private static func row(_ metric: String, _ factor: String, _ index: String, _ value: IndexEstimate) -> SensitivityIndexRow {
        SensitivityIndexRow(metric: metric, factor: factor, index: index, estimate: value.estimate, low: value.low, high: value.high)
    }

    /// The metric's column as numbers, one per design row.
    private static func outputColumn(_ outputs: CSVTable, metric: String, rows: Int, design: String) throws(SensitivityAnalysisError) -> [Double] {
        do {
            guard let position = try outputs.position(of: metric) else {
                throw CSVInputError.missingColumn(file: outputs.file, column: metric,
                                                  suggestion: closestMatch(to: metric, among: outputs.header),
                                                  similar: outputs.header.filter { $0.hasPrefix(metric) })
            }
            guard outputs.rows.count == rows else {
                throw SensitivityAnalysisError.rowCountsDiffer(design: design, designRows: rows, outputs: outputs.file, outputRows: outputs.rows.count)
            }
            return try outputs.rows.indices.map { index throws(CSVInputError) in
                try outputs.number(at: index, column: position, .any, emptyAllowed: false)!
            }
        } catch let error as CSVInputError {
            throw .table(error)
        } catch let error as SensitivityAnalysisError {
            throw error
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }

    /// Checks that every block is A, AB_1..AB_k, [BA_1..BA_k,] B: AB_i equals A but in column i,
    /// which equals B's (and BA_i the other way round).
    private static func checkSaltelli(_ design: CSVTable, layout: SaltelliDesign) throws(SensitivityAnalysisError) {
        let size = layout.blockSize
        guard !design.rows.isEmpty, design.rows.count % size == 0 else {
            throw .notSaltelli(file: design.file, row: nil, reason: "\(design.rows.count) rows is not a whole number of blocks of \(size) "
                + "(\(layout.secondOrder ? "2k + 2" : "k + 2") rows for k = \(layout.factors) factors\(layout.secondOrder ? ", with second order" : ""))")
        }
        for block in 0..<(design.rows.count / size) {
            let base = block * size
            let a = design.rows[base + layout.aRow]
            let b = design.rows[base + layout.bRow]
            for i in 0..<layout.factors {
                let checks = [(layout.abRow(i), a, b, "A", "B")] + (layout.secondOrder ? [(layout.baRow(i), b, a, "B", "A")] : [])
                for (offset, rest, swapped, restName, swappedName) in checks {
                    let mixed = design.rows[base + offset]
                    for column in 0..<layout.factors where mixed[column] != (column == i ? swapped[column] : rest[column]) {
                        let expected = column == i ? "\(swappedName)'s" : "\(restName)'s"
                        throw .notSaltelli(file: design.file, row: design.rowNumbers[base + offset],
                                           reason: "column \"\(design.header[column])\" should repeat \(expected) value of its block (rows \(design.rowNumbers[base])-\(design.rowNumbers[base + size - 1]))")
                    }
                }
            }
        }
    }

    /// Each trajectory's elementary effects, in unit-hypercube terms: consecutive rows differ in
    /// exactly one factor, whose effect is the change of output over +-delta (p / (2 (p - 1)) for
    /// p levels), the sign being the direction the factor moved, as SALib computes them.
    private static func morrisEffects(_ design: CSVTable, y: [Double], delta: Double, factors: [Factor]) throws(SensitivityAnalysisError) -> [[Double]] {
        let k = design.header.count
        let length = k + 1
        guard design.rows.count % length == 0, design.rows.count / length >= 2 else {
            throw .notMorris(file: design.file, row: nil, reason: "\(design.rows.count) rows is not two or more trajectories of k + 1 = \(length) rows")
        }
        let named = design.header.map { name in factors.first { $0.path == name } }
        func rank(_ cell: String, column: Int, row: Int) throws(SensitivityAnalysisError) -> Double {
            if let factor = named[column], case .choice(let values) = factor.range,
               let index = values.firstIndex(where: { CSVCell.json($0).field == cell }) {
                return Double(index)
            }
            if let number = Double(cell), number.isFinite { return number }
            throw .notMorris(file: design.file, row: design.rowNumbers[row],
                             reason: "column \"\(design.header[column])\" holds \(CSVInputError.found(cell)), not a number; give the factors (--factors) so that its values' order is known")
        }
        var effects: [[Double]] = []
        for trajectory in 0..<(design.rows.count / length) {
            var effect = [Double?](repeating: nil, count: k)
            for step in 0..<k {
                let before = trajectory * length + step
                let after = before + 1
                let changed = (0..<k).filter { design.rows[before][$0] != design.rows[after][$0] }
                guard changed.count == 1, let column = changed.first, effect[column] == nil else {
                    throw .notMorris(file: design.file, row: design.rowNumbers[after],
                                     reason: "a step of a trajectory must move one factor not moved before in it (moved: \(changed.map { design.header[$0] }.joined(separator: ", ")))")
                }
                let up = try rank(design.rows[after][column], column: column, row: after) > rank(design.rows[before][column], column: column, row: before)
                effect[column] = (y[after] - y[before]) / (up ? delta : -delta)
            }
            effects.append(effect.map { $0! })
        }
        return effects
    }
}
