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

    @Test("Thirty-two series each get their own colour and dash pattern, in the lines and in the legend.")
    func seriesStylesStayDistinct() {
        let styles = (0..<32).map { "\(Palette.colour($0)) \(Palette.dash($0) ?? "solid")" }
        #expect(Set(styles).count == 32)
        #expect((0..<8).allSatisfy { Palette.dash($0) == nil })
        var chart = SVGChart(title: "t", x: .numeric("x", covering: [0, 1], fromZero: true), y: .numeric("y", covering: [0, 1], fromZero: true))
        for index in 8..<10 {
            chart.line([(0, 0), (1, 1)], colour: Palette.colour(index), dash: Palette.dash(index))
            chart.key("series \(index)", colour: Palette.colour(index), dash: Palette.dash(index))
        }
        // Each dashed series draws its pattern twice: its line and its legend swatch.
        #expect(chart.svg.components(separatedBy: "stroke-dasharray=\"\(Palette.dash(8)!)\"").count - 1 == 4)
    }
}
