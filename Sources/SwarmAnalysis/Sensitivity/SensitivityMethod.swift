/// How a design is sampled, and so how it is analysed.
public enum SensitivityMethod: String, Sendable, CaseIterable {
    /// Saltelli's scheme on a scrambled Sobol' sequence, for Sobol' indices (S1, ST, S2).
    case sobol
    /// Morris trajectories, for elementary-effect screening (mu, mu*, sigma).
    case morris
    /// A Latin hypercube, for robustness and any analysis of a plain sample (no indices of its own).
    case lhs
}
