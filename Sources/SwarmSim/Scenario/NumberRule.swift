/// The values a numeric field accepts, with the sentence that explains a refusal.
public struct NumberRule: Sendable {
    public let allows: @Sendable (Double) -> Bool
    /// Completes "must be ...", e.g. "greater than 0".
    public let requirement: String

    public init(_ requirement: String, allows: @escaping @Sendable (Double) -> Bool) {
        self.requirement = requirement
        self.allows = allows
    }

    public static let any = NumberRule("a finite number") { $0.isFinite }
    public static let positive = NumberRule("greater than 0") { $0.isFinite && $0 > 0 }
    public static let nonNegative = NumberRule("0 or more") { $0.isFinite && $0 >= 0 }
    public static let probability = NumberRule("a probability between 0 and 1") { $0 >= 0 && $0 <= 1 }

    /// Values in `range`, bounds included.
    public static func within(_ range: ClosedRange<Double>) -> NumberRule {
        NumberRule("between \(formatNumber(range.lowerBound)) and \(formatNumber(range.upperBound))") {
            range.contains($0)
        }
    }

    /// Whole numbers in `range`, bounds included.
    public static func integer(_ range: ClosedRange<Int>) -> NumberRule {
        let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
        return NumberRule("a whole number, at least \(range.lowerBound)\(upper)") {
            $0 == $0.rounded() && $0 >= Double(range.lowerBound) && $0 <= Double(range.upperBound)
        }
    }
}
