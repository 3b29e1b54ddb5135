import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// usl.csv: the Universal Scalability Law fits `ResultsWriter` writes beside aggregate.csv.
@Suite struct USLTableTests {
    /// Runs `plan` into a temporary folder and returns its table with the text of usl.csv and aggregate.csv.
    private func run(_ plan: RunPlan) async throws -> (table: ReplicateTable, usl: String, aggregate: String) {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try await ExperimentRunner.run(plan, writingTo: folder, jobs: 2)
        return (table, try String(contentsOf: folder.appendingPathComponent(ResultsWriter.uslFile), encoding: .utf8),
                try String(contentsOf: folder.appendingPathComponent(ResultsWriter.aggregateFile), encoding: .utf8))
    }

    /// The number in a CSV field; nil when the field is empty (undefined).
    private func number(_ field: Substring) throws -> Double? {
        guard !field.isEmpty else { return nil }
        guard let value = Double(field) else { throw CSVFieldError.notANumber(String(field)) }
        return value
    }

    private enum CSVFieldError: Error {
        case notANumber(String)
    }

    @Test("usl.csv has a row per variant and combination of the other parameters, in plan order, holding the fit of its aggregate throughput means.")
    func rowsFitTheAggregateMeans() async throws {
        // agents.count varies slowest, so each curve's rows are spread over the plan.
        let scenario = ScenarioFixtures.text([
            "variants": [["label": "flat", "topology": ["kind": "flat-lock"]], ["label": "=pw"]],
            "sweep": ["agents.count": [1, 2, 4, 8], "locks.lease_hours": [0.25, 1]],
        ])
        let plan = try RunPlan(ScenarioFixtures.decode(scenario, settings: ["commits.policy=strict"]))
        #expect(plan.scenario.parameterNames == ["agents.count", "locks.lease_hours", "commits.policy"])
        let (table, usl, aggregate) = try await run(plan)
        let lines = usl.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "variant,topology,locks.lease_hours,commits.policy,points,gamma,gamma_se,sigma,sigma_se,kappa,kappa_se,peak_n,r_squared,rmse")
        try #require(lines.count == 1 + 4 + 1 && lines.last == "", "\(usl)")

        var laws: [UniversalScalabilityLaw] = []
        for (index, (variant, lease)) in [("flat", 0.25), ("flat", 1), ("=pw", 0.25), ("=pw", 1)].enumerated() {
            let groups = plan.groups.indices.filter {
                plan.groups[$0].variant == variant && plan.groups[$0].parameters[1].value == .number(lease)
            }.sorted { plan.groups[$0].config.agents.count < plan.groups[$1].config.agents.count }
            let n = groups.map { Double(plan.groups[$0].config.agents.count) }
            #expect(n == [1, 2, 4, 8])
            let x = try groups.map { try #require(table.summary(of: .throughput, inGroup: $0)).mean }
            let fit = try UniversalScalabilityLaw.fit(n: n, x: x)
            laws.append(fit.law)

            let fields = lines[1 + index].split(separator: ",", omittingEmptySubsequences: false)
            try #require(fields.count == 14, "\(lines[1 + index])")
            #expect(fields[0] == (variant == "flat" ? "flat" : "'=pw"))
            #expect(fields[1] == (variant == "flat" ? "flat-lock" : "planner-worker"))
            #expect(try number(fields[2]) == lease && fields[3] == "strict" && fields[4] == "4")
            let errors = try #require(fit.standardErrors)
            // As written: 15 significant digits.
            let written = { (value: Double?) in Substring(CSVCell.number(value).field) }
            #expect(fields[5] == written(fit.law.gamma) && fields[6] == written(errors.gamma))
            #expect(fields[7] == written(fit.law.sigma) && fields[8] == written(errors.sigma))
            #expect(fields[9] == written(fit.law.kappa) && fields[10] == written(errors.kappa))
            #expect(fields[11] == written(fit.law.peak))
            #expect(fields[12] == written(fit.rSquared) && fields[13] == written(fit.rootMeanSquareError))
        }

        // The report, reading aggregate.csv back, draws the same curves with the same fits.
        let rows = aggregate.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let folder = try ResultsFolder(runs: CSVTable(header: [], rows: []), timeseries: CSVTable(header: [], rows: []),
                                       aggregate: CSVTable(header: rows[0], rows: Array(rows.dropFirst())), resolvedJSON: Data("{}".utf8))
        #expect(folder.aggregateSeries.map(\.label) == [
            "flat (lease_hours=0.25)", "flat (lease_hours=1)", "'=pw (lease_hours=0.25)", "'=pw (lease_hours=1)",
        ])
        #expect(folder.aggregateSeries.map { $0.fit?.law } == laws.map(Optional.some))
    }

    @Test("usl.csv is its header alone when agents.count is not swept, and an agent count set on the command line is no column of it.")
    func headerOnlyWithoutAnAgentSweep() async throws {
        let scenario = ScenarioFixtures.text(["sweep": ["locks.lease_hours": [0.25, 0.5, 1]]])
        let plan = try RunPlan(ScenarioFixtures.decode(scenario, settings: ["agents.count=3"]))
        #expect(!ResultsWriter.aggregateHeader(plan).contains("agents.count"))
        let (_, usl, _) = try await run(plan)
        #expect(usl == "variant,topology,locks.lease_hours,points,gamma,gamma_se,sigma,sigma_se,kappa,kappa_se,peak_n,r_squared,rmse\n")
    }

    @Test("A curve is fitted in agent order; one with fewer than 3 distinct agent counts with a mean gets no row.")
    func curvesNeedThreeAgentCounts() throws {
        let header = ["variant", "topology", "agents", "x.y", "n", "throughput_tasks_per_hour_mean"]
        func row(_ variant: String, _ agents: Int, _ y: Double, _ throughput: Double?) -> [CSVCell] {
            [.text(variant), .text("flat-lock"), .integer(agents), .number(y), .integer(2), .number(throughput)]
        }
        let rows = [
            // Three agent counts, out of order: a row with three points and no standard errors.
            row("a,b", 4, 1, 3.5), row("a,b", 1, 1, 1), row("a,b", 2, 1, 1.9),
            // Three agent counts but one without a mean.
            row("a,b", 1, 2, nil), row("a,b", 2, 2, 2), row("a,b", 4, 2, 3),
            // Three rows at two agent counts.
            row("c", 1, 1, 1), row("c", 2, 1, 2), row("c", 2, 1, 2.1),
        ]
        var output = ""
        try ResultsWriter.writeUSL(aggregateHeader: header, rows: rows, to: &output)
        let fit = try UniversalScalabilityLaw.fit(n: [1, 2, 4], x: [1, 1.9, 3.5])
        #expect(fit.standardErrors == nil)
        let numbers = [fit.law.gamma, nil, fit.law.sigma, nil, fit.law.kappa, nil, fit.law.peak, fit.rSquared, fit.rootMeanSquareError]
            .map { CSVCell.number($0).field }
        #expect(output == "variant,topology,x.y,points,gamma,gamma_se,sigma,sigma_se,kappa,kappa_se,peak_n,r_squared,rmse\n"
                + "\"a,b\",flat-lock,1,3,\(numbers.joined(separator: ","))\n")
    }
}
