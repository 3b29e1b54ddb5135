import Foundation
import SwarmExperiment

/// A small SVG plot: two axes with ticks, grid and titles, and marks (lines, bands, dots, bars)
/// placed in data coordinates, with a legend below. Every report chart is one of these, so axes,
/// fonts and number formatting look the same everywhere; coordinates are printed with one decimal
/// so the same data always gives the same bytes.
struct SVGChart {
    enum Scale {
        case linear
        /// Base 10: agent counts from 1 to 1000 spread evenly.
        case logarithmic
    }

    /// One axis: its title (with unit), extent, scale and labelled ticks.
    struct Axis {
        let title: String
        let range: ClosedRange<Double>
        let scale: Scale
        let ticks: [(value: Double, label: String)]

        /// An axis over `values`, widened to whole tick steps (and to zero when `fromZero`, so bar
        /// lengths and shares compare honestly). Values near the largest double (a results file
        /// edited by hand), where widening or the span would overflow, get an axis of their extent
        /// with a tick at each end instead: a chart of such values says little, but must not trap.
        static func numeric(_ title: String, covering values: [Double], scale: Scale = .linear, fromZero: Bool = false) -> Axis {
            let finite = values.filter(\.isFinite) + (fromZero ? [0] : [])
            var low = finite.min() ?? 0
            var high = finite.max() ?? 1
            switch scale {
            case .logarithmic:
                low = max(low, 1e-9)
                if high <= low { high = min(low * 10, .greatestFiniteMagnitude) }
                let ticks = logarithmicTicks(low...high)
                return Axis(title: title, range: low...high, scale: scale, ticks: ticks.map { ($0, readableNumber($0)) })
            case .linear:
                if high <= low { high = low + 1 }
                let step = niceStep((high - low) / 5)
                let (wideLow, wideHigh) = ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step)
                guard let count = Int(exactly: ((wideHigh - wideLow) / step).rounded()), count <= 100, wideHigh > wideLow else {
                    return Axis(title: title, range: low...max(high, low.nextUp), scale: scale,
                                ticks: [low, high].map { ($0, readableNumber($0)) })
                }
                let ticks = (0...count).map { wideLow + Double($0) * step }
                return Axis(title: title, range: wideLow...wideHigh, scale: scale, ticks: ticks.map { ($0, readableNumber($0)) })
            }
        }

        /// An axis of named slots, slot i spanning [i, i + 1] with its name at the middle: for bars.
        static func categories(_ title: String, _ names: [String]) -> Axis {
            Axis(title: title, range: 0...Double(max(names.count, 1)), scale: .linear,
                 ticks: names.enumerated().map { (Double($0.offset) + 0.5, $0.element) })
        }

        /// The position of `value` along the axis, from 0 (range start) to 1 (range end).
        func fraction(_ value: Double) -> Double {
            switch scale {
            // Halving is exact, and keeps the span of an axis near the largest double finite.
            case .linear where !(range.upperBound - range.lowerBound).isFinite:
                (value / 2 - range.lowerBound / 2) / (range.upperBound / 2 - range.lowerBound / 2)
            case .linear: (value - range.lowerBound) / (range.upperBound - range.lowerBound)
            // Values at or below the axis's start (a band reaching 0) are drawn at the start.
            case .logarithmic: log10(max(value, range.lowerBound) / range.lowerBound) / log10(range.upperBound / range.lowerBound)
            }
        }

