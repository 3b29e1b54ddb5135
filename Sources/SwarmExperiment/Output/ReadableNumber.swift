import Foundation

/// `value` with about four significant digits, for tables and messages a person reads (the CSV
/// files keep full precision): 2.413, 0.0412, 1234.
package func readableNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if abs(value) >= 1000 { return String(format: "%.0f", value) }
    return formatNumber(Double(String(format: "%.4g", value)) ?? value)
}
