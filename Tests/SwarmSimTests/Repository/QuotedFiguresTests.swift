import Foundation
import Testing

/// The figures the README's opening quotes come from the engine as it is, not from an older one:
/// a model change that moves them fails here until the README says what the engine now measures.
@Suite struct QuotedFiguresTests {
    private let readme = (try? String(contentsOf: RepositoryFiles.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// `text` with every run of spaces made one space.
    private func squeezed(_ text: Substring) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    @Test("The rows of the headline table in the README are rows the main command prints.")
    func headlineTableIsCurrent() throws {
        let fence = try #require(readme.range(of: "```\nvariant         agents"), "the README's headline table")
        let start = readme.index(fence.lowerBound, offsetBy: 4)
        let end = try #require(readme.range(of: "```", range: start..<readme.endIndex))
        let quoted = readme[start..<end.lowerBound].split(separator: "\n").map(squeezed)
        #expect(quoted.count >= 3)
        let workspace = try Workspace("{}")
        let scenario = RepositoryFiles.root.appendingPathComponent("scenarios/flat-vs-hierarchy.json").path
        let result = try workspace.run(["run", scenario, "--out", "out", "--db", "store.sqlite"])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = Set(result.stdout.split(separator: "\n").map(squeezed))
        for row in quoted {
            #expect(printed.contains(row), "the README's headline row \"\(row)\" is not what the main command prints")
        }
    }

    @Test("The README's drift figures (drift, price of a useful agent-hour, tasks landed) are drift-fresh-starts' results.")
    func driftFiguresAreCurrent() throws {
        // notebooks-data/drift-fresh-starts is the scenario's output, held to regenerate byte for byte.
        let file = RepositoryFiles.root.appendingPathComponent("notebooks-data/drift-fresh-starts/aggregate.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        func mean(_ variant: String, _ metric: String) throws -> Double {
            let column = try #require(header.firstIndex(of: "\(metric)_mean"))
            let row = try #require(lines.first { $0.first == variant })
            return try #require(Double(row[column]))
        }
        let drift = try mean("no-fresh-starts", "drift") / mean("fresh-starts", "drift")
        let price = try mean("no-fresh-starts", "cost_per_effective_agent_hour_usd") / mean("fresh-starts", "cost_per_effective_agent_hour_usd")
        let fewer = 1 - (try mean("no-fresh-starts", "tasks_done") / mean("fresh-starts", "tasks_done"))
        let quoted = String(format: "drift %.1fx, each useful agent-hour %.2fx dearer, and %.0f%% fewer tasks landed", drift, price, 100 * fewer)
        #expect(squeezed(Substring(readme.replacingOccurrences(of: "\n", with: " "))).contains(quoted), "the README should say: \(quoted)")
    }
}
