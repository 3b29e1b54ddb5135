import Testing
@testable import SwarmAnalysis

/// Charts of values a results file can hold once edited by hand: finite, but near the largest double.
@Suite struct SVGChartTests {
    @Test("Axes over values near the largest double keep finite ranges and ticks instead of trapping on an overflowed span.")
    func extremeAxes() {
        let largest = Double.greatestFiniteMagnitude
        for values in [[-largest, largest], [0, largest], [1e300, 1e300], [-1.7e308]] {
            let axis = SVGChart.Axis.numeric("x", covering: values, fromZero: true)
            #expect(axis.range.lowerBound.isFinite && axis.range.upperBound.isFinite && axis.range.upperBound > axis.range.lowerBound, "\(values)")
            #expect(axis.ticks.allSatisfy(\.value.isFinite) && values.allSatisfy { axis.fraction($0).isFinite }, "\(values)")
        }
        let logarithmic = SVGChart.Axis.numeric("x", covering: [largest], scale: .logarithmic)
        #expect(logarithmic.range.upperBound.isFinite && logarithmic.ticks.allSatisfy(\.value.isFinite))
        #expect(HTMLReport.mean([largest, largest, nil]) == largest)
    }
}
