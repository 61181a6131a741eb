import Foundation

/// `Double` as a ``Scalar``: 53 bits, IEEE arithmetic, the platform's libm. Functions whose
/// result is NaN or infinite throw, as for ``BigFloat``.
extension Double: Scalar {
    public init(_ value: Double, precision: Int) { self = value }
    public init(_ value: Int, precision: Int) { self = Double(value) }

    public var precision: Int { 53 }
    public static func pi(precision: Int) -> Double { .pi }
    public static func epsilon(precision: Int) -> Double { .ulpOfOne }
    public func rounded(toPrecision precision: Int) -> Double { self }

    public var signum: Int { self > 0 ? 1 : (self < 0 ? -1 : 0) }
    public func isIdentical(to other: Double) -> Bool { !isNaN && bitPattern == other.bitPattern }
    public var doubleValue: Double { self }

    @inlinable
    static func checked(_ name: String, _ x: Double, _ result: Double) throws -> Double {
        guard result.isFinite else { throw ScalarError.domain(function: name, argument: "\(x)") }
        return result
    }

    public static func sqrt(_ x: Double) throws -> Double { try checked("sqrt", x, x < 0 ? .nan : x.squareRoot()) }
    public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    public static func tan(_ x: Double) throws -> Double { try checked("tan", x, Foundation.tan(x)) }
    public static func asin(_ x: Double) throws -> Double { try checked("asin", x, Foundation.asin(x)) }
    public static func acos(_ x: Double) throws -> Double { try checked("acos", x, Foundation.acos(x)) }
    public static func atan(_ x: Double) -> Double { Foundation.atan(x) }
    public static func atan2(y: Double, x: Double) -> Double { Foundation.atan2(y, x) }
    public static func exp(_ x: Double) throws -> Double { try checked("exp", x, Foundation.exp(x)) }
    public static func log(_ x: Double) throws -> Double { try checked("log", x, Foundation.log(x)) }
    public static func pow(_ x: Double, _ y: Double) throws -> Double {
        guard case let r = Foundation.pow(x, y), r.isFinite else {
            throw ScalarError.domain(function: "pow", argument: "\(x), \(y)")
        }
        return r
    }

    public init(parsing text: String, precision: Int) throws {
        let trimmed = text.trimmingWhitespace()
        guard DecimalSyntax.isValid(trimmed), let value = Double(trimmed), value.isFinite else {
            throw ScalarError.malformedNumber(text)
        }
        self = value
    }

    public func formatted(significantDigits digits: Int) -> String {
        precondition(digits >= 1, "at least one significant digit")
        guard isFinite else { return description }
        if self == 0 { return digits == 1 ? "0" : "0." + String(repeating: "0", count: digits - 1) }
        // %.*e rounds correctly (glibc), giving d.ddd...e+XX.
        let text = String(format: "%.*e", digits - 1, self)
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        guard let e = body.firstIndex(of: "e"), let exponent = Int(body[body.index(after: e)...]) else {
            return text
        }
        let mantissa = Array(body[..<e].filter { $0 != "." })
        return (negative ? "-" : "") + DecimalLayout.layout(digits: mantissa, exponent: exponent)
    }
}
