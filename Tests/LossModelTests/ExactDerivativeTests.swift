import LossModel
import MultiPrecision
import XCTest

/// Exact derivatives against fourth-order central differences at 300 bits: with h = 1e-18 the
/// truncation error (h^4) and the rounding error (2^-300 / h) are both near 1e-72.
final class ExactDerivativeTests: XCTestCase {
    let bits = 300

    func big(_ x: Double) -> BigFloat { BigFloat(x, precision: bits) }

    func centralDifference(_ f: (BigFloat) throws -> BigFloat, at t: BigFloat) throws -> BigFloat {
        let h = try BigFloat(parsing: "1e-18", precision: bits)
        let two = h * BigFloat(2)
        return (try f(t - two) - (try f(t + two)) + BigFloat(8) * (try f(t + h) - (try f(t - h)))) / (BigFloat(12) * h)
    }

    func testGradientAndHessianInXAndD() throws {
        var points = TestPoints(seed: 4)
        for text in ["d-1,1", "d-2,2", "d-1,1,1r"] {
            let loss = ReducedLoss(FixedSpace(try Partition(parsing: text)))
            let x = points.point(names: loss.space.names).map(big)
            let d = big(7.25)  // fractional on purpose
            let exact = try loss.hessian(at: x, d: d, includingD: true)
            let hessian = exact.hessian
            let n = x.count
            let tolerance = try BigFloat(parsing: "1e-60", precision: bits)
            for i in 0...n {
                // Moves coordinate i of (x, d) to t.
                func at(_ t: BigFloat) -> ([BigFloat], BigFloat) {
                    i == n ? (x, t) : (x.enumerated().map { $0.offset == i ? t : $0.element }, d)
                }
                let t0 = i == n ? d : x[i]
                let slope = try centralDifference({ t in let (y, e) = at(t); return try loss.value(at: y, d: e) }, at: t0)
                XCTAssertLessThan((slope - exact.gradient[i]).magnitude, tolerance, "\(text) dL/d\(i)")
                for j in 0...n {
                    let second = try centralDifference({ t in let (y, e) = at(t); return try loss.hessian(at: y, d: e, includingD: true).gradient[j] }, at: t0)
                    XCTAssertLessThan((second - hessian[i, j]).magnitude, tolerance, "\(text) d2L/d\(i)d\(j)")
                }
            }
        }
    }
}
