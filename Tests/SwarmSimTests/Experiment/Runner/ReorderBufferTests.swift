import Testing
@testable import SwarmKernel
@testable import SwarmModel
@testable import SwarmExperiment
@testable import SwarmAnalysis

@Suite struct ReorderBufferTests {
    @Test("Items that go in in any order come out in sequence order, each as soon as its predecessors are out.",
          arguments: 0..<50)
    func restoresOrder(seed: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed)
        let arrival = (0..<40).shuffled(using: &rng)
        var buffer = ReorderBuffer<Int>()
        var out: [Int] = []
        for (step, sequence) in arrival.enumerated() {
            buffer.insert(sequence * 10, at: sequence)
            while let item = buffer.popNext() { out.append(item) }
            let arrived = Set(arrival[...step])
            let expected = (0...40).first { !arrived.contains($0) }!
            #expect(buffer.delivered == expected, "seed \(seed)")
        }
        #expect(out == (0..<40).map { $0 * 10 })
    }
}
