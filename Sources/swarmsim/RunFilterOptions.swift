import ArgumentParser
import SwarmModel
import SwarmExperiment

/// The run filter `run`, `export` and `trace` share (`RunFilter`): which variant, parameter values
/// and replicate to take from a scenario's plan, as OMNeT++'s `-r` picks runs.
struct RunFilterOptions: ParsableArguments {
    @Option(name: .customLong("variant"), help: "Only the runs of the variant with this label (repeatable).")
    var variants: [String] = []

    @Option(name: .customLong("where"),
            help: ArgumentHelp("Only the runs whose parameter PATH has VALUE, as in runs.csv's parameter columns (repeatable): --where agents.count=20.",
                               valueName: "PATH=VALUE"))
    var conditions: [Setting] = []

    @Option(help: "Only this replicate, numbered from 1 as in runs.csv.")
    var replicate: Int?

    var filter: RunFilter {
        RunFilter(variants: variants, conditions: conditions, replicate: replicate)
    }

    /// Whether --where or --replicate narrows the plan (--variant alone selects variants, as it always has).
    var narrowsPlan: Bool {
        !conditions.isEmpty || replicate != nil
    }
}
