/// The swarmsim version, written into every result so that a run can be reproduced.
public enum SwarmSimVersion {
    /// The release.
    public static let current = "0.4.0"

    /// The release and the engine fingerprint's first 12 digits, in SemVer's build-metadata form
    /// (`0.4.0+engine.1a2b3c4d5e6f`): what run addresses, the run store and result files record, so
    /// that results of a changed engine are never taken for this one's.
    public static let build = "\(current)+engine.\(EngineFingerprint.current.prefix(12))"
}
