import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct AtomicFileTests {
    private func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("A committed file replaces the old one and leaves no temporary file.")
    func commitReplaces() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv")
        try Data("old\n".utf8).write(to: destination)
        let file = try AtomicFile(destination: destination)
        file.write("new\n")
        #expect(try String(contentsOf: destination, encoding: .utf8) == "old\n")
        try file.commit()
        #expect(try String(contentsOf: destination, encoding: .utf8) == "new\n")
        #expect(try entries(folder) == ["out.csv"])
    }

    @Test("A discarded or abandoned file leaves the old one untouched and no temporary file.")
    func discardKeepsOld() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.csv")
        try Data("old\n".utf8).write(to: destination)
        let discarded = try AtomicFile(destination: destination)
        discarded.write("half")
        discarded.discard()
        do {
            let abandoned = try AtomicFile(destination: destination)
            abandoned.write("half")
        }
        #expect(try String(contentsOf: destination, encoding: .utf8) == "old\n")
        #expect(try entries(folder) == ["out.csv"])
    }

    @Test("Writes larger than the buffer arrive whole.")
    func largeWrites() throws {
        let folder = try ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("big.txt")
        let file = try AtomicFile(destination: destination)
        let line = String(repeating: "x", count: 999) + "\n"
        for _ in 0..<3000 { file.write(line) }
        try file.commit()
        #expect(try Data(contentsOf: destination).count == 3_000_000)
    }
}
