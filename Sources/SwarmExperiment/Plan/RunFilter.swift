import SwarmModel

/// Picks runs of a scenario by what they are, as OMNeT++'s `-r` does: a variant, parameter values
/// (the parameter columns of runs.csv, agents.count among them) and a replicate numbered as in
/// runs.csv (from 1). Conditions left out match every run.
public struct RunFilter: Sendable {
    public let variants: [String]
    /// Each a parameter path and the value its runs have.
    public let conditions: [Setting]
    /// From 1, as runs.csv numbers replicates.
    public let replicate: Int?

    public init(variants: [String] = [], conditions: [Setting] = [], replicate: Int? = nil) {
        self.variants = variants
        self.conditions = conditions
        self.replicate = replicate
    }

    /// The plan of `scenario` narrowed by the filter: its variants selected as `RunPlan(_:selecting:)`
    /// does, then its conditions and replicate as `RunPlan.filtered(by:)` does.
    public func plan(of scenario: Scenario) throws -> RunPlan {
        try RunPlan(scenario, selecting: variants).filtered(by: self)
    }

    /// The runs of `scenario` the filter selects, in plan order (see `plan(of:)` for the refusals).
    public func runs(of scenario: Scenario) throws -> [RunSpec] {
        Array(try plan(of: scenario))
    }

    /// The one run the filter selects; when it selects several, an error saying how to narrow it.
    public func run(of scenario: Scenario) throws -> RunSpec {
        let runs = try runs(of: scenario)
        guard runs.count == 1 else {
            var variants: [String] = []
            for run in runs where !variants.contains(run.variant) { variants.append(run.variant) }
            throw RunFilterError.several(runs.count, variants: variants, values: RunFilterError.values(in: runs.map(\.parameters)),
                                         replicates: Set(runs.map(\.replicate)).count)
        }
        return runs[0]
    }
}
