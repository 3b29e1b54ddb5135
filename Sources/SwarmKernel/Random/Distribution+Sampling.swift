import Foundation

extension Distribution {
    /// One draw from the distribution, consuming random numbers from `rng` only.
    /// - Complexity: O(1) expected; O(log n) for Zipf and choice.
    @inlinable @inline(__always)
    public func sample(_ rng: inout Xoshiro256StarStar) -> Double {
        // Exponential draws are by far the most common (every Poisson process), so they skip the
        // dispatch over all families and inline at the call site.
        if case .exponential(let mean) = family {
            return mean * Distribution.standardExponential(&rng)
        }
        return sampleByFamily(&rng)
    }

    /// `sample` for every family (exponential included).
    @usableFromInline
    func sampleByFamily(_ rng: inout Xoshiro256StarStar) -> Double {
        switch family {
        case .constant(let value):
            return value
        case .uniform(let low, let high):
            return low + (high - low) * rng.nextUnit()
        case .exponential(let mean):
            return mean * Distribution.standardExponential(&rng)
        case .normal(let mean, let sd, let low, let high):
            return Distribution.truncatedNormal(mean: mean, sd: sd, low: low ?? -.infinity, high: high ?? .infinity, &rng)
        case .lognormal(let mean, let sd):
            let sigma2 = log1p((sd * sd) / (mean * mean))
            let mu = log(mean) - sigma2 / 2
            return exp(mu + sqrt(sigma2) * Distribution.standardNormal(&rng))
        case .gamma(let shape, let scale):
            return scale * Distribution.standardGamma(shape: shape, &rng)
        case .beta(let a, let b):
            // In logs, so that shapes far below 1 (whose gamma draws underflow to 0) stay finite.
            let logX = Distribution.logStandardGamma(shape: a, &rng)
            let logY = Distribution.logStandardGamma(shape: b, &rng)
            return 1 / (1 + exp(logY - logX))
        case .bernoulli(let p):
            return rng.nextUnit() < p ? 1 : 0
        case .poisson(let mean):
            return Distribution.poisson(mean: mean, &rng)
        case .zipf:
            return Double(tableIndex(rng.nextUnit()) + 1)
        case .choice(let values, _):
            return values[tableIndex(rng.nextUnit())]
        }
    }

    /// A standard exponential draw (mean 1) by the ziggurat method (Marsaglia and Tsang, 2000, with
    /// NumPy's 53-bit layout; tables in ExponentialZiggurat.swift).
    ///
    /// Exact, like inversion (-log U), but about 99% of draws cost one 64-bit random number, a table
    /// lookup, a multiply and a compare, with no logarithm: bits 3...10 pick one of 256 equal-area
    /// layers and the top 53 bits a point across it; the point is accepted at once when it lies left
    /// of the layer above. Otherwise `standardExponentialSlowPath` runs the wedge test or samples the
    /// tail, restarting with fresh bits when the point is rejected.
    @inlinable @inline(__always)
    static func standardExponential(_ rng: inout Xoshiro256StarStar) -> Double {
        let bits = rng.next()
        let layer = Int(truncatingIfNeeded: (bits >> 3) & 0xFF)
        let position = bits >> 11
        return exponentialZigguratLayers.withUnsafeBufferPointer { layers in
            if position < layers[2 &* layer &+ 1] {
                return Double(Int64(bitPattern: position)) * Double(bitPattern: layers[2 &* layer])
            }
            return standardExponentialSlowPath(layer: layer, position: position, &rng)
        }
    }

    /// The rare steps of `standardExponential`: the wedge test between a layer's rectangle and the
    /// curve, the tail beyond r (r + Exp(1), by memorylessness), and fresh draws after a rejection.
    @usableFromInline
    @inline(never)
    static func standardExponentialSlowPath(layer: Int, position: UInt64, _ rng: inout Xoshiro256StarStar) -> Double {
        var layer = layer
        var position = position
        while true {
            let width = Double(bitPattern: exponentialZigguratLayers[2 * layer])
            let x = Double(Int64(bitPattern: position)) * width
            if position < exponentialZigguratLayers[2 * layer + 1] { return x }
            if layer == 0 {
                // 1 - U is in (0, 1], so the logarithm is finite.
                return exponentialZigguratR - log1p(-rng.nextUnit())
            }
            let low = exponentialZigguratDensities[layer]
            let high = exponentialZigguratDensities[layer - 1]
            if low + rng.nextUnit() * (high - low) < exp(-x) { return x }
            let bits = rng.next()
            layer = Int(truncatingIfNeeded: (bits >> 3) & 0xFF)
            position = bits >> 11
        }
    }

    /// The first index whose cumulative probability exceeds `u` (binary search).
    @usableFromInline
    func tableIndex(_ u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// A standard normal draw by the Box-Muller transform (the second variate is not kept, so a
    /// draw's value never depends on an earlier draw).
    @usableFromInline
    package static func standardNormal(_ rng: inout Xoshiro256StarStar) -> Double {
        let u1 = rng.nextOpenUnit()
        let u2 = rng.nextUnit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }

    /// A normal draw restricted to [low, high] by rejection; decoding refuses windows holding less
    /// than 1% of the mass, so this takes at most 100 tries on average.
    @usableFromInline
    static func truncatedNormal(mean: Double, sd: Double, low: Double, high: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        while true {
            let x = mean + sd * standardNormal(&rng)
            if x >= low && x <= high { return x }
        }
    }

    /// A Gamma(shape, 1) draw: Marsaglia and Tsang (2000) for shape >= 1, boosted by U^(1/shape) below.
    @usableFromInline
    static func standardGamma(shape: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        if shape < 1 {
            let boost = pow(rng.nextOpenUnit(), 1 / shape)
            return standardGamma(shape: shape + 1, &rng) * boost
        }
        return marsagliaTsang(shape: shape, &rng)
    }

    /// log of a Gamma(shape, 1) draw, consuming the same numbers as `standardGamma`: finite even
    /// when the draw itself would underflow to 0.
    @usableFromInline
    static func logStandardGamma(shape: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        if shape < 1 {
            let logBoost = log(rng.nextOpenUnit()) / shape
            return log(marsagliaTsang(shape: shape + 1, &rng)) + logBoost
        }
        return log(marsagliaTsang(shape: shape, &rng))
    }

    /// Marsaglia and Tsang's squeeze-and-reject method for Gamma(shape, 1), shape >= 1.
    @usableFromInline
    static func marsagliaTsang(shape: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        let d = shape - 1.0 / 3.0
        let c = 1 / sqrt(9 * d)
        while true {
            var x: Double
            var v: Double
            repeat {
                x = standardNormal(&rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextOpenUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A Poisson draw: inversion by sequential search for small means, Hörmann's PTRS
    /// transformed rejection (1993, as in NumPy) from a mean of 10 up.
    @usableFromInline
    static func poisson(mean: Double, _ rng: inout Xoshiro256StarStar) -> Double {
        if mean <= 0 { return 0 }
        if mean < 10 {
            var k = 0.0
            var p = exp(-mean)
            var cumulative = p
            let u = rng.nextUnit()
            while u > cumulative && p > 0 {
                k += 1
                p *= mean / k
                cumulative += p
            }
            return k
        }
        let slam = sqrt(mean)
        let loglam = log(mean)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = rng.nextUnit() - 0.5
            let v = rng.nextUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -mean + k * loglam - lgamma(k + 1) {
                return k
            }
        }
    }
}
