import Foundation
import Testing

/// `swarmsim sensitivity sample` and `analyze` on functions whose indices are known analytically.
/// Each index's 99.9% bootstrap interval must cover the analytic value: with six or eight
/// intervals per test, all cover with probability above 99% when the estimator is right, and an
/// estimator that is wrong by more than its own sampling error fails (the seeds are fixed, so a
/// pass is reproducible, and the tolerance is the estimator's own interval, not a tuned constant).
@Suite struct SensitivityCommandTests {
    private func sampleAndAnalyze(_ workspace: Workspace, factors: String, n: Int, _ f: ([Double]) -> Double) throws -> String {
        try SensitivityFixtures.sampleAndEvaluate(workspace, factors: factors, ["--method", "sobol", "--n", "\(n)"], f)
        let analyze = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y",
                                         "--bootstrap", "2000", "--confidence", "0.999"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        #expect(analyze.stdout.hasPrefix("metric  factor  index  estimate  99.9% interval"), "\(analyze.stdout)")
        return try workspace.contents("sensitivity.csv")
    }

    @Test("Ishigami (a = 7, b = 0.1): S1 0.3139, 0.4424, 0 and ST 0.5576, 0.4424, 0.2437 inside the 99.9% intervals, N = 1024.")
    func ishigami() throws {
        let workspace = try Workspace("{}")
        let text = try sampleAndAnalyze(workspace, factors: SensitivityFixtures.ishigamiFactors, n: 1024, SensitivityFixtures.ishigami)
        #expect(text.hasPrefix("metric,factor,index,estimate,ci_low,ci_high\ny,x1,S1,"))
        let indices = SensitivityFixtures.indices(text)
        for i in 0..<3 {
            for (name, truth) in [("S1", SensitivityFixtures.ishigamiFirstOrder[i]), ("ST", SensitivityFixtures.ishigamiTotal[i])] {
                let index = try #require(indices["x\(i + 1) \(name)"])
                #expect(index.low <= truth && truth <= index.high, "x\(i + 1) \(name): \(index) against \(truth)")
                #expect(index.low <= index.estimate && index.estimate <= index.high)
            }
        }
    }

    @Test("Sobol's G function (a = 0, 1, 4.5, 9): the analytic S1 and ST inside the 99.9% intervals, N = 2048.")
    func gFunction() throws {
        let a = [0, 1, 4.5, 9]
        let workspace = try Workspace("{}")
        let text = try sampleAndAnalyze(workspace, factors: SensitivityFixtures.gFactors(count: 4), n: 2048) {
            SensitivityFixtures.gFunction($0, a: a)
        }
        let truth = SensitivityFixtures.gIndices(a: a)
        let indices = SensitivityFixtures.indices(text)
        for i in 0..<4 {
            for (name, value) in [("S1", truth.first[i]), ("ST", truth.total[i])] {
                let index = try #require(indices["x\(i + 1) \(name)"])
                #expect(index.low <= value && value <= index.high, "x\(i + 1) \(name): \(index) against \(value)")
            }
        }
    }

    @Test("The same arguments give the same design and indices, byte for byte, in separate processes.")
    func deterministicAcrossProcesses() throws {
        let workspace = try Workspace("{}")
        try Data(SensitivityFixtures.ishigamiFactors.utf8).write(to: workspace.folder.appendingPathComponent("factors.json"))
        for method in ["sobol", "morris", "lhs"] {
            let first = try workspace.run(["sensitivity", "sample", "factors.json", "--method", method, "--n", "16", "--seed", "9"])
            let second = try workspace.run(["sensitivity", "sample", "factors.json", "--method", method, "--n", "16", "--seed", "9"])
            #expect(first.status == 0 && !first.stdout.isEmpty && first.stdout == second.stdout, "\(method): \(first.stderr)")
            let other = try workspace.run(["sensitivity", "sample", "factors.json", "--method", method, "--n", "16", "--seed", "10"])
            #expect(other.stdout != first.stdout)
        }
        let design = try workspace.run(["sensitivity", "sample", "factors.json", "--n", "64", "--out", "design.csv"])
        #expect(design.status == 0)
        let rows = SensitivityFixtures.designRows(try workspace.contents("design.csv"))
        try Data(SensitivityFixtures.outputs(rows, SensitivityFixtures.ishigami).utf8).write(to: workspace.folder.appendingPathComponent("outputs.csv"))
        _ = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y", "--out", "a.csv"])
        _ = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y", "--out", "b.csv"])
        #expect(try workspace.data("a.csv") == workspace.data("b.csv"))
    }

