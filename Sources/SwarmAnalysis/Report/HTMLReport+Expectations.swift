import SwarmExperiment

extension HTMLReport {
    /// The scenario's expect block, each check at each place it applies with PASS or FAIL, computed
    /// from runs.csv as `swarmsim check` computes it. When the folder's scenario cannot be rebuilt
    /// faithfully the expectations are listed without verdicts, pointing to `swarmsim check`.
    static func expectationsSection(_ folder: ResultsFolder) -> String {
        let heading = "Expectations"
        guard case .array(let expectations)? = folder.resolvedField("expect"), !expectations.isEmpty else {
            return section("expectations", heading, caption: "The scenario has no expect block.", "")
        }
        guard let outcomes = folder.expectationOutcomes else {
            let rows = expectations.enumerated().map { index, expectation -> [String] in
                guard case .object(let fields) = expectation, case .string(let text)? = fields["description"], !text.isEmpty else {
                    return ["expect[\(index)]", expectation.compactText]
                }
                return [text, expectation.compactText]
            }
            return section("expectations", heading,
                           caption: "These results could not be matched to their scenario's plan, so no verdicts are shown: "
                               + "run `swarmsim check` on the scenario for PASS/FAIL.",
                           table(["check", "as resolved"], rows))
        }
        let rows = outcomes.map { outcome in
            [outcome.passed ? "PASS" : "FAIL", description(of: outcome), outcome.place, outcome.detail]
        }
        let passed = outcomes.filter(\.passed).count
        return section("expectations", heading,
                       caption: "\(passed) of \(outcomes.count) checks passed, computed from runs.csv as swarmsim check computes them: "
                           + "the mean across replicates (or a ratio of means) with its 95% interval.",
                       table(["result", "check", "where", "measured"], rows))
    }

    private static func description(of outcome: ExpectationOutcome) -> String {
        outcome.expectation.description.isEmpty ? "expect[\(outcome.index)]" : outcome.expectation.description
    }
}
