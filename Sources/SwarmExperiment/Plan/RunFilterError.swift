import SwarmModel

/// A run filter (`RunFilter`) that names what the scenario does not have, or selects other than
/// the one run asked for; each message says what there is to choose from.
public enum RunFilterError: WordedError, Sendable, Equatable {
    /// A condition (as PATH=VALUE) on `path`, which is not a parameter of the runs (`known` are).
    case unknownParameter(String, path: String, known: [String])
    /// A replicate outside 1...`replicates`.
    case unknownReplicate(Int, replicates: Int)
    /// No run has every one of `conditions` (as PATH=VALUE); `values` are the values each
    /// parameter takes in the plan.
    case noMatch([String], values: [Parameter])
    /// `count` runs match where one was asked for, across `variants`, the parameters that still
    /// vary (`values`) and `replicates` replicates.
    case several(Int, variants: [String], values: [Parameter], replicates: Int)

    /// A parameter and its distinct values, in plan order, as text.
    public struct Parameter: Sendable, Equatable {
        public let path: String
        public let values: [String]
    }

    public func description(in wording: any Wording) -> String {
        switch self {
        case .unknownParameter(let condition, let path, let known):
            let choices = known.isEmpty ? "the runs have no parameters to choose by" : "the runs' parameters are " + known.joined(separator: ", ")
            return "\(wording.runCondition(condition)): no run has parameter \(path); \(choices)"
        case .unknownReplicate(let replicate, let replicates):
            return "\(wording.replicateChoice(replicate)): no such replicate; replicates run from 1 to \(replicates)"
        case .noMatch(let conditions, let values):
            return "\(conditions.map(wording.runCondition).joined(separator: " ")): no run matches; "
                + values.map { "\($0.path) takes \($0.values.joined(separator: ", "))" }.joined(separator: "; ")
        case .several(let count, let variants, let values, let replicates):
            var narrowing: [String] = []
            if variants.count > 1 {
                narrowing.append("a variant (" + variants.map(wording.variantChoice).joined(separator: ", ") + ")")
            }
            for parameter in values where parameter.values.count > 1 {
                narrowing.append("a value of \(parameter.path) (" + parameter.values.map { wording.runCondition("\(parameter.path)=\($0)") }.joined(separator: ", ") + ")")
            }
            if replicates > 1 {
                narrowing.append("a replicate (\(wording.replicateChoice(1)) to \(wording.replicateChoice(replicates)))")
            }
            return "\(count) runs match where one is needed; choose " + narrowing.joined(separator: ", ")
        }
    }

    /// Each parameter of `runs` with its distinct values, in order of first appearance.
    static func values(in runs: [[RunSpec.Parameter]]) -> [Parameter] {
        guard let first = runs.first else { return [] }
        return first.indices.map { index in
            var values: [String] = []
            for run in runs where !values.contains(run[index].value.plainText) { values.append(run[index].value.plainText) }
            return Parameter(path: first[index].path, values: values)
        }
    }
}
