import Foundation
import SwarmKernel

/// ABC-SMC's move from one generation to the next: pick a particle of the previous population by
/// weight and add Gaussian noise with twice the population's weighted variance per parameter
/// (Beaumont et al. 2009), redrawing until the result lies in the prior's box. `density` is the
/// mixture's density at a point, each component normalised over the box, which the new weights
/// divide by.
struct PerturbationKernel {
    let population: ABCSMC.Generation
    let lowerBounds: [Double]
    let upperBounds: [Double]
    /// The kernel's standard deviation per parameter.
    let widths: [Double]
    /// Each particle's kernel mass inside the box.
    private let masses: [Double]
    private let choice: WeightedChoice

    init(population: ABCSMC.Generation, lowerBounds: [Double], upperBounds: [Double]) {
        self.population = population
        self.lowerBounds = lowerBounds
        self.upperBounds = upperBounds
        let widths = lowerBounds.indices.map { parameter -> Double in
            let values = population.particles.map { $0[parameter] }
            let mean = zip(values, population.weights).reduce(0) { $0 + $1.0 * $1.1 }
            let variance = zip(values, population.weights).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
            // A population collapsed onto one value still needs to move: a hundredth of the prior.
            return variance > 0 ? (2 * variance).squareRoot() : (upperBounds[parameter] - lowerBounds[parameter]) / 100
        }
        self.widths = widths
        masses = population.particles.map { centre in
            centre.indices.reduce(1.0) { mass, parameter in
                let z = { (bound: Double) in (bound - centre[parameter]) / widths[parameter] }
                return mass * (PerturbationKernel.normalCDF(z(upperBounds[parameter])) - PerturbationKernel.normalCDF(z(lowerBounds[parameter])))
            }
        }
        choice = WeightedChoice(weights: population.weights)
    }

    /// A new proposal.
    func propose(_ random: inout Xoshiro256StarStar) -> [Double] {
        let centre = population.particles[choice.draw(&random)]
        while true {
            let candidate = centre.indices.map { centre[$0] + widths[$0] * PerturbationKernel.standardNormal(&random) }
            if candidate.indices.allSatisfy({ candidate[$0] >= lowerBounds[$0] && candidate[$0] <= upperBounds[$0] }) {
                return candidate
            }
        }
    }

    /// The density of a proposal at `point` (inside the box).
    func density(at point: [Double]) -> Double {
        var total = 0.0
        for (index, centre) in population.particles.enumerated() where masses[index] > 0 {
            var product = 1.0
            for parameter in point.indices {
                let z = (point[parameter] - centre[parameter]) / widths[parameter]
                product *= exp(-0.5 * z * z) / (widths[parameter] * (2 * Double.pi).squareRoot())
            }
            total += population.weights[index] * product / masses[index]
        }
        return total
    }

    static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// A standard normal draw (Box-Muller, one of the pair).
    static func standardNormal(_ random: inout Xoshiro256StarStar) -> Double {
        let u1 = random.nextOpenUnit()
        let u2 = random.nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
