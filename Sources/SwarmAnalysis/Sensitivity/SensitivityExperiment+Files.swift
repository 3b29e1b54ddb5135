import Foundation
import SwarmExperiment

extension SensitivityExperiment {
    /// The files of a sensitivity run, written into `folder` all at once: each to a temporary
    /// file first, renamed only when every one is complete. design.csv (the design in the
    /// factors' values), outputs.csv (per design point, each metric's mean over replicates),
    /// sensitivity.csv (the indices and their intervals), seed_noise.csv (per metric, the share
    /// of its variance across points that is replicate noise) and scenario.resolved.json.
    public func write(_ results: Results, resolved: JSONValue, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var outputs = ""
        CSVWriter.writeHeader(["point"] + metrics.map(\.rawValue), to: &outputs)
        for (point, variant) in scenario.variants.enumerated() {
            CSVWriter.writeRow([.text(variant.label)] + results.means.map { .number($0[point]) }, to: &outputs)
        }
        var noise = ""
        CSVWriter.writeHeader(SeedNoise.header, to: &noise)
        for entry in results.noise {
            CSVWriter.writeRow(entry.cells, to: &noise)
        }
        let files = [
            ("design.csv", design.csv), ("outputs.csv", outputs), ("sensitivity.csv", SensitivityIndexRow.csv(results.indices)),
            ("seed_noise.csv", noise), ("scenario.resolved.json", resolved.prettyText),
        ]
        let pending = try files.map { name, text in
            let file = try AtomicFile(destination: folder.appendingPathComponent(name))
            file.write(text)
            return file
        }
        for file in pending {
            try file.commit()
        }
    }
}
