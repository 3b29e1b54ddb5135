import Foundation

extension Distribution {
    /// A family as its sampler needs it: the constants derived from the parameters (a log-normal's
    /// mu and sigma, a gamma's Marsaglia-Tsang d and c, Poisson's PTRS constants, Zipf's and
    /// choice's alias tables) are computed once,
    /// when the distribution is made, rather than on every draw.
    @usableFromInline
    enum Sampler: Sendable {
        case constant(Double)
        case uniform(low: Double, width: Double)
        case exponential(mean: Double)
        case normal(mean: Double, sd: Double, low: Double, high: Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(GammaSampler, scale: Double)
        case beta(a: GammaSampler, b: GammaSampler)
        case bernoulli(p: Double)
        case poissonBySearch(PoissonSearch)
        case poissonByRejection(PoissonRejection)
        /// Zipf ranks 1...n or choice values, by an alias table.
        case zipf(AliasTable)
        case choice(values: [Double], AliasTable)

        init(_ family: Family) {
            switch family {
            case .constant(let value): self = .constant(value)
            case .uniform(let low, let high): self = .uniform(low: low, width: high - low)
            case .exponential(let mean): self = .exponential(mean: mean)
            case .normal(let mean, let sd, let low, let high):
                self = .normal(mean: mean, sd: sd, low: low ?? -.infinity, high: high ?? .infinity)
            case .lognormal(let mean, let sd):
                let sigma2 = log1p((sd * sd) / (mean * mean))
                self = .lognormal(mu: log(mean) - sigma2 / 2, sigma: sqrt(sigma2))
            case .gamma(let shape, let scale): self = .gamma(GammaSampler(shape: shape), scale: scale)
            case .beta(let a, let b): self = .beta(a: GammaSampler(shape: a), b: GammaSampler(shape: b))
            case .bernoulli(let p): self = .bernoulli(p: p)
            case .poisson(let mean):
                self = mean < 10 ? .poissonBySearch(PoissonSearch(mean: mean)) : .poissonByRejection(PoissonRejection(mean: mean))
            case .zipf(let n, let s): self = .zipf(AliasTable(weights: (1...n).map { pow(Double($0), -s) }))
            case .choice(let values, let weights): self = .choice(values: values, AliasTable(weights: weights))
            }
        }
    }

    /// Gamma(shape, 1) draws by Marsaglia and Tsang's squeeze-and-reject method (2000) on ziggurat
    /// normals, for shape >= 1; below 1 a draw for shape + 1 is boosted by U^(1/shape).
    @usableFromInline
    struct GammaSampler: Sendable {
        /// Marsaglia and Tsang's d = shape - 1/3 and c = 1 / sqrt(9d), for the shape they sample (>= 1).
        let d: Double
        let c: Double
        /// 1/shape when the configured shape is below 1 (so draws are boosted), else 0.
        let boostExponent: Double

        init(shape: Double) {
            let sampled = shape < 1 ? shape + 1 : shape
            d = sampled - 1.0 / 3.0
            c = 1 / sqrt(9 * d)
            boostExponent = shape < 1 ? 1 / shape : 0
        }

        /// One Gamma(shape, 1) draw.
        @usableFromInline
        func sample(_ rng: inout Xoshiro256StarStar) -> Double {
            guard boostExponent > 0 else { return squeezeAndReject(&rng) }
            let boost = pow(rng.nextOpenUnit(), boostExponent)
            return squeezeAndReject(&rng) * boost
        }

        /// log of a draw, consuming the same numbers as `sample`: finite even when the draw itself
        /// would underflow to 0 (shapes far below 1).
        @usableFromInline
        func logSample(_ rng: inout Xoshiro256StarStar) -> Double {
            guard boostExponent > 0 else { return log(squeezeAndReject(&rng)) }
            let logBoost = log(rng.nextOpenUnit()) * boostExponent
            return log(squeezeAndReject(&rng)) + logBoost
        }

        private func squeezeAndReject(_ rng: inout Xoshiro256StarStar) -> Double {
            while true {
                var x: Double
                var v: Double
                repeat {
                    x = Distribution.standardNormal(&rng)
                    v = 1 + c * x
                } while v <= 0
                v = v * v * v
                let u = rng.nextOpenUnit()
                let x2 = x * x
                if u < 1 - 0.0331 * x2 * x2 { return d * v }
                if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v }
            }
        }
    }

    /// Poisson draws for a mean below 10: inversion by sequential search from 0.
    @usableFromInline
    struct PoissonSearch: Sendable {
        let mean: Double
        /// P(0) = exp(-mean).
        let probabilityOfZero: Double

        init(mean: Double) {
            self.mean = mean
            probabilityOfZero = exp(-mean)
        }

        @usableFromInline
        func sample(_ rng: inout Xoshiro256StarStar) -> Double {
            if mean <= 0 { return 0 }
            var k = 0.0
            var p = probabilityOfZero
            var cumulative = p
            let u = rng.nextUnit()
            while u > cumulative && p > 0 {
                k += 1
                p *= mean / k
                cumulative += p
            }
            return k
        }
    }

    /// Poisson draws for a mean of 10 or more: Hörmann's PTRS transformed rejection (1993, as in NumPy).
    @usableFromInline
    struct PoissonRejection: Sendable {
        let mean: Double
        let logMean: Double
        let a: Double
        let b: Double
        let logInverseAlpha: Double
        let vr: Double

        init(mean: Double) {
            self.mean = mean
            logMean = log(mean)
            b = 0.931 + 2.53 * sqrt(mean)
            a = -0.059 + 0.02483 * b
            logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4))
            vr = 0.9277 - 3.6224 / (b - 2)
        }

        @usableFromInline
        func sample(_ rng: inout Xoshiro256StarStar) -> Double {
            while true {
                let u = rng.nextUnit() - 0.5
                let v = rng.nextUnit()
                let us = 0.5 - abs(u)
                let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
                if us >= 0.07 && v <= vr { return k }
                if k < 0 || (us < 0.013 && v > us) { continue }
                if log(v) + logInverseAlpha - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) {
                    return k
                }
            }
        }
    }
}
