import Foundation
import SwarmKernel
import SwarmModel
import SwarmExperiment

/// How robust each claim of a scenario is to what the scenario assumes (`swarmsim check
/// --robustness N`): every expectation is checked at N Latin-hypercube draws of the scenario's
/// factors, and reported as the share of the plausible configurations where it holds, with a
/// Wilson 95% interval, and the factor that most separates the draws where it holds from those
/// where it fails (regional sensitivity). A claim that holds only in a corner of the factor space
/// says so, instead of passing at the one configuration the scenario writes down.
public struct RobustnessCheck: Sendable {
    /// One expectation across the draws.
    public struct Claim: Sendable {
        public let index: Int
        public let name: String
        /// Whether it held (at every place it is checked) in each draw.
        public let holds: [Bool]
        public let interval: WilsonInterval
        /// The most separating factor and its separation; nil when the claim always or never holds.
        public let separation: (factor: Factor, regional: RegionalSensitivity)?
    }

    public let design: SensitivityDesign
    public let claims: [Claim]

    /// Why a scenario's robustness cannot be checked.
    public enum Problem: Error, Sendable, CustomStringConvertible {
        case noFactors(file: String)
        case noExpectations(file: String)
        case design(file: String, SensitivityDesign.Problem)

        public var description: String {
            switch self {
            case .noFactors(let file):
                return "\(file) has no factors: give it a \"factors\" object of the parameters it assumes and their plausible ranges"
            case .noExpectations(let file):
                return "\(file) has no expect block: nothing to check"
            case .design(let file, let problem):
                return "\(file): \(problem)"
            }
        }
    }

    /// Checks the scenario in `file` (with `settings`) at `draws` draws of its factors, drawn with
    /// `designSeed`; every run also goes to `sinks` (progress). Each draw's scenario is the file
    /// with the drawn values set, so a draw runs exactly what `check --set` would.
    public static func run(
        file: String, settings: [Setting], draws: Int, designSeed: UInt64 = 1, jobs: Int, sinks: [any RunSink] = [],
        isolation: isolated (any Actor)? = #isolation
    ) async throws -> RobustnessCheck {
        let base = try Scenario.load(file: file, settings: settings)
        guard !base.factors.isEmpty else { throw Problem.noFactors(file: file) }
        guard !base.expectations.isEmpty else { throw Problem.noExpectations(file: file) }
        let design: SensitivityDesign
        do {
            design = try SensitivityDesign(factors: base.factors, method: .lhs, n: draws, seed: designSeed)
        } catch {
            throw Problem.design(file: file, error)
        }
        var holds = [[Bool]](repeating: [], count: base.expectations.count)
        for row in design.valueRows {
            let drawn = zip(design.factors, row).map { Setting(path: $0.components, value: $1, origin: .factorDraw) }
            let scenario = try Scenario.load(file: file, settings: settings + drawn)
            let plan = try RunPlan(scenario)
            let table = ReplicateTable(plan: plan, metrics: ExpectationCheck.metrics(for: scenario.expectations))
            try await ExperimentRunner.run(plan, into: [table] + sinks, jobs: jobs)
            let outcomes = ExpectationCheck.evaluate(plan, table: table)
            for index in holds.indices {
                holds[index].append(outcomes.filter { $0.index == index }.allSatisfy(\.passed))
            }
        }
        let claims = base.expectations.enumerated().map { index, expectation in
            let held = holds[index]
            let separations = design.factors.indices.compactMap { factor -> (factor: Factor, regional: RegionalSensitivity)? in
                let column = design.unitRows.map { $0[factor] }
                return RegionalSensitivity(holding: column.indices.filter { held[$0] }.map { column[$0] },
                                           failing: column.indices.filter { !held[$0] }.map { column[$0] })
                    .map { (design.factors[factor], $0) }
            }
            // The first factor wins a tie, so the choice is the same on every machine.
            let strongest = separations.reduce(nil) { best, next in
                best.map { next.regional.distance > $0.regional.distance ? next : $0 } ?? next
            }
            return Claim(index: index, name: expectation.description.isEmpty ? "expect[\(index)]" : expectation.description, holds: held,
                         interval: WilsonInterval(successes: held.filter { $0 }.count, trials: held.count), separation: strongest)
        }
        return RobustnessCheck(design: design, claims: claims)
    }

    /// One paragraph per claim: the share of draws where it holds, its interval, and what separates.
    public var report: String {
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        var text = "robustness: \(design.unitRows.count) Latin-hypercube draws of \(design.factors.count) factors "
            + "(\(design.factors.map(\.path).joined(separator: ", ")))\n"
        for claim in claims {
            let i = claim.interval
            text += "\(claim.name): holds in \(percent(i.share)) [\(percent(i.low)), \(percent(i.high))] of the plausible configurations\n"
            if let (factor, regional) = claim.separation {
                let side = regional.shift > 0 ? "high" : "low"
                text += "      most separating factor: \(factor.path) (Kolmogorov-Smirnov distance \(formatNumber((regional.distance * 100).rounded() / 100)); "
                    + "holds where it is \(side))\n"
            } else {
                text += "      no factor separates: it \(i.share == 1 ? "holds" : "fails") in every draw\n"
            }
        }
        return text
    }
}
