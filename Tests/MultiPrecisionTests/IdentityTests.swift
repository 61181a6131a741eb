import MultiPrecision
import XCTest

/// Closed-form identities at 1000 bits. Each side is correctly rounded by MPFR, so the
/// identities hold to within the propagated rounding errors; the arguments are chosen where
/// that propagation stays below 2 ulp (worked out per test), so a failure means a real error.
final class IdentityTests: XCTestCase {
    private let bits = 1000

    /// sin^2 + cos^2 = 1. Each square is off by at most |s| ulp(s) + ulp(s^2)/2 and the sum adds
    /// half an ulp of 1: at most about 1.6 ulp(1) for any x.
    func testPythagoras() {
        for text in ["0.1", "1", "2.5", "10", "100", "-3", "1e-20"] {
            let x = number(text, bits)
            let sum = BigFloat.sin(x).squared + BigFloat.cos(x).squared
            assertClose(sum, BigFloat(1, precision: bits), ulps: 2, "sin^2 + cos^2 at \(text)")
        }
    }

    /// acos(cos x) = x for x in (0, pi). The error of cos x is amplified by 1/sin x, so the
    /// arguments stay away from 0 and pi (at 3, sin x = 0.14 still keeps the total under 1.5 ulp).
    func testArccosineInvertsCosine() throws {
        for text in ["0.75", "1", "1.5", "2", "2.5", "3"] {
            let x = number(text, bits)
            assertClose(try BigFloat.acos(BigFloat.cos(x)), x, ulps: 2, "acos(cos \(text))")
        }
        let halfPi = BigFloat.pi(precision: bits) / BigFloat(2, precision: bits)
        assertClose(try BigFloat.acos(BigFloat.cos(halfPi)), halfPi, ulps: 2, "acos(cos pi/2)")
    }

    /// exp(log x) = x. The absolute error of log x becomes a relative error of the result, which
    /// is below 2 ulp only while |log x| stays below about 2: hence x from 0.3 to 7.
    func testExponentialInvertsLogarithm() throws {
        for text in ["0.3", "0.5", "1", "1.25", "2", "3", "7"] {
            let x = number(text, bits)
            assertClose(try BigFloat.exp(BigFloat.log(x)), x, ulps: 2, "exp(log \(text))")
        }
    }

    /// atan2 in the four quadrants against atan(y/x), shifted by +-pi on the left half-plane.
    func testArctangentOfTwoArgumentsInEveryQuadrant() {
        let pi = BigFloat.pi(precision: bits)
        let cases: [(y: String, x: String, shift: Int)] = [
            ("4", "3", 0),  // first quadrant: atan(y/x)
            ("4", "-3", 1),  // second: atan(y/x) + pi
            ("-4", "-3", -1),  // third: atan(y/x) - pi
            ("-4", "3", 0),  // fourth: atan(y/x)
            ("0.001", "-1000", 1),  // just above the negative axis: close to pi
            ("-0.001", "-1000", -1),  // just below it: close to -pi
        ]
        for c in cases {
            let y = number(c.y, bits)
            let x = number(c.x, bits)
            let expected = BigFloat.atan(y / x) + BigFloat(c.shift, precision: bits) * pi
            let angle = BigFloat.atan2(y: y, x: x)
            assertClose(angle, expected, ulps: 2, "atan2(\(c.y), \(c.x))")
            XCTAssertEqual(angle.signum, y.signum, "atan2(\(c.y), \(c.x)) has the sign of y")
            XCTAssertEqual(angle.doubleValue, Double.atan2(y: y.doubleValue, x: x.doubleValue), accuracy: 1e-15)
        }
    }

    func testArctangentOfTwoArgumentsOnTheAxes() {
        let pi = BigFloat.pi(precision: bits)
        let one = BigFloat(1, precision: bits)
        let zero = BigFloat(0, precision: bits)
        let two = BigFloat(2, precision: bits)
        XCTAssertEqual(BigFloat.atan2(y: one, x: zero), pi / two)
        XCTAssertEqual(BigFloat.atan2(y: -one, x: zero), -(pi / two))
        XCTAssertEqual(BigFloat.atan2(y: zero, x: -one), pi)
        XCTAssertEqual(BigFloat.atan2(y: zero, x: one), zero)
        XCTAssertEqual(BigFloat.atan2(y: zero, x: zero), zero)
    }
}
