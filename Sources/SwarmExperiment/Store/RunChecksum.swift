import SwarmModel

/// The checksum a stored run carries (schema 6) so that a store never serves damaged data: the
/// SHA-256 (lowercase hex) of its summary and samples exactly as stored. Each value is one byte, 0
/// for undefined (NULL) or 1 for a number, then for a number its 8 IEEE 754 bytes, little-endian;
/// the summary comes first, then the sample count as 8 bytes little-endian, then the samples in
/// order. The column counts are fixed by the schema, so the encoding is unambiguous, and it depends
/// on nothing but the stored values: any process, machine or merge computes the same checksum.
enum RunChecksum {
    /// What the checksum column holds for a run whose rows could not be read when its checksum was
    /// first computed (on migration from schema 5, or after a merge from an older store): it
    /// matches no run, so the run counts as damaged and is simulated again.
    static let unreadable = "unreadable"

    /// The checksum of a run with `summary` and `samples`.
    static func hex(summary: [Double?], samples: [[Double?]]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(9 * (summary.count + samples.reduce(0) { $0 + $1.count }) + 8)
        func append(_ word: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        func append(_ value: Double?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            append(value.bitPattern)
        }
        summary.forEach(append)
        append(UInt64(samples.count))
        for sample in samples { sample.forEach(append) }
        return SHA256.hex(bytes)
    }

    /// The checksum of `result`.
    static func hex(_ result: RunResult) -> String {
        hex(summary: result.summary, samples: result.samples)
    }
}
