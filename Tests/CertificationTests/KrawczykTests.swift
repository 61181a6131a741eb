import Certification
import LinearAlgebra
import MultiPrecision
import XCTest

/// Krawczyk's test on systems whose zeros are known in closed form: the boxes must hold them
/// for every parameter value, and a box holding two zeros must never pass.
final class KrawczykTests: XCTestCase {
    /// x^2 - lambda: the zero sqrt(lambda).
    struct SquareRoot: ParametricSystem {
        var dimension: Int { 1 }
        func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
            SystemEvaluation(residual: [x[0] * x[0] - parameter], jacobian: Matrix([[x[0] * S(2)]]), parameterDerivative: [-S(1)])
        }
    }

    /// exp(x0) - lambda, x0 + sin(x1) - 1, x1 x2 - 1: the zero (log lambda, asin(1 - log lambda),
    /// 1/asin(1 - log lambda)).
    struct Transcendental: ParametricSystem {
        var dimension: Int { 3 }
        func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
            let zero = S(0)
            let residual = [try S.exp(x[0]) - parameter, x[0] + S.sin(x[1]) - S(1), x[1] * x[2] - S(1)]
            let jacobian = Matrix([[try S.exp(x[0]), zero, zero], [S(1), S.cos(x[1]), zero], [zero, x[2], x[1]]])
            return SystemEvaluation(residual: residual, jacobian: jacobian, parameterDerivative: [-S(1), zero, zero])
        }
    }

    /// (x - a)(x - b): two zeros, close together when b - a is small.
    struct TwoZeros: ParametricSystem {
        let a: Interval
        let b: Interval
        var dimension: Int { 1 }
        /// Evaluated in intervals only, as Krawczyk's test does.
        func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S> {
            guard let a = a as? S, let b = b as? S else { throw CertificationFailure(step: .krawczyk, reason: "intervals only", precision: 0) }
            return SystemEvaluation(residual: [(x[0] - a) * (x[0] - b)], jacobian: Matrix([[x[0] * S(2) - a - b]]), parameterDerivative: [S(0)])
        }
    }

    func number(_ text: String, _ precision: Int) throws -> BigFloat { try BigFloat(parsing: text, precision: precision) }

    func testSquareRootOverAParameterInterval() throws {
        let p = 200
        let lambda = Interval(lower: try number("3.99999999999999999999", p), upper: try number("4.00000000000000000001", p))
        let result = try Krawczyk.verify(SquareRoot(), center: [BigFloat(2, precision: p)], parameter: lambda, radii: [try number("1e-20", p)])
        for end in [lambda.lower, lambda.upper, lambda.midpoint] {
            let zero = try BigFloat.sqrt(end.rounded(toPrecision: 4 * p))
            XCTAssertTrue(result.enclosure[0].contains(zero), "sqrt(\(end)) in \(result.enclosure[0])")
            XCTAssertTrue(result.box[0].contains(result.enclosure[0]))
        }
        XCTAssertLessThan(result.contraction, BigFloat(1))
        XCTAssertLessThan(result.enclosure[0].width, try number("1e-19", p), "as narrow as the curve over the interval")
    }

    func testTranscendentalSystemAndTightening() throws {
        let p = 160
        let lambda = Interval(lower: try number("1.9999999999999999999999999", p), upper: try number("2.0000000000000000000000001", p))
        let guess = [0.6931471805599453, 0.3119, 3.2065].map { BigFloat($0, precision: p) }
        let result = try Krawczyk.verify(Transcendental(), center: guess, parameter: lambda, radii: guess.map { _ in try number("1e-3", p) })
        for end in [lambda.lower, lambda.upper] {
            let l = end.rounded(toPrecision: 4 * p)
            let x0 = try BigFloat.log(l)
            let x1 = try BigFloat.asin(BigFloat(1) - x0)
            let exact = [x0, x1, BigFloat(1) / x1]
            for (box, value) in zip(result.enclosure, exact) { XCTAssertTrue(box.contains(value), "\(value) in \(box)") }
            // At one parameter value the box narrows to the rounding level and still holds the zero.
            let point = Interval(end)
            let tight = try Krawczyk.tighten(Transcendental(), box: result.enclosure, parameter: point)
            for (box, value) in zip(tight, exact) {
                XCTAssertTrue(box.contains(value), "tightened: \(value) in \(box)")
                XCTAssertLessThan(box.width, try number("1e-40", p))
            }
        }
    }

    func testTwoNearbyZerosAreNeverCertifiedInOneBox() throws {
        let p = 128
        let a = BigFloat(1, precision: p)
        let b = try number("1.000001", p)
        let system = TwoZeros(a: Interval(a), b: Interval(b))
        let middle = (a + b) / BigFloat(2)
        // Boxes around the midpoint that hold both zeros (or neither): the test must fail.
        for radius in ["1e-6", "4e-6", "1e-7"] {
            XCTAssertThrowsError(try Krawczyk.verify(system, center: [middle], parameter: Interval(0), radii: [try number(radius, p)])) { error in
                XCTAssertEqual((error as? CertificationFailure)?.step, .krawczyk, "\(error)")
            }
        }
        // Near one zero it passes, and the box leaves the other one out.
        let near = try Krawczyk.verify(system, center: [a], parameter: Interval(0), radii: [try number("1e-8", p)])
        XCTAssertTrue(near.box[0].contains(a))
        XCTAssertFalse(near.box[0].contains(b))
    }

    func testDoubleZeroIsRefused() throws {
        let p = 128
        let one = Interval(BigFloat(1, precision: p))
        XCTAssertThrowsError(try Krawczyk.verify(
            TwoZeros(a: one, b: one), center: [try number("1.0000000001", p)], parameter: Interval(0), radii: [try number("1e-6", p)]))
    }
}
