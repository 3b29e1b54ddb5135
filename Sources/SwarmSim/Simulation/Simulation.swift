/// Runs one RunSpec to completion and returns what it measured.
public enum Simulation {
    /// Simulates `spec`. Pure: the result depends on `spec` alone.
    public static func run(_ spec: RunSpec) -> RunResult {
        // Placeholder until the coordination model lands: zero metrics, one sample per interval.
        let sampleCount = Int((spec.durationHours / spec.sampleEveryHours).rounded(.down))
        return RunResult(
            summary: RunResult.summaryColumns.map { _ in 0 },
            samples: (0..<sampleCount).map { index in
                [Double(index + 1) * spec.sampleEveryHours] + RunResult.sampleColumns.dropFirst().map { _ in 0 }
            })
    }
}
