import Foundation
import Testing
@testable import SwarmAnalysis
@testable import SwarmExperiment
import SwarmModel

@Suite struct ObservedLogTests {
    /// A log whose commits are at the given offsets (seconds) from 2026-01-10T10:00:00Z.
    private func log(_ offsets: [Int], files: Int = 2) -> CSVTable {
        let start = CommitLog.secondsSince1970(utc: "2026-01-10T10:00:00Z")!
        return CSVTable(header: ["commit", "committed_utc", "files_changed"],
                        rows: offsets.enumerated().map { ["c\($0.offset)", CommitLog.utcText(start + $0.element), String(files)] },
                        file: "log.csv")
    }

    @Test("UTC times parse to the epoch seconds date(1) gives, and print back unchanged.")
    func timesRoundTrip() {
        #expect(CommitLog.secondsSince1970(utc: "1970-01-01T00:00:00Z") == 0)
        #expect(CommitLog.secondsSince1970(utc: "2026-01-10T10:42:17Z") == 1_768_041_737)  // date -u -d 2026-01-10T10:42:17Z +%s
        #expect(CommitLog.secondsSince1970(utc: "2024-02-29T23:59:59Z") == 1_709_251_199)
        for text in ["2026-01-10T10:42:17Z", "2000-02-29T00:00:00Z", "1999-12-31T23:59:59Z"] {
            #expect(CommitLog.utcText(CommitLog.secondsSince1970(utc: text)!) == text)
        }
        for bad in ["2026-01-10 10:42:17Z", "2026-01-10T10:42:17+00:00", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-10T24:00:00Z", ""] {
            #expect(CommitLog.secondsSince1970(utc: bad) == nil, "\(bad)")
        }
    }

    @Test("A gap longer than the rule's ends a run; short runs are dropped; hours count from each run's first commit.")
    func splitsRuns() throws {
        // Run A: 0 s, 1,800 s, 3,599 s, 3,600 s, 7,000 s (gaps of at most an hour). Then 3,601 s of quiet.
        // Run B: two commits 3,600 s apart (exactly the gap: still one run). Then a lone commit after 2 h.
        let offsets = [0, 1_800, 3_599, 3_600, 7_000, 10_601, 14_201, 21_402]
        let commits = try CommitLog.commits(in: log(offsets))
        let (runs, dropped) = RunSplitRule(gapHours: 1, minimumCommits: 2).split(commits)
        #expect(runs.map(\.hourlyCommits) == [[3, 2], [1, 1]])
        #expect(dropped == 1)
        #expect(runs.map(\.id) == [1, 2])
        #expect(runs[1].start - runs[0].start == 10_601)
        let (one, _) = RunSplitRule(gapHours: 3, minimumCommits: 1).split(commits)
        #expect(one.count == 1 && one[0].hourlyCommits.reduce(0, +) == 8)
    }

    @Test("The statistics of a known series: peak and its hour, type 7 quantiles, ratios, undefined where they must be.")
    func statistics() {
        // 26 hours: a rise to 100 at hour 2, then 10 per hour, hour 24 = 10.
        let hourly = [20.0, 50, 100] + Array(repeating: 10.0, count: 23)
        let s = LandingStatistics(hourlyLandings: hourly, filesPerCommit: [1, 1, 2, 3, 10])
        #expect(s[.hours] == 26 && s[.commits] == 400 && s[.peak] == 100 && s[.peakHour] == 2)
        #expect(s[.median] == 10)
        // Sorted: 23 tens, then 20, 50, 100. Type 7 p90: position 0.9 x 25 = 22.5, between 10 and 20.
        #expect(s[.p90] == 15)
        #expect(s[.peakToMedian] == 10 && s[.hour24ToPeak] == 0.1)
        // Files sorted 1, 1, 2, 3, 10: p90 position 0.9 x 4 = 3.6, between 3 and 10.
        #expect(s[.filesMedian] == 2 && abs(s[.filesP90]! - 7.2) < 1e-12)
        let short = LandingStatistics(hourlyLandings: [5, 3], filesPerCommit: nil)
        #expect(short[.hour24ToPeak] == nil && short[.filesMedian] == nil && short[.median] == 4)
    }

    @Test("A log out of time order, a bad time and a bad file count are refused with file, row and column.")
    func refusesBadLogs() {
        var table = log([0, 10])
        table = CSVTable(header: table.header, rows: [table.rows[1], table.rows[0]], file: "log.csv")
        #expect(throws: CSVInputError.self) { try CommitLog.commits(in: table) }
        do {
            _ = try CommitLog.commits(in: table)
        } catch {
            #expect(error.description.hasPrefix("log.csv: row 3, column \"committed_utc\": must be at or after the previous row's time"))
        }
        let badTime = CSVTable(header: ["committed_utc", "files_changed"], rows: [["yesterday", "1"]], file: "log.csv")
        #expect(throws: CSVInputError.invalidCell(file: "log.csv", row: 2, column: "committed_utc",
                                                  requirement: "a UTC time written YYYY-MM-DDTHH:MM:SSZ", found: "\"yesterday\"")) {
            try CommitLog.commits(in: badTime)
        }
        let badFiles = CSVTable(header: ["committed_utc", "files_changed"], rows: [["2026-01-10T10:00:00Z", "-1"]], file: "log.csv")
        #expect(throws: CSVInputError.self) { try CommitLog.commits(in: badFiles) }
        let missing = CSVTable(header: ["when"], rows: [["x"]], file: "log.csv")
        #expect(throws: CSVInputError.missingColumn(file: "log.csv", column: "committed_utc", suggestion: nil, similar: [])) {
            try CommitLog.commits(in: missing)
        }
    }

    @Test("A simulated run's hourly landings are its tasks_done differences, and feed the same statistics.")
    func simulatedLandings() throws {
        let scenario = try ScenarioFixtures.decode(
            #"{"name": "hourly", "duration_hours": 6, "sample_every_hours": 1, "agents": {"count": 30}, "topology": {"kind": "planner-worker"}}"#)
        let result = Simulation.run(try RunPlan(scenario)[0])
        let landings = LandingStatistics.landingsPerSample(of: result)
        #expect(landings.count == 6)
        let doneColumn = RunResult.sampleColumns.firstIndex(of: "tasks_done")!
        #expect(landings.reduce(0, +) == result.samples.last![doneColumn]!)
        #expect(LandingStatistics(simulated: result)[.commits] == landings.reduce(0, +))
    }
}