        /// 1, 2 or 5 times a power of ten, the first at least `raw`: steps a reader adds up easily.
        private static func niceStep(_ raw: Double) -> Double {
            let power = pow(10, (log10(raw)).rounded(.down))
            return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw * (1 - 1e-9) }!
        }

        /// 1, 2 and 5 times each power of ten inside `range`, or only the powers when that gives enough.
        private static func logarithmicTicks(_ range: ClosedRange<Double>) -> [Double] {
            let first = Int(log10(range.lowerBound).rounded(.down))
            let last = Int(log10(range.upperBound).rounded(.up))
            let decades = (first...last).map { pow(10, Double($0)) }
            let inside = { (value: Double) in value.isFinite && value >= range.lowerBound * (1 - 1e-9) && value <= range.upperBound * (1 + 1e-9) }
            let powers = decades.filter(inside)
            return powers.count >= 4 ? powers : decades.flatMap { [$0, 2 * $0, 5 * $0] }.filter(inside)
        }
    }

    let title: String
    let x: Axis
    let y: Axis
    private let width = 720.0
    private let plotHeight = 300.0
    private let top = 16.0
    private let right = 24.0
    /// Room for the y tick labels: wide enough for the longest (category names can be long).
    private let left: Double
    private var marks: [String] = []
    private var legend: [(label: String, colour: String, dash: String?)] = []

    init(title: String, x: Axis, y: Axis) {
        self.title = title
        self.x = x
        self.y = y
        left = max(64, 7 * Double(y.ticks.map(\.label.count).max() ?? 0) + 28)
    }

    private var plotWidth: Double { width - left - right }

    private func px(_ value: Double) -> Double { left + x.fraction(value) * plotWidth }
    private func py(_ value: Double) -> Double { top + (1 - y.fraction(value)) * plotHeight }

    /// A polyline through `points` in data coordinates, solid or with the SVG dash pattern `dash`.
    mutating func line(_ points: [(x: Double, y: Double)], colour: String, dash: String? = nil) {
        guard points.count > 1 else { return }
        let pattern = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        marks.append("<path d=\"\(path(points))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(pattern)/>")
    }

    /// A shaded band between `low` and `high` (a confidence interval along x).
    mutating func band(_ points: [(x: Double, low: Double, high: Double)], colour: String) {
        guard points.count > 1 else { return }
        let outline = points.map { ($0.x, $0.high) } + points.reversed().map { ($0.x, $0.low) }
        marks.append("<path d=\"\(path(outline))Z\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>")
    }

    /// A dot at each point, with its value as a tooltip.
    mutating func dots(_ points: [(x: Double, y: Double)], colour: String) {
        for point in points {
            marks.append("<circle cx=\"\(coordinate(px(point.x)))\" cy=\"\(coordinate(py(point.y)))\" r=\"3.5\" fill=\"\(colour)\">"
                + "<title>\(readableNumber(point.x)): \(readableNumber(point.y))</title></circle>")
        }
    }

    /// A rectangle spanning `xs` by `ys` in data coordinates (a bar or a bar's segment).
    mutating func rectangle(x xs: ClosedRange<Double>, y ys: ClosedRange<Double>, colour: String, tooltip: String) {
        let (x0, x1) = (px(xs.lowerBound), px(xs.upperBound))
        let (y0, y1) = (py(ys.upperBound), py(ys.lowerBound))
        marks.append("<rect x=\"\(coordinate(min(x0, x1)))\" y=\"\(coordinate(min(y0, y1)))\" width=\"\(coordinate(abs(x1 - x0)))\" "
            + "height=\"\(coordinate(abs(y1 - y0)))\" fill=\"\(colour)\"><title>\(tooltip.htmlEscaped)</title></rect>")
    }

    /// Adds a legend entry: a swatch of `colour` (a line with its dash pattern when `dash` is
    /// given) and `label`.
    mutating func key(_ label: String, colour: String, dash: String? = nil) {
        legend.append((label, colour, dash))
    }

    /// The chart as an inline `<svg>` element.
    var svg: String {
        // Legend entries flow left to right below the x axis title, wrapping at the chart's width.
        var legendItems: [String] = []
        var (lx, ly) = (left, top + plotHeight + 58)
        for entry in legend {
            let itemWidth = 34 + 7 * Double(entry.label.count) + 16
            if lx + itemWidth > width && lx > left { (lx, ly) = (left, ly + 20) }
            let swatch = entry.dash.map { dash in
                "<path d=\"M\(coordinate(lx)),\(coordinate(ly - 4))h24\" stroke=\"\(entry.colour)\" stroke-width=\"2\" stroke-dasharray=\"\(dash)\"/>"
            } ?? "<rect x=\"\(coordinate(lx))\" y=\"\(coordinate(ly - 10))\" width=\"24\" height=\"12\" fill=\"\(entry.colour)\"/>"
            legendItems.append(swatch + "<text x=\"\(coordinate(lx + 30))\" y=\"\(coordinate(ly))\">\(entry.label.htmlEscaped)</text>")
            lx += itemWidth
        }
        let height = (legend.isEmpty ? top + plotHeight + 48 : ly + 12)
        let bottom = top + plotHeight
        var parts = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(coordinate(width)) \(coordinate(height))\" "
            + "width=\"\(coordinate(width))\" height=\"\(coordinate(height))\" role=\"img\"><title>\(title.htmlEscaped)</title>"]
        for tick in x.ticks {
            let tx = coordinate(px(tick.value))
            parts.append("<path class=\"grid\" d=\"M\(tx),\(coordinate(top))V\(coordinate(bottom))\"/>"
                + "<text x=\"\(tx)\" y=\"\(coordinate(bottom + 16))\" text-anchor=\"middle\">\(tick.label.htmlEscaped)</text>")
        }
        for tick in y.ticks {
            let ty = coordinate(py(tick.value))
            parts.append("<path class=\"grid\" d=\"M\(coordinate(left)),\(ty)H\(coordinate(width - right))\"/>"
                + "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(py(tick.value) + 4))\" text-anchor=\"end\">\(tick.label.htmlEscaped)</text>")
        }
        parts += marks
        parts.append("<path class=\"axis\" d=\"M\(coordinate(left)),\(coordinate(top))V\(coordinate(bottom))H\(coordinate(width - right))\"/>")
        parts.append("<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(bottom + 36))\" text-anchor=\"middle\" class=\"title\">\(x.title.htmlEscaped)</text>")
        if !y.title.isEmpty {
            parts.append("<text transform=\"translate(14,\(coordinate(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"title\">\(y.title.htmlEscaped)</text>")
        }
        parts += legendItems
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// SVG path data through `points` in data coordinates.
    private func path(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(coordinate(px(point.0))),\(coordinate(py(point.1)))"
        }.joined()
    }

    /// A pixel coordinate with one decimal: sharp enough on screen, and the same bytes every time.
    private func coordinate(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// The Okabe-Ito palette, distinguishable with the common colour-vision deficiencies; series take
/// colours in this order.
enum Palette {
    static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The dash pattern of a reference line (a prior, the line of every agent effective).
    static let dashed = "6 4"

    /// Dash patterns that tell series apart once the colours run out: the first eight series are
    /// solid, the next eight dashed, then dotted, then dash-dotted.
    private static let dashes: [String?] = [nil, "6 4", "2 3", "10 3 2 3"]

    /// The colour of series `index`, cycling when there are more series than colours.
    static func colour(_ index: Int) -> String {
        colours[index % colours.count]
    }

    /// The dash pattern of series `index`'s line (nil: solid), so that 32 series look distinct.
    static func dash(_ index: Int) -> String? {
        dashes[(index / colours.count) % dashes.count]
    }
}
