import BruteForce
import LinearAlgebra
import MultiPrecision
import XCTest
import _TestSupport

/// The full-space Hessian where rows are parallel or anti-parallel (to each other or to a
/// teacher row), which docs/design.md section 1 gives by limits: checked against difference
/// quotients of the gradient, which only uses first derivatives and generic angles, and
/// against the published smallest eigenvalue at the global minimum.
final class ParallelRowsTests: XCTestCase {
    /// Points with a parallel or anti-parallel pair, each named.
    static func points() -> [(String, Matrix<Double>)] {
        let w = randomWeights(k: 4, d: 4, seed: 21, diagonal: 1)
        func with(_ row: Int, _ values: (Int) -> Double) -> Matrix<Double> {
            var m = w
            for j in 0..<4 { m[row, j] = values(j) }
            return m
        }
        return [
            ("W = I", Matrix<Double>.identity(4, precision: 53)),
            ("row 2 = 3 row 0", with(2) { 3 * w[0, $0] }),
            ("row 2 = row 0", with(2) { w[0, $0] }),
            ("row 2 = -0.5 row 0", with(2) { -0.5 * w[0, $0] }),
            ("row 1 = -2 e_3", with(1) { $0 == 3 ? -2 : 0 }),
            ("row 1 = 0.7 e_0", with(1) { $0 == 0 ? 0.7 : 0 }),
        ]
    }

    /// (grad L(W0 + eps E) - grad L(W0)) / eps -> H(W0) E. The loss is C^2 with a Lipschitz
    /// Hessian there (not C^3), so the error is O(eps), and the quotient must approach the
    /// limit the Hessian reports, not just stay bounded.
    func testGradientDifferencesConvergeLinearlyToTheHessian() throws {
        var rng = SeededGenerator(seed: 5)
        for (name, w0) in Self.points() {
            let network = FullSpaceNetwork(weights: w0)
            let hessian = try network.hessian()
            let g0 = network.gradient.elements
            let n = w0.elements.count
            for sign in [1.0, -1.0] {
                let e = (0..<n).map { _ in sign * rng.uniform(-1, 1) }
                let he = (0..<n).map { p in (0..<n).reduce(0.0) { $0 + hessian[p, $1] * e[$1] } }
                var errors: [Double] = []
                for eps in [1e-2, 1e-3, 1e-4, 1e-5] {
                    var moved = w0
                    for p in 0..<n { moved.elements[p] += eps * e[p] }
                    let g = FullSpaceNetwork(weights: moved).gradient.elements
                    errors.append((0..<n).map { abs((g[$0] - g0[$0]) / eps - he[$0]) }.max() ?? .infinity)
                }
                // Linear: error / eps bounded (rounding adds about 1e-16 / eps), and small.
                let rate = errors[0] / 1e-2
                for (k, eps) in [1e-2, 1e-3, 1e-4, 1e-5].enumerated() {
                    XCTAssertLessThanOrEqual(errors[k], 2 * rate * eps + 1e-15 / eps, "\(name): errors \(errors)")
                }
                XCTAssertLessThan(errors[3], 1e-4, "\(name): errors \(errors)")
            }
        }
    }

    /// Near a parallel pair the Hessian moves continuously into its limit: no 1/sin theta
    /// left in the formulas (an angle of 1e-12 would amplify rounding to 1e-4).
    func testHessianIsContinuousIntoTheLimit() throws {
        var rng = SeededGenerator(seed: 6)
        for (name, w0) in Self.points() {
            let limit = try FullSpaceNetwork(weights: w0).hessian()
            for delta in [1e-8, 1e-12] {
                var moved = w0
                for p in moved.elements.indices { moved.elements[p] += delta * rng.uniform(-1, 1) }
                let near = try FullSpaceNetwork(weights: moved).hessian()
                let gap = zip(near.elements, limit.elements).map { abs($0 - $1) }.max() ?? .infinity
                XCTAssertLessThan(gap, 1e-7, "\(name) moved by \(delta)")
            }
        }
    }

    /// At W = V (k = d) the smallest Hessian eigenvalue is 1/4 - 1/(2 pi) = 0.0908450569081...
    /// for every d: the published minima data list 0.0908450569081 for k = d = 6..100.
    func testSmallestEigenvalueAtTheGlobalMinimum() throws {
        for d in 3...9 {
            let spectrum = try FullSpaceNetwork(weights: Matrix<Double>.identity(d, precision: 53)).spectrum()
            let smallest = try XCTUnwrap(spectrum.first).value
            XCTAssertEqual(smallest, 0.25 - 1 / (2 * Double.pi), accuracy: 1e-13, "d = \(d)")
            XCTAssertEqual(String(format: "%.13f", smallest), "0.0908450569081", "d = \(d)")
        }
    }
}
