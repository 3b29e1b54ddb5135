import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment

/// A sensitivity analysis of a scenario on the model itself (`swarmsim sensitivity run`): a design
/// over the scenario's factors becomes a scenario with one variant per design point, so that the
/// runner and the run store run it as any other (in parallel, resumable, shardable), every point
/// sharing the replicates' seeds (common random numbers: two points differ by their factors, not by
/// their luck).
public struct SensitivityExperiment: Sendable {
    public let design: SensitivityDesign
    /// The scenario of the design points: the base model, one variant per point.
    public let scenario: Scenario
    public let metrics: [SummaryMetric]

    /// Why a scenario cannot be analysed this way.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case sweepPresent(file: String, paths: [String])
        case severalVariants(file: String, labels: [String])
        case design(file: String, SensitivityDesign.Problem)
        case tooManyPoints(file: String, points: Int, allowed: Int)

        public var description: String {
            switch self {
            case .sweepPresent(let file, let paths):
                return "\(file): sensitivity run varies the factors, not a sweep; remove the sweep of \(paths.joined(separator: ", ")) or make it a factor"
            case .severalVariants(let file, let labels):
                return "\(file): sensitivity run analyses one model; choose one of the variants with --variant (\(labels.joined(separator: ", "))) or make the difference a factor"
            case .design(let file, let problem):
                return "\(file): \(problem)"
            case .tooManyPoints(let file, let points, let allowed):
                return "\(file): the design has \(points) points, each a model to run; a run takes at most \(allowed): lower --n"
            }
        }
    }

    /// The experiment of `base` (the variant labelled `variant`, which may be nil when there is
    /// only one) over a design of `method` with `n` base samples drawn with `designSeed`.
    public init(
        base: Scenario, variant: String?, method: SensitivityMethod, n: Int, secondOrder: Bool = false, morrisLevels: Int = 4, designSeed: UInt64 = 1,
        metrics: [SummaryMetric]
    ) throws {
        let file = base.file ?? base.name
        guard base.sweep.axes.isEmpty else { throw Problem.sweepPresent(file: file, paths: base.sweep.axes.map(\.path)) }
        let chosen = try SensitivityExperiment.variant(of: base, labelled: variant, file: file)
        let design: SensitivityDesign
        do {
            design = try SensitivityDesign(factors: base.factors, method: method, n: n, secondOrder: secondOrder, seed: designSeed,
                                           morrisLevels: morrisLevels)
        } catch {
            throw Problem.design(file: file, error)
        }
        guard design.unitRows.count <= ScenarioLimits.maxCells else {
            throw Problem.tooManyPoints(file: file, points: design.unitRows.count, allowed: ScenarioLimits.maxCells)
        }
        self.design = design
        self.metrics = metrics
        let rows = design.valueRows
        let width = String(rows.count).count
        let variants: [JSONValue] = rows.enumerated().map { index, row in
            let number = String(index + 1)
            let label = "point-" + String(repeating: "0", count: width - number.count) + number
            return zip(design.factors, row).reduce(JSONValue.object(["label": .string(label)])) { $0.merging($1.1, at: $1.0.components) }
        }
        var document = [String: JSONValue]()
        if case .object(let model) = chosen.resolved { document = model }
        document["name"] = .string("\(base.name)-sensitivity")
        document["description"] = .string("Sensitivity design (\(method.rawValue), n = \(n)) of: \(base.description)")
        document["seed"] = .number(Double(base.seed))
        document["replications"] = .number(Double(base.replications))
        document["duration_hours"] = .number(base.durationHours)
        document["sample_every_hours"] = .number(base.sampleEveryHours)
        document["variants"] = .array(variants)
        scenario = try Scenario.decode(Data(JSONValue.object(document).prettyText.utf8), file: file)
    }

    private static func variant(of base: Scenario, labelled label: String?, file: String) throws -> Scenario.Variant {
        if let label {
            // The plan refuses an unknown label, with the labels there are.
            _ = try RunPlan(base, selecting: [label])
            return base.variants.first { $0.label == label }!
        }
        guard base.variants.count == 1 else { throw Problem.severalVariants(file: file, labels: base.variants.map(\.label)) }
        return base.variants[0]
    }

    /// What the runs say, per design point and metric.
    public struct Results: Sendable {
        /// `means[metric][point]`: the metric's mean over the point's replicates.
        public let means: [[Double]]
        public let indices: [SensitivityIndexRow]
        public let noise: [SeedNoise]
    }

    /// The indices and the seed noise of the runs in `table` (one group per design point).
    public func results(_ table: ReplicateTable, bootstrap: BootstrapSettings) throws -> Results {
        let points = design.unitRows.count
        var means: [[Double]] = []
        var noise: [SeedNoise] = []
        var indices: [SensitivityIndexRow] = []
        let designTable = CSVTable(header: design.factors.map(\.path), rows: design.valueRows.map { $0.map { CSVCell.json($0).field } },
                                   file: "design.csv")
        for metric in metrics {
            let replicates = (0..<points).map { Array(table.values(of: metric, inGroup: $0)) }
            let pointMeans = replicates.map { $0.reduce(0, +) / Double($0.count) }
            means.append(pointMeans)
            noise.append(SeedNoise(metric: metric.rawValue, replicates: replicates))
            // No indices for a plain sample, a metric undefined somewhere, or one the factors never move.
            guard design.method != .lhs, pointMeans.allSatisfy(\.isFinite), Set(pointMeans).count > 1 else { continue }
            let outputs = CSVTable(header: [metric.rawValue], rows: pointMeans.map { [CSVCell.number($0).field] }, file: "outputs.csv")
            indices += try SensitivityAnalysis.analyze(
                design: designTable, outputs: outputs, metric: metric.rawValue, method: design.method,
                secondOrder: design.secondOrder, bootstrap: bootstrap, factors: design.factors, morrisLevels: design.morrisLevels)
        }
        return Results(means: means, indices: indices, noise: noise)
    }
}
