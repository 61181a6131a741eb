import Asymptotics
import LossModel
import MultiPrecision
import XCTest

/// PSLQ on relations known from mathematics, with inputs computed by routes that know nothing
/// of the relation; and on random constants, where nothing may be reported.
final class PSLQTests: XCTestCase {
    let bits = 400

    /// zeta(2) = 3 sum_{n>=1} 1 / (n^2 binom(2n, n)), a series with ratio about 1/4 that never
    /// mentions pi (Euler's pi^2/6 is what PSLQ must find).
    func zeta2() -> BigFloat {
        var sum = BigFloat(0, precision: bits)
        var binomial = BigFloat(1, precision: bits)
        for n in 1...300 {
            binomial = binomial * BigFloat(2 * (2 * n - 1), precision: bits) / BigFloat(n, precision: bits)
            sum += 1 / (BigFloat(n * n, precision: bits) * binomial)
        }
        return 3 * sum
    }

    func testZeta2IsPiSquaredOverSix() throws {
        let pi = BigFloat.pi(precision: bits)
        let relation = try XCTUnwrap(try PSLQ.relation(among: [zeta2(), pi * pi], digits: 100, maxNorm: 1e12))
        XCTAssertTrue(relation == [6, -1] || relation == [-6, 1], "\(relation)")
        // Among more constants, only the true relation.
        let wider = try XCTUnwrap(try PSLQ.relation(among: [zeta2(), 1, pi, pi * pi, try BigFloat.sqrt(pi)], digits: 100, maxNorm: 1e12))
        XCTAssertEqual(wider.map(\.magnitude), [6, 0, 0, 1, 0])
    }

    func testZeta2ClosedForm() throws {
        let form = try XCTUnwrap(try ClosedFormSearch.find(zeta2(), provedDigits: 60, basis: try ClosedFormBasis(["1", "pi", "pi^2"])))
        XCTAssertEqual(form.text, "pi^2/6")
        XCTAssertLessThan(form.residual, try BigFloat(parsing: "1e-100", precision: 64))
    }

    /// Machin: pi/4 = 4 atan(1/5) - atan(1/239).
    func testMachinsFormula() throws {
        let one = BigFloat(1, precision: bits)
        let x = [BigFloat.pi(precision: bits), BigFloat.atan(one / 5), BigFloat.atan(one / 239)]
        let relation = try XCTUnwrap(try PSLQ.relation(among: x, digits: 100, maxNorm: 1e12))
        XCTAssertTrue(relation == [1, -16, 4] || relation == [-1, 16, -4], "\(relation)")
    }

    /// Constants built from basis elements by hand come back in the same form.
    func testClosedFormsOfConstructedCoefficients() throws {
        let cases: [(value: String, basis: [String], text: String)] = [
            ("1/2 - 2/pi^2", ClosedFormBasis.defaultTexts, "1/2 - 2/pi^2"),
            ("-32/(3*pi^4)", ["1", "1/pi^4"], "-32/(3*pi^4)"),
            ("0.6*sqrt(2)/pi - 7", ClosedFormBasis.defaultTexts, "-7 + 3*sqrt(2)/(5*pi)"),
            ("(5 - 11*sqrt(2)/sqrt(pi))/pi", ClosedFormBasis.defaultTexts, "5/pi - 11*sqrt(2)/pi^(3/2)"),
        ]
        for (value, basis, text) in cases {
            let c = try CheckExpression(parsing: value).evaluate(d: nil, precision: bits)
            let form = try XCTUnwrap(try ClosedFormSearch.find(c, provedDigits: 40, basis: try ClosedFormBasis(basis)), value)
            XCTAssertEqual(form.text, text)
            // The text is --check syntax and has the value.
            let back = try CheckExpression(parsing: form.text).evaluate(d: nil, precision: bits)
            XCTAssertLessThan((back - c).magnitude, try BigFloat(parsing: "1e-100", precision: 64), text)
        }
    }

    /// Random 50-digit constants against the default basis and a wider one: no relation may be
    /// reported, whatever PSLQ meets.
    func testRandomConstantsHaveNoClosedForm() throws {
        var generator = SplitMix64(seed: 20_261_125)
        let bases = [try ClosedFormBasis.standard(), try ClosedFormBasis((0...10).map { "1/pi^\($0)" })]
        for _ in 0..<20 {
            let digits = (0..<50).map { _ in String(generator.next() % 10) }.joined()
            let c = try BigFloat(parsing: "0.\(digits)", precision: bits)
            for basis in bases {
                XCTAssertNil(try ClosedFormSearch.find(c, provedDigits: 40, basis: basis), "0.\(digits)")
            }
        }
    }

    /// Too few digits for any credible relation: even a true one is not claimed.
    func testTooFewDigitsClaimNothing() throws {
        let c = try CheckExpression(parsing: "1/2 - 2/pi^2").evaluate(d: nil, precision: bits)
        XCTAssertNil(try ClosedFormSearch.find(c, provedDigits: 8, basis: try ClosedFormBasis.standard()))
    }

    func testBasisDependence() throws {
        XCTAssertNil(try ClosedFormBasis.standard().dependence())
        let dependent = try ClosedFormBasis(list: "1, 1/pi, (2 + pi)/pi")
        let relation = try XCTUnwrap(try dependent.dependence())
        XCTAssertTrue(relation.contains("(2 + pi)/pi"), relation)
        XCTAssertThrowsError(try ClosedFormBasis(["1", "1/d"])) { XCTAssertTrue("\($0)".contains("depends on d"), "\($0)") }
    }
}
