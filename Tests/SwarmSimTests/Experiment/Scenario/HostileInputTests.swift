import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment

private typealias F = ScenarioFixtures

/// The inputs of a reliability campaign (issue 11) that validation once accepted and the engine then
/// trapped on, hung on or silently garbled: each is now refused, naming the field, what was found
/// and what is allowed.
@Suite struct HostileInputTests {
    /// The problems of the scenario file `text` (written as JSON by hand, so that it can repeat a key).
    private func problems(_ text: String) -> String {
        F.problems(text).joined(separator: "\n")
    }

    @Test("Values that trapped the engine (an Int overflow, a non-finite event time) are refused with the field and its bounds.",
          arguments: [
              (#"{"name":"c1","tasks":{"extra_files":{"uniform":{"min":0,"max":1e19}}}}"#,
               "tasks.extra_files.uniform.max: must be between -1e15 and 1e15 (found 1e+19)"),
              (#"{"name":"c2","topology":{"kind":"flat-lock"},"board":{"hours_per_entry":1e308}}"#,
               "board.hours_per_entry: must be between 0 and 1000000 (found 1e+308)"),
              (#"{"name":"c3","tasks":{"effort_hours":{"constant":1e300}}}"#,
               "tasks.effort_hours.constant: must be between -1e15 and 1e15 (found 1e+300)"),
          ])
    func trapsAreRefused(text: String, message: String) {
        #expect(problems(text).contains(message), "\(problems(text))")
    }

    @Test("Intervals that made a run hang (events repeating at one instant, a run of 1e308 hours) are refused.",
          arguments: [
              (#"{"name":"h1","topology":{"judge":{"cycle_hours":5e-324}}}"#,
               "topology.judge.cycle_hours: must be between 1e-06 and 1000000 (found 5e-324)"),
              (#"{"name":"h2","locks":{"acquisition":"polling","poll_interval_hours":5e-324}}"#,
               "locks.poll_interval_hours: must be between 1e-06 and 1000000 (found 5e-324)"),
              (#"{"name":"h3","duration_hours":1e308,"sample_every_hours":1e300}"#,
               "duration_hours: must be between 1e-06 and 1000000 (found 1e+308)"),
          ])
    func hangsAreRefused(text: String, message: String) {
        #expect(problems(text).contains(message), "\(problems(text))")
    }

    @Test("Distributions that drew NaN or overflowed, and costs that overflowed, are refused.",
          arguments: [
              (#"{"name":"n1","tasks":{"effort_hours":{"lognormal":{"mean":1,"sd":1e308}}}}"#,
               "tasks.effort_hours.lognormal.sd: must be between 0 and 1e15 (found 1e+308)"),
              (#"{"name":"n2","tasks":{"difficulty":{"beta":{"a":5e-324,"b":0.5}}}}"#,
               "tasks.difficulty.beta.a: must be between 0.001 and 1e15 (found 5e-324)"),
              (#"{"name":"n3","tasks":{"extra_files":{"choice":{"values":[1,2],"weights":[1e308,1]}}}}"#,
               "tasks.extra_files.choice.weights[0]: must be between 0 and 1e15 (found 1e+308)"),
              (#"{"name":"n4","profiles":{"default":{"usd_per_million_input_tokens":1e308}}}"#,
               "profiles.default.usd_per_million_input_tokens: must be between 0 and 1000000 (found 1e+308)"),
          ])
    func nonFiniteDrawsAreRefused(text: String, message: String) {
        #expect(problems(text).contains(message), "\(problems(text))")
        #expect(!problems(text).contains("must not all be 0"), "a refused weight is not also counted as 0")
    }

