import MultiPrecision
import XCTest

/// ``Dual`` against closed-form derivatives, each written independently of the rule the code
/// applies and taken where it is an exact rational or a known constant ((sqrt(x^2 + 1))' = 3/5
/// at 3/4, asin' = 5/4 at 3/5, atan' = 1/4 at sqrt 3), in `Double` and in ``BigFloat`` at 200
/// bits.
final class DualTests: XCTestCase {
    func testArithmeticAndEveryElementaryFunction() throws {
        try checkFirstDerivatives(Double.self)
        try checkFirstDerivatives(BigFloat.self)
    }

    func testNestedDualsGiveSecondDerivatives() throws {
        try checkSecondDerivatives(Double.self)
        try checkSecondDerivatives(BigFloat.self)
    }

    /// The derivative parts are the written-out formulas, rounded in the order they are written
    /// (a' b + a b', (a' - (a/b) b') / b, (x y' - y x') / (x^2 + y^2), and `self += x * y`),
    /// bit for bit, at mixed precisions and one level of nesting.
    func testDerivativesRoundAsWrittenOut() {
        func same(_ a: BigFloat, _ b: BigFloat, _ what: String) { XCTAssertTrue(a.isIdentical(to: b), "\(what): \(a) against \(b)") }
        let third = BigFloat(1, precision: 300) / BigFloat(3, precision: 300)
        let seventh = BigFloat(1, precision: 120) / BigFloat(7, precision: 120)
        let a = Dual(third, derivative: seventh * BigFloat(5))
        let b = Dual(BigFloat(-2.5, precision: 100) + seventh, derivative: third * BigFloat(3))
        let product = a * b
        same(product.value, a.value * b.value, "product")
        same(product.derivative, a.derivative * b.value + a.value * b.derivative, "product'")
        let quotient = a / b
        same(quotient.derivative, (a.derivative - quotient.value * b.derivative) / b.value, "quotient'")
        var sum = Dual(seventh, derivative: third)
        sum.add(a, times: b)
        same(sum.value, seventh + product.value, "add")
        same(sum.derivative, third + product.derivative, "add'")
        var difference = Dual(seventh, derivative: third)
        difference.subtract(a, times: b)
        same(difference.derivative, third - product.derivative, "subtract'")
        let angle = Dual.atan2(y: a, x: b)
        same(angle.derivative, (b.value * a.derivative - a.value * b.derivative) / (b.value * b.value + a.value * a.value), "atan2'")
        // Nested: the inner parts follow the same rule.
        let outer = Dual(a, derivative: b) * Dual(b, derivative: a)
        let inner = b * b + a * a
        same(outer.derivative.derivative, inner.derivative, "nested'")
    }

