import MultiPrecision
import XCTest

/// `Double` and ``BigFloat`` format the same binary value to the same text: both round the
/// exact value correctly, through glibc's printf and through MPFR respectively.
final class DoubleConformanceTests: XCTestCase {
    func testFormattingAgreesAtFifteenDigits() {
        let values: [Double] = [
            0.1, 1.0 / 3.0, -2.5e-7, 6.02214076e23, 123456.789, .pi, -.pi, 1e-300, 0.5, 100, 0, 4.35e-5, 2.0 / 3.0 * 1e15,
        ]
        for x in values {
            XCTAssertEqual(x.formatted(significantDigits: 15), BigFloat(x).formatted(significantDigits: 15), "\(x)")
        }
    }

    func testFormattingByHand() {
        XCTAssertEqual(0.1.formatted(significantDigits: 15), "0.100000000000000")
        XCTAssertEqual(0.1.formatted(significantDigits: 20), "0.10000000000000000555")
        XCTAssertEqual(BigFloat(0.1).formatted(significantDigits: 20), "0.10000000000000000555")
        XCTAssertEqual((-2.5e-7).formatted(significantDigits: 3), "-2.50e-7")
        XCTAssertEqual(6.02214076e23.formatted(significantDigits: 4), "6.022e+23")
        XCTAssertEqual(Double.pi.formatted(significantDigits: 1), "3")
    }

    func testDoubleAndBigFloatAtFiftyThreeBitsComputeAlike() throws {
        let x = 0.7
        let b = BigFloat(x)
        XCTAssertEqual((b * b + b).doubleValue, x * x + x)
        XCTAssertEqual(try BigFloat.sqrt(b).doubleValue, try Double.sqrt(x))
        XCTAssertEqual(BigFloat.pi(precision: 53).doubleValue, Double.pi(precision: 53))
        XCTAssertEqual(BigFloat.epsilon(precision: 53).doubleValue, Double.epsilon(precision: 53))
    }
}