    @Test("A key written twice is refused with its path and both places, inside a distribution too.")
    func duplicateKeysNameBothPlaces() {
        #expect(problems(#"{"name":"d1","name":"d2"}"#)
            == "test.json: not valid JSON: line 1, column 14: name is written twice in one object (first at line 1, column 2); give it once")
        #expect(problems("{\"name\":\"d\",\n \"tasks\": {\"difficulty\": {\"beta\": {\"a\": 1,\n \"a\": 2, \"b\": 1}}}}")
            == "test.json: not valid JSON: line 3, column 2: tasks.difficulty.beta.a is written twice in one object (first at line 2, column 36); give it once")
        #expect(problems(#"{"name":"d","variants":[{"label":"x"},{"label":"y","label":"z"}]}"#)
            .contains("variants[1].label is written twice"))
    }

    @Test("A number beyond a double, or a whole number a double cannot hold exactly, is refused with its path; 2^53 itself is read.")
    func numbersOutOfRange() throws {
        #expect(problems(#"{"name":"s","seed":1e400}"#)
            == "test.json: not valid JSON: line 1, column 20: seed: the number 1e400 is out of range (a number's magnitude must be below about 1.8e308); give a number the field allows")
        #expect(problems(#"{"name":"s","seed":9007199254740993}"#)
            == "test.json: not valid JSON: line 1, column 20: seed: the whole number 9007199254740993 is above 2^53 (9007199254740992), so it cannot be read exactly; give a smaller one")
        #expect(try F.decode(#"{"name":"s","seed":9007199254740992}"#).seed == 9_007_199_254_740_992)
        #expect(problems(#"{"name":"s","seed":-1e400}"#).contains("seed: the number -1e400 is out of range"))
    }

    @Test("Text that is not JSON never traps the strict check, whatever its brackets.",
          arguments: ["}", "]]]", "{\"a\":", "[1,", "\"", "{\"a\"", "-", "1e", "{]"])
    func brokenTextIsReported(text: String) {
        #expect(problems(text).hasPrefix("test.json: not valid JSON: "), "\(problems(text))")
    }

    @Test("Sweeping a whole section is refused (it would write a second column named after the section).")
    func wholeSectionSweepIsRefused() {
        #expect(F.problems(F.text(["sweep": ["agents": [["count": 1]]]]))
            == ["test.json: sweep.agents: sweeps the whole section agents; sweep its parameters one by one, e.g. agents.count"])
        #expect(F.problems(F.text(["sweep": ["locks": [["lease_hours": 1]]]]))
            == ["test.json: sweep.locks: sweeps the whole section locks; sweep its parameters one by one, e.g. locks.<parameter>"])
    }

    @Test("A sweep axis of a million values is refused in well under a second, before its values are checked.")
    func hugeAxisIsRefusedFast() {
        let values = (0..<1_000_000).map(String.init).joined(separator: ",")
        let text = #"{"name":"big","sweep":{"agents.count":["# + values + "]}}"
        let start = ContinuousClock.now
        let found = F.problems(text)
        let elapsed = ContinuousClock.now - start
        #expect(found == ["test.json: sweep.agents.count: has more values than a plan may have cells (100000); split the scenario (found more than 100000 values)"])
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }

    @Test("Repeats in an axis of 100,000 values are found in linear time, each at its index.")
    func repeatsInALongAxis() {
        var values = (0..<100_000).map { Double($0) }
        values[99_999] = 5
        let text = #"{"name":"big","sweep":{"codebase.hotspot_skew":["# + values.map { String($0) }.joined(separator: ",") + "]}}"
        let start = ContinuousClock.now
        let found = F.problems(text)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(found.contains("test.json: sweep.codebase.hotspot_skew[99999]: repeats an earlier value (found 5)"), "\(found.prefix(3))")
    }

    @Test("max_events_per_run is read when given, refused below 1000, and left out of the resolved scenario when not given.")
    func eventBudgetField() throws {
        #expect(try F.decode(F.text(["max_events_per_run": 5000])).maxEventsPerRun == 5000)
        #expect(try F.decode(F.text()).maxEventsPerRun == nil)
        #expect(F.problems(F.text(["max_events_per_run": 10]))
            == ["test.json: max_events_per_run: must be a whole number, at least 1000 (found 10)"])
    }
}