    private func checkFirstDerivatives<S: Scalar>(_: S.Type) throws {
        let p = S.self == Double.self ? 53 : 200
        let c = { (v: Double) in S(v, precision: p) }
        let q = { (a: Int, b: Int) in S(a, precision: p) / S(b, precision: p) }
        let variable = { (v: S) in Dual(v, derivative: S(1, precision: p)) }
        let ulps = 8

        // (x^3 - 2x) / (x^2 + 1) has derivative (x^4 + 5x^2 - 2) / (x^2 + 1)^2.
        let x = variable(c(0.7))
        let rational = (x * x * x - Dual(2) * x) / (x * x + Dual(1))
        let x0 = c(0.7)
        let x2 = x0 * x0
        assertNear(rational.derivative, (x2 * x2 + S(5) * x2 - S(2)) / ((x2 + S(1)) * (x2 + S(1))), ulps, "quotient rule")
        var compound = x
        compound *= x
        compound -= x
        compound /= x + Dual(1)
        compound += x
        // (x^2 - x)/(x + 1) + x: derivative (x^2 + 2x - 1)/(x + 1)^2 + 1.
        assertNear(compound.derivative, (x2 + S(2) * x0 - S(1)) / ((x0 + S(1)) * (x0 + S(1))) + S(1), ulps, "compound assignments")
        assertNear((-x).derivative, S(-1), 0, "negation")

        let threeQuarters = variable(q(3, 4))
        assertNear(try Dual.sqrt(threeQuarters * threeQuarters + Dual(1)).derivative, q(3, 5), ulps, "sqrt(x^2 + 1) at 3/4")
        let third = variable(S.pi(precision: p) / S(3))
        assertNear(Dual.sin(third).derivative, q(1, 2), ulps, "sin' at pi/3")
        assertNear(Dual.cos(third).derivative, -(try S.sqrt(S(3, precision: p))) / S(2), ulps, "cos' at pi/3")
        assertNear(try Dual.tan(variable(S.pi(precision: p) / S(4))).derivative, S(2), ulps, "tan' at pi/4")
        assertNear(try Dual.asin(variable(q(3, 5))).derivative, q(5, 4), ulps, "asin' at 3/5")
        assertNear(try Dual.acos(variable(q(3, 5))).derivative, -q(5, 4), ulps, "acos' at 3/5")
        assertNear(Dual.atan(variable(try S.sqrt(S(3, precision: p)))).derivative, q(1, 4), ulps, "atan' at sqrt 3")
        let four = c(4), three = c(3), one = c(1), zero = c(0)
        assertNear(Dual.atan2(y: Dual(three, derivative: one), x: Dual(four, derivative: zero)).derivative, q(4, 25), ulps, "atan2 in y at (4, 3)")
        assertNear(Dual.atan2(y: Dual(three, derivative: zero), x: Dual(four, derivative: one)).derivative, q(-3, 25), ulps, "atan2 in x at (4, 3)")
        assertNear(try Dual.exp(variable(try S.log(S(2, precision: p)))).derivative, S(2), ulps, "exp' at log 2")
        assertNear(try Dual.log(variable(four)).derivative, q(1, 4), ulps, "log' at 4")
        // 4^(1/2): d/dx = 1/4, d/dy = 2 log 4.
        assertNear(try Dual.pow(variable(four), Dual(q(1, 2), derivative: zero)).derivative, q(1, 4), ulps, "pow in the base")
        assertNear(try Dual.pow(Dual(four, derivative: zero), variable(q(1, 2))).derivative, S(2) * (try S.log(four)), ulps, "pow in the exponent")
        assertNear(try Dual.pow(variable(c(-2)), Dual(3)).derivative, S(12), 0, "(-2)^3")
        assertNear(try Dual.pow(variable(c(-2)), Dual(0)).derivative, S(0), 0, "(-2)^0")
        assertNear(variable(c(-3)).magnitude.derivative, S(-1), 0, "|x| at -3")
        assertNear(variable(c(0.5)).magnitude.derivative, S(1), 0, "|x| at 1/2")
        // At 0 the right derivative: exact for a stationary zero.
        assertNear(Dual(zero, derivative: zero).magnitude.derivative, S(0), 0, "|x| at a stationary zero")
        assertNear(Dual(zero, derivative: c(-2)).magnitude.derivative, S(2), 0, "|x| at 0, the right derivative")
        // boundedQuotient: the quotient rule; at a zero denominator value 0, derivative not finite.
        let bounded = Dual.boundedQuotient(variable(three), Dual(four, derivative: one)) { Dual(1) }
        assertNear(bounded.derivative, q(1, 16), ulps, "bounded quotient (x/(x+1) at 3)")
        let atZero = Dual.boundedQuotient(variable(three), Dual(zero, derivative: one)) { Dual(1) }
        XCTAssertEqual(atZero.value.signum, 0)
        XCTAssertFalse(atZero.isFinite)
        XCTAssertFalse(Dual.atan2(y: Dual(zero, derivative: one), x: Dual(zero, derivative: one)).isFinite)
        XCTAssertEqual(Dual.atan2(y: Dual(zero, derivative: one), x: Dual(zero, derivative: one)).value.signum, 0)
    }

    private func checkSecondDerivatives<S: Scalar>(_: S.Type) throws {
        let p = S.self == Double.self ? 53 : 200
        let q = { (a: Int, b: Int) in S(a, precision: p) / S(b, precision: p) }
        let one = S(1, precision: p), zero = S(0, precision: p)
        // x + (t1 + t2): the mixed derivative in t1 and t2 is the second derivative in x.
        let variable = { (v: S) in Dual(Dual(v, derivative: one), derivative: Dual(one, derivative: zero)) }
        let second = { (f: Dual<Dual<S>>) in f.derivative.derivative }
        let ulps = 16

        let x = variable(q(3, 4))
        assertNear(second(try Dual.sqrt(x * x + Dual(1))), q(64, 125), ulps, "(x^2 + 1)^(-3/2) at 3/4")
        let origin = variable(zero)
        assertNear(second(try Dual.exp(origin) * Dual.sin(origin)), S(2), ulps, "(e^x sin x)'' = 2 e^x cos x at 0")
        assertNear(second(Dual.atan(variable(one))), q(-1, 2), ulps, "atan'' at 1")
        assertNear(second(try Dual.pow(variable(S(4, precision: p)), Dual<Dual<S>>(5, precision: p) / Dual(2, precision: p))), q(15, 2), ulps, "(x^(5/2))'' at 4")
        assertNear(second(try Dual.log(variable(S(2, precision: p)))), q(-1, 4), ulps, "log'' at 2")
        assertNear(second(try Dual.asin(variable(q(3, 5)))), q(75, 64), ulps, "asin'' at 3/5")
        assertNear(second(try Dual.tan(variable(S.pi(precision: p) / S(4)))), S(4), ulps, "tan'' at pi/4")
        assertNear(second(Dual.cos(variable(S.pi(precision: p) / S(3)))), q(-1, 2), ulps, "cos'' at pi/3")
        // The mixed partial of atan2(y, x), (y^2 - x^2) / (x^2 + y^2)^2 = -7/625 at (4, 3).
        let alongX = Dual(Dual(S(4, precision: p), derivative: one), derivative: Dual(zero, derivative: zero))
        let alongY = Dual(Dual(S(3, precision: p), derivative: zero), derivative: Dual(one, derivative: zero))
        assertNear(second(Dual.atan2(y: alongY, x: alongX)), q(-7, 625), ulps, "atan2_xy at (4, 3)")
        // |c t^2 / 2| has second derivative |c| at a stationary zero.
        let stationary = Dual(Dual(zero, derivative: zero), derivative: Dual(zero, derivative: S(-3, precision: p)))
        assertNear(second(stationary.magnitude), S(3), 0, "|x|'' at a stationary zero")
    }

