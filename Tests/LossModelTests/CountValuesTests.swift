@testable import LossModel
import MultiPrecision
import XCTest

/// ``CountValues``: the counts of a reduced loss evaluated once for many points at one d. With
/// them every Hessian must be the bits of the plain evaluation; counts of another d (or of the
/// same d at another precision) must be ignored, not misused.
final class CountValuesTests: XCTestCase {
    func testCountsAtThisDChangeNoBitAndOthersAreIgnored() throws {
        var points = TestPoints(seed: 21)
        for text in ["d-1,1", "d-2,1,1", "d-3,2,1"] {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let x = points.point(names: loss.space.names)
            for includingD in [false, true] {
                let plain = try loss.hessian(at: x, d: 8.5, includingD: includingD)
                for counts in [loss.counts.values(at: 8.5), loss.counts.values(at: 9.0)] {
                    let given = try loss.hessian(at: x, d: 8.5, includingD: includingD, counts: counts)
                    XCTAssertEqual(given.value.bitPattern, plain.value.bitPattern, text)
                    XCTAssertEqual(given.gradient.map(\.bitPattern), plain.gradient.map(\.bitPattern), text)
                    XCTAssertEqual(given.hessian.elements.map(\.bitPattern), plain.hessian.elements.map(\.bitPattern), text)
                }
            }
            // In MPFR: counts at 100 bits are not those of a 200-bit point.
            let precise = x.map { BigFloat($0, precision: 200) }
            let d = BigFloat(8.5, precision: 200)
            let plain = try loss.hessian(at: precise, d: d, includingD: true)
            let coarse = try loss.hessian(at: precise, d: d, includingD: true, counts: loss.counts.values(at: BigFloat(8.5, precision: 100)))
            XCTAssertTrue(zip(plain.hessian.elements, coarse.hessian.elements).allSatisfy { $0.isIdentical(to: $1) }, text)
            XCTAssertTrue(zip(plain.gradient, coarse.gradient).allSatisfy { $0.isIdentical(to: $1) }, text)
        }
    }

    /// Each distinct count has one slot, and every term's slot holds its own polynomial.
    func testSlotsHoldTheirTermsPolynomials() throws {
        let loss = ReducedLoss(FixedSpace(try Partition(parsing: "d-2,2")))
        let polynomials = loss.counts.polynomials
        XCTAssertEqual(Set(polynomials).count, polynomials.count, "one slot per polynomial")
        for term in loss.kernelTerms {
            XCTAssertEqual(polynomials[term.weightSlot], term.weight)
            for form in [term.a, term.b, term.p].compactMap({ $0 }) {
                for t in form.terms { XCTAssertEqual(polynomials[t.slot], t.coefficient) }
            }
        }
        for f in loss.forms { for t in f.terms { XCTAssertEqual(polynomials[t.slot], t.coefficient) } }
    }
}
