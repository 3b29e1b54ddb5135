import Foundation
import SwarmModel

/// A decoded scenario: the model variants to compare, the sweep over their parameters, the
/// settings given outside the file, how long and how often to run, and what the results should show.
///
/// Invariant: every configuration the scenario can run (each variant at each sweep point) has been
/// decoded and validated, so building and running its plan cannot fail on bad input.
public struct Scenario: Sendable {
    /// One variant: a label and the model it runs before the sweep changes it.
    public struct Variant: Sendable, Equatable {
        public let label: String
        /// The variant's model sections with every default filled in and the settings applied.
        public let resolved: JSONValue
    }

    /// The file the scenario came from, for messages.
    public let file: String?
    /// The scenario's JSON text as read, before any setting: with `settings` it decodes to this
    /// scenario again, which is how a run store re-creates a plan it holds runs of.
    public let source: Data
    public let name: String
    public let description: String
    /// The scenario seed; each replicate's run seed derives from it (`RunSpec.seed`).
    public let seed: UInt64
    /// Replicates of each variant at each sweep point.
    public let replications: Int
    /// Simulated time of each run.
    public let durationHours: Double
    /// Interval of the time series (timeseries.csv).
    public let sampleEveryHours: Double
    /// Events each run may process (`max_events_per_run`); nil for the default budget, which
    /// scales with agents and hours (`RunLimits.defaultMaxEvents`).
    public let maxEventsPerRun: Int?
    /// The variants in the order written (one, labelled by its topology kind, when none is written).
    public let variants: [Variant]
    public let sweep: SweepGrid
    /// The settings given outside the file, in the order given.
    public let settings: [Setting]
    public let expectations: [Expectation]
    /// The uncertain parameters and their plausible ranges, in the order written (`factors`).
    public let factors: [Factor]
    /// The base model sections with every default filled in and the settings applied.
    public let resolvedModel: JSONValue
    /// Each expectation as written, with absent fields as null.
    let resolvedExpectations: [JSONValue]
    /// Expectations of the file left out because the sweep as set lacks their points (a setting
    /// narrowed a swept path away from a value they pin, or left a trend's path one value).
    public let setAsideExpectations: Int
    /// The configuration of each variant at each sweep point, variant-major, with its canonical text.
    let configurations: [(config: ModelConfig, model: ResolvedModel)]

    /// The configuration variant `variant` (an index into `variants`) runs at sweep point `point`.
    public func configuration(variant: Int, point: Int) -> ModelConfig {
        configurations[variant * sweep.pointCount + point].config
    }

    /// `configuration(variant:point:)` with every default filled in, as canonical text and its
    /// digest: what tells one model from another when runs are stored (`RunAddress`).
    public func model(variant: Int, point: Int) -> ResolvedModel {
        configurations[variant * sweep.pointCount + point].model
    }

    /// The settings that change model parameters other than swept ones: each becomes a parameter
    /// column (a setting of a swept path changed the sweep, whose column it already is).
    public var parameterSettings: [Setting] {
        settings.filter { setting in setting.isModelParameter && !sweep.axes.contains { $0.components == setting.path } }
    }

    /// The parameter columns of the results: the swept paths, then the paths of the settings that
    /// change model parameters, each named by its dotted path.
    public var parameterNames: [String] {
        sweep.axes.map(\.path) + parameterSettings.map(\.dottedPath)
    }

    /// The parameter columns of the CSV files: `parameterNames` less `agents.count`, which the
    /// `agents` column already gives (two columns saying one thing make pandas users pick one).
    public var parameterColumns: [String] {
        parameterNames.filter { $0 != RunSpec.Parameter.agentCount }
    }

    /// The values of the parameter columns at sweep point `point`.
    public func parameters(at point: Int) -> [RunSpec.Parameter] {
        sweep.parameters(at: point) + parameterSettings.map { RunSpec.Parameter(path: $0.dottedPath, value: $0.value) }
    }

    /// The scenario name made safe as a folder name (the default output is results/<folderName>/).
    public var folderName: String {
        Scenario.folderName(for: name)
    }

    /// `name` with every character outside [A-Za-z0-9._-] replaced by "-", leading dots replaced
    /// (no hidden folders, no ".."), at most 100 characters, and "scenario" when nothing is left.
    public static func folderName(for name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".unicodeScalars)
        var scalars = name.unicodeScalars.prefix(100).map { allowed.contains($0) ? Character($0) : "-" }
        for index in scalars.indices {
            guard scalars[index] == "." else { break }
            scalars[index] = "-"
        }
        return scalars.isEmpty ? "scenario" : String(scalars)
    }
}
