import Asymptotics
import MultiPrecision
import XCTest

/// Expansions of a branch known in closed form (``CubicBranch``): every coefficient, every
/// closed form and every zero is compared with the expansion written down by hand.
final class SyntheticSeriesTests: XCTestCase {
    func settings(terms: Int, digits: Int, basis: [String] = ClosedFormBasis.defaultTexts) throws -> SeriesSettings {
        SeriesSettings(terms: terms, digits: digits, topExponent: 30, basis: try ClosedFormBasis(basis))
    }

    /// x = d^(-1/2) + 3 d^(-1): leading power -1/2, coefficients 1 and 3, then zeros.
    func testCoordinateOfTheIssuesExample() throws {
        let system = try CubicBranch.example()
        let series = try AsymptoticSeries.expand(
            system, observable: system.coordinate, seed: decimals("0.6"), seedD: decimal("10"), settings: try settings(terms: 4, digits: 30))
        XCTAssertEqual(series.terms.map(\.power), ["-1/2", "-1", "-3/2", "-2"])
        XCTAssertEqual(series.terms[0].coefficient?.decimal, "1." + String(repeating: "0", count: 29))
        XCTAssertEqual(series.terms[1].coefficient?.decimal, "3." + String(repeating: "0", count: 29))
        XCTAssertEqual(series.terms.map(\.digits), [30, 30, 0, 0])
        XCTAssertEqual(series.terms.map(\.closedFormText), ["1", "3", "0", "0"])
        XCTAssertTrue(series.terms[2].isZero && series.terms[3].isZero)
        for term in series.terms[2...] {
            XCTAssertLessThan(term.bound, try BigFloat(parsing: "1e-30", precision: 64))
        }
        XCTAssertEqual(series.closedFormExpression, "1/d^(1/2) + 3/d")
        XCTAssertEqual(series.localExponent, -0.5, accuracy: 1e-12)
    }

    /// L = -3/4 a^4 = -3/4 h^4 (1 + 3h)^4 with h = d^(-1/2): -3/4, -9, -81/2, -81, -243/4.
    func testLossOfTheIssuesExample() throws {
        let system = try CubicBranch.example()
        let series = try AsymptoticSeries.expand(
            system, observable: system.loss, seed: decimals("0.6"), seedD: decimal("10"), settings: try settings(terms: 6, digits: 25))
        XCTAssertEqual(series.terms.map(\.power), ["-2", "-5/2", "-3", "-7/2", "-4", "-9/2"])
        let expected = ["-3/4", "-9", "-81/2", "-81", "-243/4", "0"]
        XCTAssertEqual(series.terms.map(\.closedFormText), expected)
        for (term, text) in zip(series.terms, expected) where text != "0" {
            XCTAssertEqual(term.digits, 25, term.power)
            let exact = try CheckExpression(parsing: text).evaluate(d: nil, precision: 200)
            XCTAssertEqual(term.coefficient?.decimal, exact.formatted(significantDigits: 25), term.power)
        }
    }

    /// Coefficients in the default basis: x = (1/2 - 2/pi^2) d^(-1) + (sqrt(2)/pi) d^(-3/2),
    /// recovered from their values alone.
    func testClosedFormsInTheDefaultBasis() throws {
        let system = try CubicBranch.finite([(2, "1/2 - 2/pi^2"), (3, "sqrt(2)/pi")])
        let series = try AsymptoticSeries.expand(
            system, observable: system.coordinate, seed: decimals("0.03"), seedD: decimal("10"), settings: try settings(terms: 3, digits: 30))
        XCTAssertEqual(series.terms.map(\.power), ["-1", "-3/2", "-2"])
        XCTAssertEqual(series.terms.map(\.closedFormText), ["1/2 - 2/pi^2", "sqrt(2)/pi", "0"])
        for term in series.terms.prefix(2) {
            XCTAssertEqual(term.digits, 30)
            let residual = try XCTUnwrap(term.residual)
            XCTAssertLessThan(residual, try BigFloat(parsing: "1e-40", precision: 64), term.power)
        }
    }

    /// A coefficient outside the basis (1/pi^3) gets no closed form from the default basis and
    /// the right one when the basis has it.
    func testCoefficientOutsideTheBasis() throws {
        let system = try CubicBranch.finite([(1, "1"), (2, "5/pi^3")])
        let standard = try AsymptoticSeries.expand(
            system, observable: system.coordinate, seed: decimals("0.3"), seedD: decimal("10"), settings: try settings(terms: 2, digits: 30))
        XCTAssertEqual(standard.terms[1].digits, 30)
        XCTAssertNil(standard.terms[1].closedForm)
        let wider = try AsymptoticSeries.expand(
            system, observable: system.coordinate, seed: decimals("0.3"), seedD: decimal("10"),
            settings: try settings(terms: 2, digits: 30, basis: ["1", "1/pi", "1/pi^2", "1/pi^3"]))
        XCTAssertEqual(wider.terms.map(\.closedFormText), ["1", "5/pi^3"])
    }

    /// x = h/(1 - h), h = d^(-1/2), so L = -3/4 h^4 (1 - h)^-4 = -3/4 sum C(k+3, 3) h^(k+4): an
    /// expansion that never ends. Up to d = 10^30 every coefficient is recovered; a ladder that
    /// stops at 10^8 proves fewer digits, and every digit it prints is right.
    func testEndlessExpansionAndAShortLadder() throws {
        let system = CubicBranch.geometric()
        let exact = ["-3/4", "-3", "-15/2", "-15", "-105/4"]
        let full = try AsymptoticSeries.expand(
            system, observable: system.loss, seed: decimals("0.5"), seedD: decimal("10"), settings: try settings(terms: 5, digits: 30))
        XCTAssertEqual(full.terms.map(\.closedFormText), exact)
        XCTAssertEqual(full.terms.map(\.digits), [30, 30, 30, 30, 30])

        var short = try settings(terms: 5, digits: 40)
        short.topExponent = 8
        let series = try AsymptoticSeries.expand(system, observable: system.loss, seed: decimals("0.5"), seedD: decimal("10"), settings: short)
        XCTAssertEqual(series.terms.count, 5)
        for (term, text) in zip(series.terms, exact) {
            XCTAssertLessThan(term.digits, 40, term.power)
            guard let shown = term.coefficient?.decimal else { continue }
            let value = try CheckExpression(parsing: text).evaluate(d: nil, precision: 200)
            XCTAssertEqual(shown, value.formatted(significantDigits: term.digits), "printed digits must all be right")
        }
        XCTAssertGreaterThan(series.terms[0].digits, 5)
    }

    func testTooFewRungsForTheTerms() throws {
        let system = try CubicBranch.example()
        var settings = try settings(terms: 6, digits: 20)
        settings.topExponent = 6
        XCTAssertThrowsError(try AsymptoticSeries.expand(system, observable: system.loss, seed: decimals("0.6"), seedD: decimal("10"), settings: settings)) {
            XCTAssertTrue("\($0)".contains("powers of ten"), "\($0)")
        }
    }
}
