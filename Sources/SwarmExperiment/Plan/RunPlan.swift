import SwarmModel

/// Every run of a scenario, in a fixed order: variants as written, then sweep points in grid order
/// (the first swept path varying slowest), then replicates. Run `i` is the same RunSpec whatever
/// runs before it, so a plan can be run in parts or in parallel and its outputs still line up.
///
/// The plan computes each RunSpec when asked, so its memory does not grow with the number of runs.
public struct RunPlan: RandomAccessCollection, Sendable {
    /// One variant at one sweep point: the runs that differ only by replicate.
    public struct Group: Sendable {
        public let variant: String
        /// Index of the sweep point in the scenario's grid.
        public let point: Int
        /// The parameter columns' values (see `Scenario.parameterNames`).
        public let parameters: [RunSpec.Parameter]
        /// The configuration every run of the group simulates.
        public let config: ModelConfig
        /// `config` as canonical text with its digest (see `RunSpec.model`).
        public let model: ResolvedModel
    }

    /// The scenario planned, with every variant (including any not selected).
    public let scenario: Scenario
    /// The groups in plan order.
    public let groups: [Group]
    /// Runs per group.
    public let replicates: Int
    /// The replicates each group runs, 0-based, ascending: all of the scenario's, or those a run
    /// filter kept (`filtered(by:)`). A run's seed depends on its replicate, not on its position.
    public let replicateIndices: [Int]
    /// The conditions and replicate a run filter narrowed the plan with (`filtered(by:)`); none
    /// for a plan of every sweep point and replicate.
    public let runFilter: RunFilter

    /// The plan of `scenario`, restricted to the variants labelled in `selecting` (all when empty).
    /// An unknown label is refused with the labels there are.
    public init(_ scenario: Scenario, selecting labels: [String] = []) throws(UnknownVariantError) {
        if let error = UnknownVariantError(labels: labels, known: scenario.variants.map(\.label)) { throw error }
        self.scenario = scenario
        replicates = scenario.replications
        replicateIndices = Array(0..<scenario.replications)
        runFilter = RunFilter()
        groups = scenario.variants.indices
            .filter { labels.isEmpty || labels.contains(scenario.variants[$0].label) }
            .flatMap { variant in
                (0..<scenario.sweep.pointCount).map { point in
                    Group(variant: scenario.variants[variant].label, point: point, parameters: scenario.parameters(at: point),
                          config: scenario.configuration(variant: variant, point: point),
                          model: scenario.model(variant: variant, point: point))
                }
            }
    }

    /// A view of the plan: `groups` of it, running `replicateIndices`, as `filter` chose.
    init(_ plan: RunPlan, groups: [Group], replicateIndices: [Int], filter: RunFilter) {
        scenario = plan.scenario
        self.groups = groups
        self.replicateIndices = replicateIndices
        replicates = replicateIndices.count
        runFilter = filter
    }

    /// The labels of the variants the plan runs, in plan order: with the scenario they re-create
    /// the plan (`RunPlan(scenario, selecting: selectedVariants)`).
    public var selectedVariants: [String] {
        var labels: [String] = []
        for group in groups where !labels.contains(group.variant) {
            labels.append(group.variant)
        }
        return labels
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { groups.count * replicates }

    /// The group run `position` belongs to.
    public func groupIndex(of position: Int) -> Int {
        position / replicates
    }

    /// The RunSpec at `position`. Its seed depends on the scenario seed and the replicate only, so
    /// every variant and sweep point of one replicate shares its random streams.
    public subscript(position: Int) -> RunSpec {
        precondition(indices.contains(position), "run \(position) is outside the plan of \(count)")
        let group = groups[groupIndex(of: position)]
        let replicate = replicateIndices[position % replicates]
        return RunSpec(
            scenario: scenario.name, variant: group.variant, point: group.point, parameters: group.parameters,
            replicate: replicate, seed: RunSpec.seed(scenarioSeed: scenario.seed, replicate: replicate),
            config: group.config, model: group.model, durationHours: scenario.durationHours,
            sampleEveryHours: scenario.sampleEveryHours, maxEvents: scenario.maxEventsPerRun)
    }
}
