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

    /// The runs of `scenario` the filter selects, in plan order. Refuses an unknown variant, a
    /// condition on a parameter the runs do not have, a replicate outside the plan and a filter
    /// that selects nothing, each with what there is to choose from.
    public func runs(of scenario: Scenario) throws -> [RunSpec] {
        let plan = try RunPlan(scenario, selecting: variants)
        let paths = plan.groups.first?.parameters.map(\.path) ?? []
        for condition in conditions where !paths.contains(condition.dottedPath) {
            throw RunFilterError.unknownParameter(condition.assignmentText, path: condition.dottedPath, known: paths)
        }
        if let replicate, !(1...plan.replicates).contains(replicate) {
            throw RunFilterError.unknownReplicate(replicate, replicates: plan.replicates)
        }
        let groups = plan.groups.indices.filter { index in
            conditions.allSatisfy { condition in
                plan.groups[index].parameters.contains { $0.path == condition.dottedPath && $0.value == condition.value }
            }
        }
        guard !groups.isEmpty else {
            throw RunFilterError.noMatch(conditions.map(\.assignmentText),
                                         values: RunFilterError.values(in: plan.groups.map(\.parameters)))
        }
        let replicates = replicate.map { [$0 - 1] } ?? Array(0..<plan.replicates)
        return groups.flatMap { group in replicates.map { plan[group * plan.replicates + $0] } }
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

extension Setting {
    /// The setting as a condition reads: `agents.count=20`.
    fileprivate var assignmentText: String {
        "\(dottedPath)=\(value.plainText)"
    }
}
