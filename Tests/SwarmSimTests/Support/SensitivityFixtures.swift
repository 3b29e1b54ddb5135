import Foundation
import Testing

/// Test functions of global sensitivity analysis with known indices, and the steps of the
/// decoupled workflow (sample a design with the built binary, evaluate it here, write outputs).
enum SensitivityFixtures {
    /// Ishigami and Homma's function, a = 7, b = 0.1, on [-pi, pi]^3: S1 = 0.3139, 0.4424, 0 and
    /// ST = 0.5576, 0.4424, 0.2437 (analytic; Saltelli et al. 2008, Global Sensitivity Analysis: The Primer).
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    static let ishigamiFirstOrder = [0.3139, 0.4424, 0.0]
    static let ishigamiTotal = [0.5576, 0.4424, 0.2437]

    static let ishigamiFactors = """
        {"factors": {"x1": {"uniform": [-3.141592653589793, 3.141592653589793]},
                     "x2": {"uniform": [-3.141592653589793, 3.141592653589793]},
                     "x3": {"uniform": [-3.141592653589793, 3.141592653589793]}}}
        """

    /// Sobol's G function on [0, 1]^k, product of (|4 x_i - 2| + a_i) / (1 + a_i).
    static func gFunction(_ x: [Double], a: [Double]) -> Double {
        zip(x, a).reduce(1) { $0 * (abs(4 * $1.0 - 2) + $1.1) / (1 + $1.1) }
    }

    /// The G function's analytic indices: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1,
    /// S1_i = V_i / V, ST_i = V_i prod_{j != i}(1 + V_j) / V.
    static func gIndices(a: [Double]) -> (first: [Double], total: [Double]) {
        let partial = a.map { 1 / (3 * (1 + $0) * (1 + $0)) }
        let product = partial.reduce(1) { $0 * (1 + $1) }
        let variance = product - 1
        return (partial.map { $0 / variance }, partial.map { $0 * product / (1 + $0) / variance })
    }

    static func gFactors(count: Int) -> String {
        let fields = (1...count).map { "\"x\($0)\": {\"uniform\": [0, 1]}" }.joined(separator: ", ")
        return "{\"factors\": {\(fields)}}"
    }

    /// Writes `factors` as factors.json in `workspace`, samples design.csv from it with the built
    /// binary (`sample` arguments after the file), and writes outputs.csv: `f` of each row.
    static func sampleAndEvaluate(_ workspace: Workspace, factors: String, _ sample: [String], _ f: ([Double]) -> Double) throws {
        try Data(factors.utf8).write(to: workspace.folder.appendingPathComponent("factors.json"))
        let result = try workspace.run(["sensitivity", "sample", "factors.json"] + sample + ["--out", "design.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = designRows(try workspace.contents("design.csv"))
        try Data(outputs(rows, f).utf8).write(to: workspace.folder.appendingPathComponent("outputs.csv"))
    }

    /// The numeric rows of a design CSV (header dropped).
    static func designRows(_ text: String) -> [[Double]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
    }

    /// outputs.csv text: a `y` column, one row per design row.
    static func outputs(_ rows: [[Double]], _ f: ([Double]) -> Double) -> String {
        "y\n" + rows.map { "\(f($0))\n" }.joined()
    }

    /// sensitivity.csv rows as (factor, index) -> (estimate, low, high).
    static func indices(_ text: String) -> [String: (estimate: Double, low: Double, high: Double)] {
        var result: [String: (Double, Double, Double)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            result["\(cells[1]) \(cells[2])"] = (Double(cells[3])!, Double(cells[4])!, Double(cells[5])!)
        }
        return result
    }
}
