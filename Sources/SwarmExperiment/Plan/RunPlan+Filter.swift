import SwarmModel

extension RunPlan {
    /// The runs of this plan `filter` selects, as a plan of their own: the groups with its variant
    /// (when it names any) and its parameter values, each running its replicate (or all). A view,
    /// not a new plan: every run keeps its variant, parameters, replicate and seed, so it has the
    /// same address (`RunAddress`) and result as in the whole plan, and a store shares them. Refuses
    /// an unknown variant, a condition on a parameter the runs do not have, a replicate outside
    /// the plan and a filter that selects nothing, each with what there is to choose from.
    public func filtered(by filter: RunFilter) throws -> RunPlan {
        if let error = UnknownVariantError(labels: filter.variants, known: selectedVariants) { throw error }
        let paths = groups.first?.parameters.map(\.path) ?? []
        for condition in filter.conditions where !paths.contains(condition.dottedPath) {
            throw RunFilterError.unknownParameter(condition.assignmentText, path: condition.dottedPath, known: paths)
        }
        if let replicate = filter.replicate, !replicateIndices.contains(replicate - 1) {
            throw RunFilterError.unknownReplicate(replicate, replicates: scenario.replications)
        }
        let kept = groups.filter { group in
            (filter.variants.isEmpty || filter.variants.contains(group.variant)) && filter.conditions.allSatisfy { condition in
                group.parameters.contains { $0.path == condition.dottedPath && $0.value == condition.value }
            }
        }
        guard !kept.isEmpty else {
            throw RunFilterError.noMatch(filter.conditions.map(\.assignmentText), values: RunFilterError.values(in: groups.map(\.parameters)))
        }
        let narrowed = RunFilter(variants: [], conditions: runFilter.conditions + filter.conditions,
                                 replicate: filter.replicate ?? runFilter.replicate)
        return RunPlan(self, groups: kept, replicateIndices: filter.replicate.map { [$0 - 1] } ?? replicateIndices, filter: narrowed)
    }

    /// The runs of replicates `range` of this plan (whose replicates are 0, 1, 2, ...), every
    /// group's, as a plan of their own: the same specs and seeds as in this plan.
    func withReplicates(_ range: Range<Int>) -> RunPlan {
        precondition(replicateIndices == Array(0..<replicates) && range.upperBound <= replicates,
                     "replicates \(range) of a plan of \(replicates) replicates")
        return range == replicateIndices.indices ? self : RunPlan(self, groups: groups, replicateIndices: Array(range), filter: runFilter)
    }

    /// Whether a run filter narrowed the plan to some sweep points or one replicate.
    public var isFiltered: Bool {
        !runFilter.conditions.isEmpty || runFilter.replicate != nil
    }
}

extension Setting {
    /// The setting as a condition reads: `agents.count=20`.
    var assignmentText: String {
        "\(dottedPath)=\(value.plainText)"
    }
}
