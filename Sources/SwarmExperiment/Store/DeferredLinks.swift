import Foundation

/// The `experiment_runs` rows a registered plan leaves to the sweep's look-ups, so that each run's
/// address is hashed once: registering a plan for a sweep lists at once the runs this process will
/// not look up (the other shards', those a filter leaves out), and the runs it will look up as the
/// runner asks about them, with the addresses the look-up has just hashed
/// (`RunStore.register(_:running:shard:)`). Memory is a bit per run of the plan.
final class DeferredLinks: @unchecked Sendable {
    /// One `experiment_runs` row: the run at plan position `runID - 1` of `experiment`.
    struct Link: Sendable {
        let experiment: String
        let runID: Int
        let address: RunAddress
    }

    /// A plan with runs still to list.
    private struct Registration {
        let experiment: String
        let positions: PlanPositions
        var unlisted: PositionSet
    }

    private let lock = NSLock()
    private var registrations: [Registration] = []

    /// Leaves the runs of `positions.plan` (registered as `experiment`) in `unlisted` to be listed
    /// when looked up.
    func leave(_ unlisted: PositionSet, of positions: PlanPositions, experiment: String) {
        lock.withLock {
            registrations.append(Registration(experiment: experiment, positions: positions, unlisted: unlisted))
        }
    }

    /// The rows of the runs among `specs` (at `addresses`) that a registered plan left unlisted,
    /// each given once.
    func take(_ specs: [RunSpec], at addresses: [RunAddress]) -> [Link] {
        lock.withLock {
            guard !registrations.isEmpty else { return [] }
            var links: [Link] = []
            for (spec, address) in zip(specs, addresses) {
                for index in registrations.indices {
                    guard let position = registrations[index].positions.position(of: spec),
                          registrations[index].unlisted.remove(position) else { continue }
                    links.append(Link(experiment: registrations[index].experiment, runID: position + 1, address: address))
                }
            }
            return links
        }
    }
}

/// A set of plan positions, a bit each.
struct PositionSet: Sendable {
    private var words: [UInt64]

    /// An empty set of positions below `count`.
    init(count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ position: Int) {
        words[position / 64] |= 1 << UInt64(position % 64)
    }

    func contains(_ position: Int) -> Bool {
        words[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    /// Removes `position`; true when it was in the set.
    mutating func remove(_ position: Int) -> Bool {
        defer { words[position / 64] &= ~(1 << UInt64(position % 64)) }
        return contains(position)
    }
}

/// Where a run sits in a plan, found from its spec without building the plan's specs.
struct PlanPositions: Sendable {
    let plan: RunPlan
    /// The index of each variant's first group: a plan's groups run through every sweep point of a
    /// variant before the next variant.
    private let firstGroup: [String: Int]
    /// The seed of each of the plan's replicates, in `replicateIndices` order.
    private let seeds: [UInt64]

    init(_ plan: RunPlan) {
        self.plan = plan
        var firstGroup: [String: Int] = [:]
        for (index, group) in plan.groups.enumerated() where firstGroup[group.variant] == nil {
            firstGroup[group.variant] = index
        }
        self.firstGroup = firstGroup
        seeds = plan.replicateIndices.map { RunSpec.seed(scenarioSeed: plan.scenario.seed, replicate: $0) }
    }

    /// The position of `spec` in the plan, or nil when it is not one of the plan's runs: only a
    /// run whose every field that goes into its address equals the plan's run there has one, so
    /// the address hashed for `spec` is that run's.
    func position(of spec: RunSpec) -> Int? {
        guard spec.scenario == plan.scenario.name, let first = firstGroup[spec.variant] else { return nil }
        let groupIndex = first + spec.point
        guard plan.groups.indices.contains(groupIndex), let replicate = replicatePosition(spec.replicate) else { return nil }
        let group = plan.groups[groupIndex]
        guard group.variant == spec.variant, group.point == spec.point, group.model.digest == spec.model?.digest,
              group.parameters == spec.parameters, seeds[replicate] == spec.seed,
              spec.durationHours == plan.scenario.durationHours, spec.sampleEveryHours == plan.scenario.sampleEveryHours
        else { return nil }
        return groupIndex * plan.replicates + replicate
    }

    /// Where `replicate` is among the plan's (ascending) replicate indices, by bisection.
    private func replicatePosition(_ replicate: Int) -> Int? {
        var (low, high) = (0, plan.replicateIndices.count)
        while low < high {
            let middle = (low + high) / 2
            if plan.replicateIndices[middle] < replicate { low = middle + 1 } else { high = middle }
        }
        return low < plan.replicateIndices.count && plan.replicateIndices[low] == replicate ? low : nil
    }
}
