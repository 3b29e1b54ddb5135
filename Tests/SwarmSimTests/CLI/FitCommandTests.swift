import Foundation
import Testing

@Suite struct FitCommandTests {
    @Test("fit prints one CSV row per group with the USL parameters, peak, standard errors, R-squared and RMSE.")
    func fitsPerGroup() throws {
        let workspace = try Workspace("{}")
        let rows = [("a", 1, 1.0), ("a", 2, 1.8868), ("a", 4, 3.0769), ("a", 6, 3.5294), ("a", 8, 3.5398), ("a", 10, 3.3557),
                    ("b", 1, 2.0), ("b", 2, 4.0), ("b", 4, 8.0), ("b", 8, 16.0)]
        let text = "label,n,x\n" + rows.map { "\($0.0),\($0.1),\($0.2)" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: workspace.folder.appendingPathComponent("curve.csv"))
        let result = try workspace.run(["fit", "curve.csv", "--x", "n", "--y", "x", "--by", "label"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,gamma,sigma,kappa,peak_n,gamma_se,sigma_se,kappa_se,r_squared,rmse")
        let a = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(a[0] == "a")
        #expect(abs(Double(a[2])! - 0.02) < 5e-4 && abs(Double(a[3])! - 0.02) < 5e-4 && abs(Double(a[4])! - 7) < 0.05)
        // The reference data are the law rounded to 4 decimals: residuals of at most 5e-5.
        #expect(Double(a[8])! > 0.9999 && Double(a[9])! < 5e-5, "\(a)")
        // Perfectly linear data: no contention, no coherency cost, so no peak (an empty cell).
        let b = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(b[0] == "b" && abs(Double(b[1])! - 2) < 1e-6 && b[4].isEmpty)
        #expect(abs(Double(b[8])! - 1) < 1e-9 && Double(b[9])! < 1e-6, "\(b)")
    }

    @Test("fit names a missing column and suggests the closest one.")
    func missingColumn() throws {
        let workspace = try Workspace("{}")
        try Data("agents,throughput\n1,1\n2,2\n4,3\n".utf8).write(to: workspace.folder.appendingPathComponent("c.csv"))
        let result = try workspace.run(["fit", "c.csv", "--x", "agent", "--y", "throughput"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: c.csv has no column \"agent\"; did you mean \"agents\"?"))
        // An aggregate.csv metric without its statistic: the columns it begins are offered.
        try Data("agents,throughput_tasks_per_hour_mean,throughput_tasks_per_hour_sd\n1,1,0\n".utf8)
            .write(to: workspace.folder.appendingPathComponent("a.csv"))
        let short = try workspace.run(["fit", "a.csv", "--x", "agents", "--y", "throughput"])
        #expect(short.status != 0)
        #expect(short.stderr.hasPrefix(
            "Error: a.csv has no column \"throughput\" (columns beginning so: throughput_tasks_per_hour_mean, throughput_tasks_per_hour_sd)"),
            "\(short.stderr)")
    }
    @Test("fit refuses an agent count of inf (once fitted to zeros with exit 0), a nan throughput and text, naming file, row and column.")
    func refusesNonFiniteCells() throws {
        let workspace = try Workspace("{}")
        for (cell, column, row) in [("inf,3", "n", 4), ("3,nan", "x", 4), ("3,n/a", "x", 4), ("1e400,3", "n", 4)] {
            try Data("n,x\n1,1\n2,2\n\(cell)\n4,4\n".utf8).write(to: workspace.folder.appendingPathComponent("c.csv"))
            let result = try workspace.run(["fit", "c.csv", "--x", "n", "--y", "x"])
            #expect(result.status == 1 && !result.signalled && result.stdout.isEmpty, "\(cell): \(result.status) \(result.stdout)")
            let found = cell.split(separator: ",")[column == "n" ? 0 : 1]
            let allowed = column == "n" ? "a finite number, at least 1, or empty" : "a finite number, or empty"
            #expect(result.stderr == "Error: c.csv: row \(row), column \"\(column)\": must be \(allowed) (found \"\(found)\")\n", "\(result.stderr)")
        }
    }

    @Test("fit refuses a group with fewer than 3 distinct agent counts, naming its rows.")
    func refusesTooFewAgentCounts() throws {
        let workspace = try Workspace("{}")
        try Data("g,n,x\na,1,1\na,2,2\na,2,2.1\nb,1,1\nb,2,2\nb,4,3\n".utf8).write(to: workspace.folder.appendingPathComponent("c.csv"))
        let result = try workspace.run(["fit", "c.csv", "--x", "n", "--y", "x", "--by", "g"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: c.csv: group \"a\" (rows 2, 3, 4): cannot fit the Universal Scalability Law: "
                + "3 points at 2 distinct agent counts; a fit needs at least 3 distinct agent counts\n", "\(result.stderr)")
    }
}
