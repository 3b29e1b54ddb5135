/// The swarmsim version, written into every result so that a run can be reproduced.
public enum SwarmSimVersion {
    public static let current = "0.2.1"
}