    @Test("Morris on Ishigami ranks x1 and x2 above x3 by mu*, and x3 has sigma > 0: its effect exists only with x1 (an interaction).")
    func morrisScreening() throws {
        let workspace = try Workspace("{}")
        try SensitivityFixtures.sampleAndEvaluate(workspace, factors: SensitivityFixtures.ishigamiFactors, ["--method", "morris", "--n", "40"],
                                                  SensitivityFixtures.ishigami)
        #expect(SensitivityFixtures.designRows(try workspace.contents("design.csv")).count == 40 * 4)
        let analyze = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y", "--method", "morris"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let indices = SensitivityFixtures.indices(try workspace.contents("sensitivity.csv"))
        let muStar = try (1...3).map { try #require(indices["x\($0) mu_star"]) }
        #expect(muStar[2].estimate > 0)
        #expect(try #require(indices["x3 sigma"]).estimate > 0)
    }

    @Test("A shuffled design, outputs of another length, a missing column and a non-power-of-two N are refused with what is wrong.")
    func refusals() throws {
        let workspace = try Workspace("{}")
        try Data(SensitivityFixtures.ishigamiFactors.utf8).write(to: workspace.folder.appendingPathComponent("factors.json"))
        let odd = try workspace.run(["sensitivity", "sample", "factors.json", "--n", "100"])
        #expect(odd.status == 1 && odd.stdout.isEmpty)
        #expect(odd.stderr.contains("--n must be a power of two for a Sobol' design") && odd.stderr.contains("try 128"), "\(odd.stderr)")

        _ = try workspace.run(["sensitivity", "sample", "factors.json", "--n", "8", "--out", "design.csv"])
        var lines = try workspace.contents("design.csv").split(separator: "\n").map(String.init)
        let rows = SensitivityFixtures.designRows(lines.joined(separator: "\n"))
        try Data(SensitivityFixtures.outputs(rows, SensitivityFixtures.ishigami).utf8).write(to: workspace.folder.appendingPathComponent("outputs.csv"))
        let missing = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "why"])
        #expect(missing.status == 1 && missing.stderr == "Error: outputs.csv has no column \"why\"; did you mean \"y\"?\n", "\(missing.stderr)")

        lines.swapAt(2, 3)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: workspace.folder.appendingPathComponent("shuffled.csv"))
        let shuffled = try workspace.run(["sensitivity", "analyze", "shuffled.csv", "outputs.csv", "--y", "y"])
        #expect(shuffled.status == 1 && !workspace.exists("sensitivity.csv"))
        #expect(shuffled.stderr.hasPrefix("Error: shuffled.csv: row 3: not a Saltelli design"), "\(shuffled.stderr)")

        try Data("y\n1\n2\n".utf8).write(to: workspace.folder.appendingPathComponent("short.csv"))
        let short = try workspace.run(["sensitivity", "analyze", "design.csv", "short.csv", "--y", "y"])
        #expect(short.stderr == "Error: short.csv has 2 data rows but design.csv has 40; the outputs must follow the design row for row\n",
                "\(short.stderr)")
    }

    @Test("A factors file's problems are reported at their paths: a bad range, an unknown range with a suggestion, a log range from 0.")
    func factorProblems() throws {
        let workspace = try Workspace("{}")
        let text = """
            {"factors": {"a": {"uniform": [2, 1]}, "b": {"unifrom": [0, 1]}, "c": {"log_uniform": [0, 1]}, "d": {"choice": [1]}}}
            """
        try Data(text.utf8).write(to: workspace.folder.appendingPathComponent("factors.json"))
        let result = try workspace.run(["sensitivity", "sample", "factors.json", "--n", "8"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            factors.json: factors.a.uniform: low must be less than high (found [2, 1])
            factors.json: factors.b.unifrom: unknown range; did you mean "uniform"?
            factors.json: factors.c.log_uniform[0]: must be greater than 0 (a logarithmic range) (found 0)
            factors.json: factors.d.choice: must be an array of two or more values (found an array of 1)

            """, "\(result.stderr)")
    }
}
