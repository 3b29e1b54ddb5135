import Foundation
import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct JSONKeyOrderTests {
    @Test("The keys of a nested object come back in written order, past strings, arrays and objects that look like keys.")
    func writtenOrder() {
        let text = #"""
            {"a": "}{\"sweep\": 1", "list": [{"sweep": {"x": 1}}, "]"],
             "sweep": {"z.y": [1, {"k": 2}], "b\u00e9": "x,y", "a": {"q": [3]}, "m": true}}
            """#
        #expect(JSONKeyOrder.keys(at: ["sweep"], in: Data(text.utf8)) == ["z.y", "bé", "a", "m"])
        #expect(JSONKeyOrder.keys(at: [], in: Data(text.utf8)) == ["a", "list", "sweep"])
    }

    @Test("A path that does not lead to an object gives nil; an empty object gives no keys.")
    func missing() {
        #expect(JSONKeyOrder.keys(at: ["sweep"], in: Data(#"{"a": 1}"#.utf8)) == nil)
        #expect(JSONKeyOrder.keys(at: ["a"], in: Data(#"{"a": 1}"#.utf8)) == nil)
        #expect(JSONKeyOrder.keys(at: ["a"], in: Data(#"{"a": { }}"#.utf8)) == [])
    }
}
