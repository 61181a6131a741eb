import MultiPrecision
import _TestSupport
import XCTest

/// BigFloat's constants against digits computed without MPFR (ReferenceDigits.swift, made by
/// scripts/reference-digits.py). A string printed by MPFR is correctly rounded, so it must
/// equal the reference rounded at the same digit, not a prefix of it.
final class ReferenceDigitsTests: XCTestCase {
    /// Working precision for `digits` decimal digits, with guard bits so that the binary
    /// rounding of the constant cannot move its decimal rounding.
    private func precision(for digits: Int) -> Int { PrecisionPolicy.bits(forDigits: digits) + 32 }

    func testPiTo10000Digits() {
        let digits = 10_000
        let computed = BigFloat.pi(precision: precision(for: digits)).formatted(significantDigits: digits)
        XCTAssertEqual(computed, ReferenceDigits.rounded(ReferenceDigits.pi, significantDigits: digits))
        XCTAssertEqual(computed.count, digits + 1)
    }

    func testPiAtShortLengths() {
        for digits in [1, 2, 5, 17, 50, 333] {
            let computed = BigFloat.pi(precision: precision(for: digits)).formatted(significantDigits: digits)
            XCTAssertEqual(computed, ReferenceDigits.rounded(ReferenceDigits.pi, significantDigits: digits), "\(digits) digits")
        }
    }

    /// Pi has six 9s from the 763rd significant digit on ("...1134999999837..."). Keeping two of
    /// them, the next 9 rounds up and carries into the 4: the string must end in "1135" + "00".
    func testPiRoundingCarriesThroughTheNines() {
        let digits = 764
        let expected = ReferenceDigits.rounded(ReferenceDigits.pi, significantDigits: digits)
        XCTAssertTrue(expected.hasSuffix("113500"), String(expected.suffix(10)))
        XCTAssertEqual(BigFloat.pi(precision: precision(for: digits)).formatted(significantDigits: digits), expected)
    }

    func testETo1000Digits() throws {
        let digits = 1000
        let e = try BigFloat.exp(BigFloat(1, precision: precision(for: digits)))
        XCTAssertEqual(e.formatted(significantDigits: digits), ReferenceDigits.rounded(TestReferenceDigits.e, significantDigits: digits))
    }

    func testSqrt2To1000Digits() throws {
        let digits = 1000
        let root = try BigFloat.sqrt(BigFloat(2, precision: precision(for: digits)))
        XCTAssertEqual(
            root.formatted(significantDigits: digits), ReferenceDigits.rounded(TestReferenceDigits.sqrt2, significantDigits: digits))
    }

    func testReferenceLengthsAndPrefixes() {
        XCTAssertEqual(ReferenceDigits.pi.count, 100_021)
        XCTAssertEqual(TestReferenceDigits.e.count, 1_101)
        XCTAssertEqual(TestReferenceDigits.sqrt2.count, 1_101)
        XCTAssertTrue(ReferenceDigits.pi.hasPrefix("3.14159265358979323846264338327950288419716939937510"))
        XCTAssertTrue(TestReferenceDigits.e.hasPrefix("2.71828182845904523536028747135266249775724709369995"))
        XCTAssertTrue(TestReferenceDigits.sqrt2.hasPrefix("1.41421356237309504880168872420969807856967187537694"))
        XCTAssertFalse(ReferenceDigits.pi.contains("\n"))
    }

    /// The rounding helper itself, on expansions whose rounding is known by hand.
    func testRoundingHelper() {
        XCTAssertEqual(ReferenceDigits.rounded("3.14159", significantDigits: 1), "3")
        XCTAssertEqual(ReferenceDigits.rounded("3.14159", significantDigits: 3), "3.14")
        XCTAssertEqual(ReferenceDigits.rounded("3.14159", significantDigits: 4), "3.142")
        XCTAssertEqual(ReferenceDigits.rounded("3.14159", significantDigits: 5), "3.1416")
        XCTAssertEqual(ReferenceDigits.rounded("1.4999", significantDigits: 2), "1.5")
        XCTAssertEqual(ReferenceDigits.rounded("1.4499", significantDigits: 2), "1.4")
        XCTAssertEqual(ReferenceDigits.rounded("2.9951", significantDigits: 3), "3.00")
        XCTAssertEqual(ReferenceDigits.rounded("9.996", significantDigits: 3), "10.0")
        XCTAssertEqual(ReferenceDigits.rounded("9.96", significantDigits: 1), "1e+1")
    }
}
