import MultiPrecision
import XCTest

/// Shared helpers. None of them computes an expected value: they only build inputs and
/// measure distances, so every assertion still compares against an independent reference.

/// Parses test input that is known to be valid; a failure is reported against the caller.
func number(_ text: String, _ precision: Int, file: StaticString = #filePath, line: UInt = #line) -> BigFloat {
    do {
        return try BigFloat(parsing: text, precision: precision)
    } catch {
        XCTFail("cannot parse \(text): \(error)", file: file, line: line)
        return BigFloat(0, precision: precision)
    }
}

/// The unit in the last place of `x` at its precision, 2^(e + 1 - p) where 2^e <= |x| < 2^(e+1).
///
/// The binade is read from the nearest `Double`, which is right for every value used in these
/// tests (none lies within a Double rounding of a power of two); the scaling by a power of two
/// is exact.
func ulp(of x: BigFloat) -> BigFloat {
    let binade = BigFloat(Double(sign: .plus, exponent: x.doubleValue.exponent, significand: 1))
    return BigFloat.epsilon(precision: x.precision) * binade
}

/// Asserts |actual - expected| <= ulps * ulp(expected), with a message giving the distance.
func assertClose(
    _ actual: BigFloat, _ expected: BigFloat, ulps: Int, _ what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let tolerance = BigFloat(ulps, precision: 64) * ulp(of: expected)
    let distance = (actual - expected).magnitude
    XCTAssertLessThanOrEqual(
        distance, tolerance,
        "\(what): off by \((distance / ulp(of: expected)).formatted(significantDigits: 3)) ulp",
        file: file, line: line)
}
