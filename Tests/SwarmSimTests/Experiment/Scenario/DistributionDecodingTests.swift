import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

/// The path every decoding test places its distribution at.
private let fieldPath = ConfigPath(["task", "size"])

/// The outcome of decoding one JSON text as a distribution at `task.size`.
private struct Decoded {
    let distribution: Distribution?
    let problems: [ConfigProblem]

    var descriptions: [String] { problems.map(\.description) }
}

private func decode(_ text: String, allowed: ClosedRange<Double> = -Double.infinity...Double.infinity) throws -> Decoded {
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    let log = ProblemLog()
    let distribution = Distribution.decode(value, at: fieldPath, log: log, allowed: allowed)
    return Decoded(distribution: distribution, problems: log.problems)
}

private let knownFamilies = "constant, uniform, exponential, normal, lognormal, gamma, beta, bernoulli, poisson, zipf, choice"

@Suite struct DistributionDecodingTests {
    @Test("A bare number decodes as a constant.")
    func bareNumberIsConstant() throws {
        let decoded = try decode("2.5")
        #expect(decoded.problems.isEmpty)
        #expect(decoded.distribution?.family == .constant(2.5))
    }

    @Test("Each family decodes from its object form with the parameters it states.",
          arguments: [
              (#"{"constant": 4}"#, Distribution.Family.constant(4)),
              (#"{"constant": {"value": -1.5}}"#, .constant(-1.5)),
              (#"{"uniform": {"min": -2, "max": 3}}"#, .uniform(min: -2, max: 3)),
              (#"{"exponential": {"mean": 2.5}}"#, .exponential(mean: 2.5)),
              (#"{"normal": {"mean": 10, "sd": 2}}"#, .normal(mean: 10, sd: 2, min: nil, max: nil)),
              (#"{"normal": {"mean": 5, "sd": 2, "min": 4}}"#, .normal(mean: 5, sd: 2, min: 4, max: nil)),
              (#"{"normal": {"mean": 5, "sd": 2, "max": 4}}"#, .normal(mean: 5, sd: 2, min: nil, max: 4)),
              (#"{"normal": {"mean": 1, "sd": 1.5, "min": -1, "max": 2}}"#, .normal(mean: 1, sd: 1.5, min: -1, max: 2)),
              (#"{"lognormal": {"mean": 2, "sd": 1}}"#, .lognormal(mean: 2, sd: 1)),
              (#"{"lognormal": {"mean": 2, "sd": 0}}"#, .lognormal(mean: 2, sd: 0)),
              (#"{"gamma": {"shape": 0.5, "scale": 2}}"#, .gamma(shape: 0.5, scale: 2)),
              (#"{"beta": {"a": 2, "b": 5}}"#, .beta(a: 2, b: 5)),
              (#"{"bernoulli": {"p": 0.3}}"#, .bernoulli(p: 0.3)),
              (#"{"bernoulli": {"p": 1}}"#, .bernoulli(p: 1)),
              (#"{"poisson": {"mean": 0}}"#, .poisson(mean: 0)),
              (#"{"poisson": {"mean": 50}}"#, .poisson(mean: 50)),
              (#"{"zipf": {"n": 10, "s": 1.2}}"#, .zipf(n: 10, s: 1.2)),
              (#"{"choice": {"values": [2, 5, 7], "weights": [1, 0, 3]}}"#, .choice(values: [2, 5, 7], weights: [1, 0, 3])),
              (#"{"choice": {"values": [2, 5, 7]}}"#, .choice(values: [2, 5, 7], weights: [1, 1, 1])),
          ])
    func familyDecodes(_ text: String, _ expected: Distribution.Family) throws {
        let decoded = try decode(text)
        #expect(decoded.descriptions == [])
        #expect(decoded.distribution?.family == expected)
    }

    @Test("Invalid parameters are refused with a problem at the offending field's path.",
          arguments: [
              (#"{"normal": {"mean": 1, "sd": -1}}"#, "task.size.normal.sd"),
              (#"{"normal": {"mean": 1, "sd": 0}}"#, "task.size.normal.sd"),
              (#"{"lognormal": {"mean": 1, "sd": -0.5}}"#, "task.size.lognormal.sd"),
              (#"{"lognormal": {"mean": 0, "sd": 1}}"#, "task.size.lognormal.mean"),
              (#"{"beta": {"a": 0, "b": 2}}"#, "task.size.beta.a"),
              (#"{"beta": {"a": 1, "b": -2}}"#, "task.size.beta.b"),
              (#"{"gamma": {"shape": 0, "scale": 1}}"#, "task.size.gamma.shape"),
              (#"{"exponential": {"mean": 0}}"#, "task.size.exponential.mean"),
              (#"{"bernoulli": {"p": 1.5}}"#, "task.size.bernoulli.p"),
              (#"{"poisson": {"mean": -1}}"#, "task.size.poisson.mean"),
              (#"{"zipf": {"n": 0, "s": 1}}"#, "task.size.zipf.n"),
              (#"{"zipf": {"n": 10, "s": -1}}"#, "task.size.zipf.s"),
              (#"{"uniform": {"min": 3, "max": 1}}"#, "task.size.uniform.max"),
              (#"{"normal": {"mean": 0, "sd": 1, "min": 2, "max": 2}}"#, "task.size.normal.max"),
              (#"{"choice": {"values": [1, 2], "weights": [0, 0]}}"#, "task.size.choice.weights"),
              (#"{"choice": {"values": []}}"#, "task.size.choice.values"),
              (#"{"choice": {"values": [1, "x"]}}"#, "task.size.choice.values[1]"),
              (#"{"choice": {"values": [1, 2], "weights": [1, -1]}}"#, "task.size.choice.weights[1]"),
              (#"{"normal": 3}"#, "task.size.normal"),
              (#"{}"#, "task.size"),
              (#""two""#, "task.size"),
          ])
    func invalidParameterRefused(_ text: String, _ path: String) throws {
        let decoded = try decode(text)
        #expect(decoded.distribution == nil)
        #expect(decoded.problems.contains { $0.path.description == path }, "problems: \(decoded.descriptions)")
    }

    @Test("A negative sd is refused with the pinned wording.")
    func negativeSdWording() throws {
        let decoded = try decode(#"{"normal": {"mean": 1, "sd": -1}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.normal.sd: must be greater than 0 and at most 1e15 (found -1)"])
    }

    @Test("A beta shape of 0 is refused with the pinned wording.")
    func zeroBetaShapeWording() throws {
        let decoded = try decode(#"{"beta": {"a": 0, "b": 2}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.beta.a: must be between 0.001 and 1e15 (found 0)"])
    }

    @Test("An unknown family is refused, suggesting the family it most resembles.")
    func unknownFamilyDidYouMean() throws {
        let decoded = try decode(#"{"exponentail": {"mean": 2}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == [
            "task.size.exponentail: unknown distribution family; did you mean \"exponential\"? (known: \(knownFamilies))",
        ])
    }

    @Test("An unknown family resembling none is refused with the list of known families only.")
    func unknownFamilyNoSuggestion() throws {
        let decoded = try decode(#"{"weibull": {"shape": 2}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.weibull: unknown distribution family (known: \(knownFamilies))"])
    }

    @Test("A misspelt parameter is refused as an unknown key, suggesting the parameter it resembles.")
    func extraKeyDidYouMean() throws {
        let decoded = try decode(#"{"exponential": {"mean": 2, "maen": 3}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.exponential.maen: unknown key; did you mean \"mean\"?"])
    }

    @Test("An extra parameter resembling none is refused as an unknown key, listing the known keys.")
    func extraKeyListsKnownKeys() throws {
        let decoded = try decode(#"{"exponential": {"mean": 2, "rate": 0.5}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.exponential.rate: unknown key (known keys: mean)"])
    }

    @Test("A missing required parameter is refused as required.")
    func missingParameter() throws {
        let decoded = try decode(#"{"gamma": {"shape": 2}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.gamma.scale: is required"])
    }

    @Test("A uniform whose max is not above its min is refused at max.")
    func uniformMaxNotAboveMin() throws {
        let decoded = try decode(#"{"uniform": {"min": 3, "max": 3}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.uniform.max: must be greater than min (3) (found 3)"])
    }

    @Test("A Zipf n that is not a whole number is refused.")
    func zipfNonIntegerN() throws {
        let decoded = try decode(#"{"zipf": {"n": 2.5, "s": 1}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.zipf.n: must be a whole number, at least 1 and at most 1000000 (found 2.5)"])
    }

    @Test("A choice with a different number of weights than values is refused at weights.")
    func choiceWeightCountMismatch() throws {
        let decoded = try decode(#"{"choice": {"values": [1, 2, 3], "weights": [1, 2]}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.choice.weights: must have one weight per value (3) (found 2)"])
    }

    @Test("An object naming two families is refused at the field itself.")
    func twoFamilyKeys() throws {
        let decoded = try decode(#"{"normal": {"mean": 1, "sd": 1}, "uniform": {"min": 0, "max": 1}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == [
            "task.size: must be a number or an object with one key naming the family (\(knownFamilies)) (found an object with normal, uniform)",
        ])
    }

    @Test("A parameter of the wrong JSON type is refused as not a number.")
    func wrongParameterType() throws {
        let decoded = try decode(#"{"exponential": {"mean": "two"}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions == ["task.size.exponential.mean: must be a number (found \"two\")"])
    }

    @Test("A normal whose min and max keep less than 1% of its mass is refused; one keeping just over 1% is accepted.")
    func narrowTruncationWindow() throws {
        // 1 - Phi(3) = 0.13% of the mass.
        let narrow = try decode(#"{"normal": {"mean": 0, "sd": 1, "min": 3}}"#)
        #expect(narrow.distribution == nil)
        #expect(narrow.descriptions == [
            "task.size.normal: min and max keep less than 1% of this normal's mass; move them nearer the mean",
        ])
        // 1 - Phi(2.35) = 0.94%; 1 - Phi(2.3) = 1.07%.
        #expect(try decode(#"{"normal": {"mean": 0, "sd": 1, "min": 2.35}}"#).distribution == nil)
        #expect(try decode(#"{"normal": {"mean": 0, "sd": 1, "min": 2.3}}"#).distribution != nil)
        // Phi(0.5) - Phi(0.48) = 0.73%: a narrow two-sided window near the mean is refused too.
        #expect(try decode(#"{"normal": {"mean": 0, "sd": 1, "min": 0.48, "max": 0.5}}"#).distribution == nil)
    }

    @Test("A non-negative field refuses an untruncated normal but accepts a normal truncated at min 0.")
    func allowedRangeRefusesUnboundedNormal() throws {
        let nonNegative = 0...Double.infinity
        let unbounded = try decode(#"{"normal": {"mean": 5, "sd": 1}}"#, allowed: nonNegative)
        #expect(unbounded.distribution == nil)
        #expect(unbounded.descriptions == [
            "task.size: can draw values outside [0, inf), the range this field allows; its draws lie in (-inf, inf) (found an object with normal)",
        ])
        let truncated = try decode(#"{"normal": {"mean": 5, "sd": 1, "min": 0}}"#, allowed: nonNegative)
        #expect(truncated.descriptions == [])
        #expect(truncated.distribution?.family == .normal(mean: 5, sd: 1, min: 0, max: nil))
    }

    @Test("An allowed range refuses any family whose support leaves it and accepts those whose support fits.")
    func allowedRangeOtherFamilies() throws {
        let unit = 0.0...1.0
        #expect(try decode(#"{"beta": {"a": 2, "b": 2}}"#, allowed: unit).distribution != nil)
        #expect(try decode(#"{"bernoulli": {"p": 0.5}}"#, allowed: unit).distribution != nil)
        #expect(try decode(#"{"uniform": {"min": 0, "max": 1}}"#, allowed: unit).distribution != nil)
        #expect(try decode("1", allowed: unit).distribution != nil)
        #expect(try decode("1.5", allowed: unit).distribution == nil)
        #expect(try decode(#"{"uniform": {"min": -0.1, "max": 1}}"#, allowed: unit).distribution == nil)
        #expect(try decode(#"{"exponential": {"mean": 0.1}}"#, allowed: unit).distribution == nil)
        #expect(try decode(#"{"choice": {"values": [0, 1, 2], "weights": [1, 1, 0]}}"#, allowed: unit).distribution == nil)
        #expect(try decode(#"{"zipf": {"n": 3, "s": 1}}"#, allowed: 1...3).distribution != nil)
    }

    @Test("Several problems in one distribution are all reported in one pass.")
    func allProblemsReported() throws {
        let decoded = try decode(#"{"gamma": {"shape": -1, "scale": "big", "sahpe": 2}}"#)
        #expect(decoded.distribution == nil)
        #expect(Set(decoded.problems.map(\.path.description))
                == ["task.size.gamma.shape", "task.size.gamma.scale", "task.size.gamma.sahpe"])
    }

    @Test("A required parameter given as null is refused rather than read as a number.")
    func nullRequiredParameterRefused() throws {
        for text in [#"{"exponential": {"mean": null}}"#, #"{"normal": {"mean": 0, "sd": null}}"#,
                     #"{"choice": {"values": null}}"#] {
            let decoded = try decode(text)
            #expect(decoded.distribution == nil, "\(text) decoded to \(String(describing: decoded.distribution?.family))")
        }
    }

    @Test("A choice missing its values reports only that values is required.")
    func choiceMissingValuesReportsOnce() throws {
        let decoded = try decode(#"{"choice": {"weights": [1, 2]}}"#)
        #expect(decoded.distribution == nil)
        #expect(decoded.descriptions.contains("task.size.choice.values: is required"))
        #expect(decoded.descriptions == ["task.size.choice.values: is required"])
    }
}
