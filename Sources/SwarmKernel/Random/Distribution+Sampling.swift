import Foundation

extension Distribution {
    /// One draw from the distribution, consuming random numbers from `rng` only.
    /// - Complexity: O(1) expected.
    @inlinable @inline(__always)
    public func sample(_ rng: inout Xoshiro256StarStar) -> Double {
        // Exponential draws are by far the most common (every Poisson process), so they skip the
        // dispatch over all families and inline at the call site.
        if case .exponential(let mean) = family {
            return mean * Distribution.standardExponential(&rng)
        }
        return sampleByFamily(&rng)
    }

    /// `sample` for every family (exponential included), with the constants `sampler` holds.
    @usableFromInline
    func sampleByFamily(_ rng: inout Xoshiro256StarStar) -> Double {
        switch sampler {
        case .constant(let value):
            return value
        case .uniform(let low, let width):
            return low + width * rng.nextUnit()
        case .exponential(let mean):
            return mean * Distribution.standardExponential(&rng)
        case .normal(let mean, let sd, let low, let high):
            return Distribution.truncatedNormal(mean: mean, sd: sd, low: low, high: high, &rng)
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Distribution.standardNormal(&rng))
        case .gamma(let gamma, let scale):
            return scale * gamma.sample(&rng)
        case .beta(let a, let b):
            // In logs, so that shapes far below 1 (whose gamma draws underflow to 0) stay finite.
            let logX = a.logSample(&rng)
            let logY = b.logSample(&rng)
            return 1 / (1 + exp(logY - logX))
        case .bernoulli(let p):
            return rng.nextUnit() < p ? 1 : 0
        case .poissonBySearch(let poisson):
            return poisson.sample(&rng)
        case .poissonByRejection(let poisson):
            return poisson.sample(&rng)
        case .zipf(let table):
            return Double(table.index(&rng) + 1)
        case .choice(let values, let table):
            return values[table.index(&rng)]
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

    /// A standard normal draw by the ziggurat method (Marsaglia and Tsang, 2000; tables in
    /// NormalZiggurat.swift), like `standardExponential` for the magnitude: bits 3...10 pick one of
    /// 256 equal-area layers, bit 11 the sign and the top 52 bits a point across the layer, and about
    /// 99% of draws are accepted at once, with no logarithm, cosine or square root. The rest go to
    /// `standardNormalSlowPath`. Each draw starts from fresh bits, so its value never depends on an
    /// earlier draw.
    @inlinable @inline(__always)
    package static func standardNormal(_ rng: inout Xoshiro256StarStar) -> Double {
        let bits = rng.next()
        let layer = Int(truncatingIfNeeded: (bits >> 3) & 0xFF)
        let negative = bits & 0x800 != 0
        let position = bits >> 12
        return normalZigguratLayers.withUnsafeBufferPointer { layers in
            if position < layers[2 &* layer &+ 1] {
                let x = Double(Int64(bitPattern: position)) * Double(bitPattern: layers[2 &* layer])
                return negative ? -x : x
            }
            return standardNormalSlowPath(layer: layer, negative: negative, position: position, &rng)
        }
    }

    /// The rare steps of `standardNormal`: the wedge test between a layer's rectangle and the curve,
    /// the tail beyond r (Marsaglia's 1964 method, on exponential draws), and fresh draws after a
    /// rejection.
    @usableFromInline
    @inline(never)
    static func standardNormalSlowPath(layer: Int, negative: Bool, position: UInt64, _ rng: inout Xoshiro256StarStar) -> Double {
        var layer = layer
        var negative = negative
        var position = position
        while true {
            let width = Double(bitPattern: normalZigguratLayers[2 * layer])
            let x = Double(Int64(bitPattern: position)) * width
            if position < normalZigguratLayers[2 * layer + 1] { return negative ? -x : x }
            if layer == 0 {
                // Beyond r the density is proportional to exp(-x^2 / 2): r + E1 / r, accepted when
                // 2 E2 > (E1 / r)^2, for independent standard exponentials E1 and E2.
                while true {
                    let excess = standardExponential(&rng) / normalZigguratR
                    if 2 * standardExponential(&rng) > excess * excess {
                        return negative ? -(normalZigguratR + excess) : normalZigguratR + excess
                    }
                }
            }
            let low = normalZigguratDensities[layer]
            let high = normalZigguratDensities[layer - 1]
            if low + rng.nextUnit() * (high - low) < exp(-0.5 * x * x) { return negative ? -x : x }
            let bits = rng.next()
            layer = Int(truncatingIfNeeded: (bits >> 3) & 0xFF)
            negative = bits & 0x800 != 0
            position = bits >> 12
        }
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
}
