import MultiPrecision
import XCTest

@testable import Asymptotics

/// Following a branch to d = 10^30, Newton's relative tolerances, Richardson extrapolation and
/// the remainder check, on branches known exactly.
final class LadderTests: XCTestCase {
    /// x(d) = 1/sqrt(d) + 3/d is 10^-15 at the top: every rung must hold it to nearly the
    /// working precision relative to its own size, which an absolute tolerance could not.
    func testClimbKeepsRelativeAccuracyOfAShrinkingCoordinate() throws {
        let system = try CubicBranch.example()
        let precision = 300
        let ladder = try Ladder.climb(system, seed: decimals("0.6"), seedD: decimal("10"), topExponent: 30, precision: precision)
        XCTAssertEqual(ladder.rungs.map(\.exactD.text), ["10"] + (2...30).map { "1e\($0)" })
        XCTAssertEqual(ladder.rungs.map(\.exponent), (1...30).map { Optional($0) })
        for rung in ladder.rungs {
            let exact = try system.branch(rung.d).value
            XCTAssertGreaterThan(AgreeingDigits.relative(rung.x[0], exact), 80, rung.exactD.text)
        }
        // Twice the precision, twice the digits.
        let refined = try ladder.refined(system, precision: 2 * precision)
        let top = try XCTUnwrap(refined.rungs.last)
        XCTAssertGreaterThan(AgreeingDigits.relative(top.x[0], try system.branch(top.d).value), 170)
    }

    /// From 1% off, Newton converges at d = 10^30 to the working precision relative to
    /// x = 10^-15 (a tolerance of 2^-284 absolute would leave it 15 digits short), and its
    /// tangent is the exact dx/dd.
    func testScaledNewtonOnATinyCoordinate() throws {
        let system = try CubicBranch.example()
        let precision = 300
        let d = try BigFloat(parsing: "1e30", precision: precision)
        let (exact, slope) = try system.branch(d)
        let start = exact * (try BigFloat(parsing: "1.01", precision: precision))
        let solution = try ScaledNewton.solve(system, from: [start], d: d)
        XCTAssertLessThanOrEqual(solution.iterations, 10)
        XCTAssertLessThan(solution.relativeStep, 1e-80)
        XCTAssertGreaterThan(AgreeingDigits.relative(solution.x[0], exact), 85)
        XCTAssertGreaterThan(AgreeingDigits.relative(solution.tangent[0], slope), 80)
    }

    /// A seed d that is not a power of ten starts the ladder; the next power follows.
    func testLadderFromAnOddSeed() throws {
        let system = try CubicBranch.example()
        let ladder = try Ladder.climb(system, seed: decimals("0.5"), seedD: decimal("37.5"), topExponent: 8, precision: 128)
        XCTAssertEqual(ladder.rungs.map(\.exactD.text), ["37.5", "1e2", "1e3", "1e4", "1e5", "1e6", "1e7", "1e8"])
        XCTAssertNil(ladder.rungs[0].exponent)
        XCTAssertThrowsError(try Ladder.climb(system, seed: decimals("0.5"), seedD: decimal("1e9"), topExponent: 8, precision: 128))
        XCTAssertThrowsError(try Ladder.climb(system, seed: decimals("0.5", "1"), seedD: decimal("10"), topExponent: 8, precision: 128)) {
            XCTAssertTrue("\($0)".contains("1 seed values expected"), "\($0)")
        }
    }

    /// The polynomial through n points is exact for polynomials of degree below n.
    func testRichardsonIsExactOnPolynomials() throws {
        let precision = 300
        let coefficients = [3, -1, 4, -1, 5].map { BigFloat($0, precision: precision) }
        let h = try (20...24).map { m in 1 / (try BigFloat.sqrt(BigFloat(10, precision: precision).power(m))) }
        let values = h.map { x in coefficients.reversed().reduce(BigFloat(0, precision: precision)) { $0 * x + $1 } }
        let fitted = try Richardson.coefficients(h: h, values: values)
        for (a, b) in zip(fitted, coefficients) {
            XCTAssertLessThan((a - b).magnitude, try BigFloat(parsing: "1e-40", precision: 64))
        }
    }

    /// x - 1/sqrt(d) = 3/d: a remainder of order -1 at every rung; the exact expansion leaves
    /// no remainder that the proved digits resolve.
    func testRemainderCheck() throws {
        let system = try CubicBranch.example()
        let settings = SeriesSettings(terms: 3, digits: 25, topExponent: 20, basis: try ClosedFormBasis.standard())
        let partial = try RemainderCheck.run(
            system, observable: system.coordinate, seed: decimals("0.6"), seedD: decimal("10"),
            expression: try CheckExpression(parsing: "1/sqrt(d)"), settings: settings)
        XCTAssertEqual(partial.rows.map(\.d.text), ["10"] + (2...20).map { "1e\($0)" })
        XCTAssertEqual(partial.observedPower, "-1")
        for row in partial.rows.dropFirst() {
            XCTAssertEqual(try XCTUnwrap(row.order), -1, accuracy: 1e-9, row.d.text)
        }
        // 3/d against 1/sqrt(d): about log10(sqrt(d)/3) digits agree.
        XCTAssertEqual(partial.rows.last?.agreeingDigits, 9)
        XCTAssertEqual(partial.rows.last?.remainder?.decimal, "3.00e-20")

        let exact = try RemainderCheck.run(
            system, observable: system.coordinate, seed: decimals("0.6"), seedD: decimal("10"),
            expression: try CheckExpression(parsing: "d^(-1/2) + 3/d"), settings: settings)
        XCTAssertTrue(exact.rows.allSatisfy { $0.agreesWithAllProvedDigits && $0.remainder == nil })
        XCTAssertNil(exact.observedOrder)
    }
}
