import LossModel
import XCTest

/// Sums of multiplicities, checked against the polynomials multiplied out by hand.
final class CountSumTests: XCTestCase {
    func testSumsPrintAsPolynomials() {
        let d1 = AffineSize(slope: 1, offset: -1), d2 = AffineSize(slope: 1, offset: -2), d3 = AffineSize(slope: 1, offset: -3)
        // (d-1)(d-2)/2 + (d-1) = (d^2 - d)/2
        XCTAssertEqual((CountSum(.product(d1, d2, over: 2)) + CountSum(.product(d1))).description, "(d^2 - d)/2")
        // d(d-3)/2 + (d-1) + 1 = (d^2 - d)/2
        XCTAssertEqual((CountSum(.product(.d, d3, over: 2)) + CountSum(.product(d1)) + CountSum(CountPolynomial(1))).description, "(d^2 - d)/2")
        // 2(d-1) + (d-2) = 3d - 4
        XCTAssertEqual((CountSum(CountPolynomial(2, factors: [d1])) + CountSum(.product(d2))).description, "3d - 4")
        XCTAssertEqual((CountSum(.product(d1)) + CountSum(-CountPolynomial(1, factors: [d1]))).description, "0")
        XCTAssertEqual(CountSum(.product(.d, over: 2)).description, "d/2")
        XCTAssertEqual((CountSum(.product(d1, d2, over: 2)) + CountSum(.product(d1))).value(at: 7.5), 6.5 * 7.5 / 2, accuracy: 1e-12)
    }
}
