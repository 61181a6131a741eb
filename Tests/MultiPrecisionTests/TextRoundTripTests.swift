import MultiPrecision
import XCTest

/// Decimal text in and out. A decimal number of at most floor((p - 1) log10 2) significant
/// digits survives the trip to p bits and back at that many digits, and a p-bit number survives
/// the trip to ceil(p log10 2) + 1 digits and back: both are classical theorems, so the expected
/// strings below are the input text itself, padded with zeros by hand.
final class TextRoundTripTests: XCTestCase {
    /// Precision in bits, and the number of decimal digits that round-trips through it.
    private let precisions: [(bits: Int, digits: Int)] = [(53, 15), (113, 33), (256, 76), (1000, 300)]

    private func zeros(_ count: Int) -> String { String(repeating: "0", count: count) }

    func testDecimalTextSurvivesBinary() {
        for (bits, digits) in precisions {
            XCTAssertEqual(number("0.1", bits).formatted(significantDigits: digits), "0.1" + zeros(digits - 1))
            XCTAssertEqual(number("-1.5e-30", bits).formatted(significantDigits: digits), "-1.5" + zeros(digits - 2) + "e-30")
            XCTAssertEqual(number("42", bits).formatted(significantDigits: digits), "42." + zeros(digits - 2))
            // Positional once the 24 integer digits fit in the digits asked for, as documented.
            XCTAssertEqual(
                number("6.02214076e23", bits).formatted(significantDigits: digits),
                digits < 24 ? "6.02214076" + zeros(digits - 9) + "e+23" : "602214076" + zeros(15) + "." + zeros(digits - 24))
            XCTAssertEqual(number("-0.000123", bits).formatted(significantDigits: digits), "-0.000123" + zeros(digits - 3))
        }
    }

    /// 123456789.000000001 has 18 significant digits: more than 53 bits carry, fewer than 113.
    func testNineteenDigitsNeedMoreThanDoublePrecision() {
        let text = "123456789.000000001"
        XCTAssertEqual(number(text, 53).formatted(significantDigits: 15), "123456789.000000")
        XCTAssertEqual(number(text, 53).formatted(significantDigits: 19), "123456789.0000000000")
        for (bits, digits) in precisions.dropFirst() {
            XCTAssertEqual(number(text, bits).formatted(significantDigits: digits), text + zeros(digits - 18), "\(bits) bits")
        }
    }

    func testBinarySurvivesDecimalText() throws {
        for (bits, _) in precisions {
            let three = BigFloat(3, precision: bits)
            let values = [
                BigFloat.pi(precision: bits),
                BigFloat(1, precision: bits) / three,
                -(try BigFloat.sqrt(BigFloat(2, precision: bits))) * number("1e-30", bits),
                number("123456789.000000001", bits),
            ]
            for x in values {
                let text = x.description
                let back = try BigFloat(parsing: text, precision: bits)
                XCTAssertEqual(back, x, "\(bits) bits through \(text)")
                XCTAssertEqual(back.precision, bits)
            }
        }
    }

    func testDoubleSurvivesSeventeenDigits() throws {
        for x in [0.1, 1.0 / 3.0, -1.5e-30, 123456789.000000001, .pi, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            let text = x.formatted(significantDigits: 17)
            XCTAssertEqual(try Double(parsing: text, precision: 53), x, text)
        }
    }

    func testAcceptedSpellings() throws {
        let tenth = number("0.1", 64)
        for text in [" 0.1", "0.1\n", ".1", "+0.1", "1e-1", "1E-1", "0.01e+1", "1.e-1"] {
            XCTAssertEqual(try BigFloat(parsing: text, precision: 64), tenth, "'\(text)'")
            XCTAssertEqual(try Double(parsing: text, precision: 53), 0.1, "'\(text)'")
        }
    }

    func testLayout() {
        XCTAssertEqual(number("0", 64).formatted(significantDigits: 1), "0")
        XCTAssertEqual(number("0", 64).formatted(significantDigits: 3), "0.00")
        XCTAssertEqual(number("0.00001234", 64).formatted(significantDigits: 4), "0.00001234")
        XCTAssertEqual(number("0.000001234", 64).formatted(significantDigits: 4), "1.234e-6")
        XCTAssertEqual(number("1234", 64).formatted(significantDigits: 4), "1234")
        // Exact ties round to the even digit.
        XCTAssertEqual(number("12345", 64).formatted(significantDigits: 4), "1.234e+4")
        XCTAssertEqual(number("12355", 64).formatted(significantDigits: 4), "1.236e+4")
        XCTAssertEqual(number("12345.5", 64).formatted(significantDigits: 4), "1.235e+4")
        XCTAssertEqual(number("-2.5", 64).formatted(significantDigits: 1), "-2")
    }
}
