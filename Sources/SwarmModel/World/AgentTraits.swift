import Foundation
import SwarmKernel

/// One agent's traits, drawn from its role's profile (F11).
struct AgentTraits {
    var competence: Double
    var speed: Double
    var riskAversion: Double
    var earlyStopPerHour: Double
    var holdInflation: Double
    var forgetReleaseProbability: Double
    var crashWhileHoldingProbability: Double
    var unlockedWriteProbability: Double
    var specificationQuality: Double
    /// Dollars per active hour, from the profile's token rates and prices.
    var usdPerHour: Double
    var inputTokensPerHour: Double
    var outputTokensPerHour: Double

    /// Draws agent `index`'s traits from stream ("agent.traits", index), always in the same order,
    /// so an agent with the same profile has the same traits in every topology and at every size.
    init(profile: ProfileConfig, index: Int, streams: RandomStreams) {
        var rng = streams.stream("agent.traits", index: index)
        competence = profile.competence.sample(&rng)
        speed = profile.speed.sample(&rng)
        riskAversion = profile.riskAversion.sample(&rng)
        earlyStopPerHour = profile.earlyStopPerHour.sample(&rng)
        holdInflation = profile.holdInflation.sample(&rng)
        forgetReleaseProbability = profile.forgetReleaseProbability.sample(&rng)
        crashWhileHoldingProbability = profile.crashWhileHoldingProbability.sample(&rng)
        unlockedWriteProbability = profile.unlockedWriteProbability.sample(&rng)
        // Drawn last, so that adding it left every other trait as it was.
        specificationQuality = profile.specificationQuality.sample(&rng)
        inputTokensPerHour = profile.inputTokensPerHour
        outputTokensPerHour = profile.outputTokensPerHour
        usdPerHour = (profile.inputTokensPerHour * profile.usdPerMillionInputTokens
            + profile.outputTokensPerHour * profile.usdPerMillionOutputTokens) / 1_000_000
    }

    /// P(an attempt at difficulty d is correct) = logistic(gain * (theta - d)), item response theory.
    func successProbability(difficulty: Double, gain: Double) -> Double {
        1 / (1 + exp(-gain * (competence - difficulty)))
    }
}
