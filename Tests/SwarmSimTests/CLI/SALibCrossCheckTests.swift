import Foundation
import Testing
@testable import SwarmKernel

/// swarmsim's sensitivity analysis against SALib 1.6 (Python; `.ci/run` installs it): the same
/// design and outputs analysed by both, and every index of each inside the other's 95% interval;
/// and the unscrambled Sobol' sequence against scipy's (which SALib samples with), point for point.
/// Skipped only outside CI when SALib is missing; in CI (CI set) a missing SALib fails the test.
@Suite struct SALibCrossCheckTests {
    private static let hasSALib: Bool = {
        (try? python("import SALib, scipy").status) == 0
    }()

    private static var enabled: Bool {
        hasSALib || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// Runs python3 with `script` in `directory`; its status and standard output.
    private static func python(_ script: String, in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    @Test("The unscrambled sequence equals scipy's Sobol' (Joe-Kuo directions) in all 128 dimensions for 1024 points.",
          .enabled(if: enabled, "python3 with SALib is not installed; .ci/run installs it"))
    func sequenceMatchesScipy() throws {
        let result = try Self.python("""
            import numpy as np
            from scipy.stats import qmc
            x = qmc.Sobol(d=128, scramble=False).random(1024)
            print("\\n".join(",".join(repr(float(v)) for v in row) for row in x))
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let theirs = result.stdout.split(separator: "\n").map { $0.split(separator: ",").map { Double($0)! } }
        let ours = SobolSequence(dimensions: 128, seed: 1, scrambled: false).points(1024)
        #expect(theirs.count == 1024)
        #expect(theirs == ours)
    }

    @Test("Sobol' S1, ST and S2 of Ishigami on our design: equal to SALib's, each inside the other's 95% interval.",
          .enabled(if: enabled, "python3 with SALib is not installed; .ci/run installs it"))
    func sobolIndicesMatchSALib() throws {
        let workspace = try Workspace("{}")
        try SensitivityFixtures.sampleAndEvaluate(workspace, factors: SensitivityFixtures.ishigamiFactors, ["--n", "512", "--second-order"], SensitivityFixtures.ishigami)
        let analyze = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y", "--second-order"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let ours = SensitivityFixtures.indices(try workspace.contents("sensitivity.csv"))
        let salib = try Self.python("""
            import numpy as np
            from SALib.analyze import sobol
            Y = np.loadtxt("outputs.csv", skiprows=1)
            problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
            r = sobol.analyze(problem, Y, calc_second_order=True, num_resamples=1000, seed=1)
            for i in range(3):
                print(f"x{i+1} S1", r["S1"][i], r["S1_conf"][i])
                print(f"x{i+1} ST", r["ST"][i], r["ST_conf"][i])
                for j in range(i + 1, 3):
                    print(f"x{i+1}:x{j+1} S2", r["S2"][i][j], r["S2_conf"][i][j])
            """, in: workspace.folder)
        #expect(salib.status == 0, "\(salib.stderr)")
        let lines = salib.stdout.split(separator: "\n")
        #expect(lines.count == 9)
        for line in lines {
            let parts = line.split(separator: " ")
            let key = "\(parts[0]) \(parts[1])"
            let (estimate, conf) = (Double(parts[2])!, Double(parts[3])!)
            let mine = try #require(ours[key])
            // Same estimators on the same outputs: the same numbers, to rounding.
            #expect(abs(mine.estimate - estimate) < 1e-9, "\(key): ours \(mine.estimate), SALib \(estimate)")
            #expect(estimate - conf <= mine.estimate && mine.estimate <= estimate + conf, "\(key)")
            #expect(mine.low <= estimate && estimate <= mine.high, "\(key): SALib \(estimate) outside \(mine)")
        }
    }

    @Test("Morris mu, mu* and sigma of Ishigami on our trajectories: equal to SALib's, mu* inside each other's interval.",
          .enabled(if: enabled, "python3 with SALib is not installed; .ci/run installs it"))
    func morrisMatchesSALib() throws {
        let workspace = try Workspace("{}")
        try SensitivityFixtures.sampleAndEvaluate(workspace, factors: SensitivityFixtures.ishigamiFactors, ["--method", "morris", "--n", "30"], SensitivityFixtures.ishigami)
        let analyze = try workspace.run(["sensitivity", "analyze", "design.csv", "outputs.csv", "--y", "y", "--method", "morris"])
        #expect(analyze.status == 0, "\(analyze.stderr)")
        let ours = SensitivityFixtures.indices(try workspace.contents("sensitivity.csv"))
        let salib = try Self.python("""
            import numpy as np
            from SALib.analyze import morris
            X = np.loadtxt("design.csv", delimiter=",", skiprows=1)
            Y = np.loadtxt("outputs.csv", skiprows=1)
            problem = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-np.pi, np.pi]] * 3}
            r = morris.analyze(problem, X, Y, num_levels=4, num_resamples=1000, seed=1)
            for i in range(3):
                print(f"x{i+1}", r["mu"][i], r["mu_star"][i], r["sigma"][i], r["mu_star_conf"][i])
            """, in: workspace.folder)
        #expect(salib.status == 0, "\(salib.stderr)")
        for line in salib.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let factor = String(parts[0])
            let (mu, muStar, sigma, conf) = (Double(parts[1])!, Double(parts[2])!, Double(parts[3])!, Double(parts[4])!)
            // SALib's elementary effects are over delta in the unit cube, as ours.
            for (name, theirs) in [("mu", mu), ("mu_star", muStar), ("sigma", sigma)] {
                let mine = try #require(ours["\(factor) \(name)"])
                #expect(abs(mine.estimate - theirs) < 1e-9 * max(1, abs(theirs)), "\(factor) \(name): ours \(mine.estimate), SALib \(theirs)")
            }
            let mine = try #require(ours["\(factor) mu_star"])
            #expect(muStar - conf <= mine.estimate && mine.estimate <= muStar + conf)
            #expect(mine.low <= muStar && muStar <= mine.high)
        }
    }
}