    func testNoDerivativeThrowsWhereTheFunctionCan() {
        let zero = Dual(BigFloat(0, precision: 200), derivative: BigFloat(1, precision: 200))
        let one = Dual(BigFloat(1, precision: 200), derivative: BigFloat(1, precision: 200))
        for (what, f) in [
            ("sqrt", { _ = try Dual.sqrt(zero) }), ("asin", { _ = try Dual.asin(one) }), ("acos", { _ = try Dual.acos(-one) }),
            ("pow", { _ = try Dual.pow(-one, one) }),
        ] as [(String, () throws -> Void)] {
            XCTAssertThrowsError(try f(), what) { error in
                guard case ScalarError.notDifferentiable(function: what, argument: _)? = error as? ScalarError else {
                    return XCTFail("\(what): \(error)")
                }
            }
        }
        XCTAssertThrowsError(try Dual.sqrt(-one)) { XCTAssertEqual(($0 as? ScalarError).map { "\($0)" }, "sqrt(-1.0000000000000000) is not a real number") }
    }

    func testConstantsComparisonsAndText() throws {
        let x = Dual(BigFloat(1.5, precision: 200), derivative: BigFloat(7))
        XCTAssertEqual(x.precision, 200)
        let literal: Dual<BigFloat> = 3
        for constant in [literal, Dual(3), Dual(3.0), Dual(3, precision: 100), Dual(3.0, precision: 100), try Dual(parsing: "3", precision: 100)] {
            XCTAssertEqual(constant.value, BigFloat(3))
            XCTAssertEqual(constant.derivative.signum, 0)
        }
        XCTAssertEqual(Dual<BigFloat>.pi(precision: 100).derivative.signum, 0)
        XCTAssertEqual(Dual<BigFloat>.epsilon(precision: 100).value, BigFloat.epsilon(precision: 100))
        // Comparisons and the sign by value alone.
        XCTAssertEqual(x, Dual(BigFloat(1.5), derivative: BigFloat(-1)))
        XCTAssertLessThan(Dual(BigFloat(1), derivative: BigFloat(9)), x)
        XCTAssertEqual((-x).signum, -1)
        XCTAssertEqual(x.doubleValue, 1.5)
        XCTAssertEqual(x.formatted(significantDigits: 5), "1.5000")
        XCTAssertEqual(x.rounded(toPrecision: 60).derivative.precision, 60)
        XCTAssertTrue(x.isFinite)
        XCTAssertFalse(Dual(BigFloat(1), derivative: BigFloat(1) / BigFloat(0)).isFinite)
        XCTAssertThrowsError(try Dual<BigFloat>.requireFinite(Dual(BigFloat(1), derivative: BigFloat(0) / BigFloat(0)), "q"))
    }
}

/// |actual - expected| <= ulps eps |expected| (eps alone when expected is 0).
private func assertNear<S: Scalar>(
    _ actual: S, _ expected: S, _ ulps: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line
) {
    let p = expected.precision
    let scale = expected.signum == 0 ? S(1, precision: p) : expected.magnitude
    let tolerance = S.epsilon(precision: p) * S(ulps, precision: p) * scale
    XCTAssertLessThanOrEqual(
        (actual - expected).magnitude, tolerance,
        "\(S.self) \(what): \(actual.formatted(significantDigits: 20)) against \(expected.formatted(significantDigits: 20))",
        file: file, line: line)
}
