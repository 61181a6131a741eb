import Continuation
import LinearAlgebra
import MultiPrecision
import XCTest

/// The default psi^T F_yy (forward mode through the problem's generic evaluation) against the
/// second derivatives of ``CrossingCurves`` written out by hand: with P = x1 - lambda^2 + 1 and
/// Q = x1 - lambda, F1 = P Q has F1_x1x1 = 2, F1_x1lambda = -1 - 2 lambda,
/// F1_lambdalambda = 4 lambda - 2 Q, and F2 = x2 - x1 lambda has F2_x1lambda = -1.
final class SecondDerivativeTests: XCTestCase {
    func testDefaultIsTheHandWrittenSecondDerivative() throws {
        let p = 200
        let c = { (v: Double) in BigFloat(v, precision: p) }
        let (x1, x2, lambda) = (c(0.3), c(-0.7), c(1.1))
        let psi = [c(0.6), c(-0.8)]
        let second = try CrossingCurves().secondDerivative([x1, x2], parameter: lambda, weightedBy: psi)
        let zero = c(0)
        let mixed = psi[0] * (c(-1) - c(2) * lambda) - psi[1]
        let expected = [
            [psi[0] * c(2), zero, mixed],
            [zero, zero, zero],
            [mixed, zero, psi[0] * (c(4) * lambda - c(2) * (x1 - lambda))],
        ]
        let tolerance = BigFloat.epsilon(precision: p) * c(8)
        for j in 0..<3 {
            for l in 0..<3 {
                XCTAssertLessThanOrEqual((second[j, l] - expected[j][l]).magnitude, tolerance, "entry (\(j), \(l))")
            }
        }
    }
}
