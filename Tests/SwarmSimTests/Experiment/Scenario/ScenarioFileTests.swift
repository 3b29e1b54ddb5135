import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

private typealias F = ScenarioFixtures

/// A scenario file that cannot be used is refused in words: which file, and why.
@Suite struct ScenarioFileTests {
    @Test("A directory, a missing file and a file the system will not read are refused with the cause, not a Foundation error code.")
    func unreadableFiles() throws {
        let folder = try F.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func message(_ file: String) -> String {
            do {
                _ = try Scenario.load(file: file)
                return "loaded"
            } catch {
                return error.description
            }
        }
        #expect(message(folder.path)
            == "\(folder.path): cannot read the scenario: it is a directory; give a scenario file (JSON), such as scenarios/flat-vs-hierarchy.json")
        #expect(message(folder.path + "/none.json") == "\(folder.path)/none.json: cannot read the scenario: no such file")
        // Reading a process's own memory from its start fails on Linux with EIO, even for root.
        if FileManager.default.fileExists(atPath: "/proc/self/mem") {
            #expect(message("/proc/self/mem") == "/proc/self/mem: cannot read the scenario: Input/output error")
        }
    }

    @Test("A trailing comma and a key written twice are refused where they are written, though Foundation's parser accepts both.")
    func strictJSON() {
        #expect(F.problems("{\"name\": \"x\",\n \"agents\": {\"count\": 2,},\n \"sweep\": {}}") == [
            "test.json: not valid JSON: line 2, column 23: a comma before } (a trailing comma is not JSON); remove it",
        ])
        #expect(F.problems("{\"name\": \"x\", \"sweep\": {\"agents.count\": [1, 2,]}}") == [
            "test.json: not valid JSON: line 1, column 46: a comma before ] (a trailing comma is not JSON); remove it",
        ])
        #expect(F.problems("{\"name\": \"x\", \"seed\": 2, \"agents\": {\"count\": 2}, \"seed\": 3}") == [
            "test.json: not valid JSON: line 1, column 50: seed is written twice in one object (first at line 1, column 15); give it once",
        ])
        // Commas and braces inside strings, the same key in two objects, and escapes are fine.
        #expect(F.problems(#"{"name": "a,}", "description": "\",]", "agents": {"count": 2}, "codebase": {"areas": 2}, "variants": [{"label": "x", "agents": {"count": 3}}]}"#) == [])
    }
}
