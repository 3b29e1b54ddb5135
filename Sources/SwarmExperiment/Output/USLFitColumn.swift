import SwarmKernel

/// A column of a table of Universal Scalability Law fits. `swarmsim fit` and usl.csv both print
/// fits, in orders of their own; naming and encoding each value here once keeps a column that means
/// the same thing under the same name, with the same empty cells, in both.
public enum USLFitColumn: String, Sendable, CaseIterable {
    /// The number of points fitted.
    case points
    /// Throughput of one agent (X(1)).
    case gamma
    /// Contention: the serialised share of the work.
    case sigma
    /// Coherency: the cost of keeping each pair of agents in step.
    case kappa
    /// The agent count of peak throughput, sqrt((1 - sigma) / kappa); empty when kappa is 0 (no peak).
    case peakN = "peak_n"
    /// The standard error of gamma; empty with fewer than 4 points (or a singular J'J), where
    /// the data cannot say how far to trust the fit.
    case gammaSE = "gamma_se"
    /// The standard error of sigma; empty as for gamma's.
    case sigmaSE = "sigma_se"
    /// The standard error of kappa; empty as for gamma's.
    case kappaSE = "kappa_se"
    /// The share of the throughputs' variation the law explains (1 - RSS / TSS); empty when
    /// every throughput is the same.
    case rSquared = "r_squared"
    /// The root-mean-square distance of the throughputs from the law, in their unit.
    case rmse

    /// This column's cell for `fit`.
    public func cell(_ fit: UniversalScalabilityLaw.Fit) -> CSVCell {
        switch self {
        case .points: .integer(fit.points)
        case .gamma: .number(fit.law.gamma)
        case .sigma: .number(fit.law.sigma)
        case .kappa: .number(fit.law.kappa)
        case .peakN: .number(fit.law.peak)
        case .gammaSE: .number(fit.standardErrors?.gamma)
        case .sigmaSE: .number(fit.standardErrors?.sigma)
        case .kappaSE: .number(fit.standardErrors?.kappa)
        case .rSquared: .number(fit.rSquared)
        case .rmse: .number(fit.rootMeanSquareError)
        }
    }
}
