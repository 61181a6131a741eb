import BruteForce
import Foundation
import LinearAlgebra
import MultiPrecision
import XCTest
import _TestSupport

final class FullSpaceNetworkTests: XCTestCase {
    func testTeacherIsGlobalMinimumWithZeroGradient() {
        for d in [1, 3, 7] {
            let network = FullSpaceNetwork(weights: Matrix<Double>.identity(d, precision: 53))
            XCTAssertEqual(network.loss, 0, accuracy: 1e-13, "d = \(d)")
            XCTAssertLessThan(maxAbs(network.gradient.elements), 1e-15, "d = \(d)")
        }
    }

    /// W = I, every row parallel to its teacher row and orthogonal to the others: by the
    /// limits of docs/design.md section 1, d2f/dw2 = 0 for the parallel teacher pair, and for an
    /// orthogonal pair (theta = pi/2, n = the partner) d2f/dw2 = (I - wb wb^T + vb vb^T) / (2 pi)
    /// and d2f/dw dv = I/4 + (wb vb^T + vb wb^T) / (2 pi). Student and teacher terms of the
    /// diagonal block cancel but for the self term, so the Hessian is I/2 on the diagonal
    /// blocks and I/4 + (e_i e_i'^T + e_i' e_i^T) / (2 pi) off them.
    func testHessianAtTheTeacherIsTheClosedForm() throws {
        for d in [1, 3, 5] {
            let network = FullSpaceNetwork(weights: Matrix<Double>.identity(d, precision: 53))
            XCTAssertNil(network.singularity())
            let hessian = try network.hessian()
            for i in 0..<d {
                for i2 in 0..<d {
                    for a in 0..<d {
                        for b in 0..<d {
                            let expected = i == i2
                                ? (a == b ? 0.5 : 0)
                                : (a == b ? 0.25 : 0) + ((a == i && b == i2) || (a == i2 && b == i) ? 1 / (2 * Double.pi) : 0)
                            XCTAssertEqual(hessian[i * d + a, i2 * d + b], expected, accuracy: 1e-15, "d = \(d), block (\(i), \(i2)), (\(a), \(b))")
                        }
                    }
                }
            }
        }
    }

    func testOnlyZeroRowsAreSingular() throws {
        var w = randomWeights(k: 3, d: 4, seed: 11, diagonal: 1)
        XCTAssertNil(FullSpaceNetwork(weights: w).singularity())
        var zero = w
        for j in 0..<4 { zero[1, j] = 0 }
        XCTAssertEqual(FullSpaceNetwork(weights: zero).singularity()?.hasPrefix("row 1 is zero"), true)
        XCTAssertThrowsError(try FullSpaceNetwork(weights: zero).hessian()) { error in
            guard case let BruteForceError.singular(what) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(what.contains("zero"), what)
        }
        var parallel = w
        for scale in [3.0, 1.0, -0.5] {
            for j in 0..<4 { parallel[2, j] = scale * w[0, j] }
            XCTAssertNil(FullSpaceNetwork(weights: parallel).singularity(), "scale \(scale)")
            let hessian = try FullSpaceNetwork(weights: parallel).hessian()
            XCTAssertTrue(hessian.elements.allSatisfy(\.isFinite))
            XCTAssertEqual(hessian, hessian.transposed())
        }
        for j in 0..<4 { w[1, j] = j == 3 ? -2 : 0 }
        XCTAssertNil(FullSpaceNetwork(weights: w).singularity(), "a row anti-parallel to a teacher row")
        XCTAssertTrue(try FullSpaceNetwork(weights: w).hessian().elements.allSatisfy(\.isFinite))
    }

    /// L(0) = 1/2 E[(sum_j relu(x_j))^2] = 1/2 (d E[relu(z)^2] + d(d-1) E[relu(z)]^2) with
    /// E[relu(z)^2] = 1/2 and E[relu(z)] = 1/sqrt(2 pi): d/4 + d(d-1)/(4 pi), the teacher
    /// constant of docs/design.md section 1 with its factor 1/2.
    func testLossNearZeroTendsToTeacherConstant() {
        for d in [1, 2, 5, 10] {
            let dd = Double(d)
            let expected = 0.5 * (dd * 0.5 + dd * (dd - 1) * (1 / (2 * Double.pi)))
            var tiny = Matrix<Double>.identity(d, precision: 53)
            tiny.elements = tiny.elements.map { $0 * 1e-9 }
            XCTAssertEqual(FullSpaceNetwork(weights: tiny).loss, expected, accuracy: 1e-7, "d = \(d)")
            let zero = FullSpaceNetwork(weights: Matrix(rows: d, columns: d, repeating: 0))
            XCTAssertNotNil(zero.singularity())
            XCTAssertThrowsError(try zero.hessian())
        }
    }

    /// The closed-form kernel against a plain Monte Carlo estimate of
    /// 1/2 E[(sum_i relu(w_i . x) - sum_j relu(x_j))^2], within five standard errors.
    func testLossAgainstMonteCarlo() {
        let k = 5, d = 4
        let w = randomWeights(k: k, d: d, seed: 3)
        var rng = SeededGenerator(seed: 99)
        let samples = 200_000
        var sum = 0.0, sumSquares = 0.0
        var x = [Double](repeating: 0, count: d)
        for _ in 0..<samples {
            for j in 0..<d { x[j] = rng.normal() }
            var output = 0.0
            for i in 0..<k {
                var s = 0.0
                for j in 0..<d { s += w.elements[i * d + j] * x[j] }
                output += max(0, s)
            }
            for j in 0..<d { output -= max(0, x[j]) }
            let term = 0.5 * output * output
            sum += term
            sumSquares += term * term
        }
        let mean = sum / Double(samples)
        let standardError = ((sumSquares / Double(samples) - mean * mean) / Double(samples)).squareRoot()
        XCTAssertEqual(FullSpaceNetwork(weights: w).loss, mean, accuracy: 5 * standardError)
    }

    func testGradientAgainstFiniteDifferences() {
        for (k, d, seed) in [(4, 4, UInt64(1)), (5, 4, UInt64(2)), (3, 5, UInt64(5))] {
            let w = randomWeights(k: k, d: d, seed: seed)
            XCTAssertNil(FullSpaceNetwork(weights: w).singularity())
            let gradient = FullSpaceNetwork(weights: w).gradient
            let h = 1e-5
            for p in 0..<(k * d) {
                var plus = w, minus = w
                plus.elements[p] += h
                minus.elements[p] -= h
                let difference = (FullSpaceNetwork(weights: plus).loss - FullSpaceNetwork(weights: minus).loss) / (2 * h)
                XCTAssertEqual(gradient.elements[p], difference, accuracy: 1e-8, "k = \(k), d = \(d), entry \(p)")
            }
        }
    }

    func testHessianAgainstFiniteDifferencesAndSymmetric() throws {
        for (k, d, seed) in [(4, 4, UInt64(1)), (5, 4, UInt64(2)), (3, 5, UInt64(5))] {
            let w = randomWeights(k: k, d: d, seed: seed)
            let hessian = try FullSpaceNetwork(weights: w).hessian()
            let n = k * d
            XCTAssertEqual(hessian.rows, n)
            XCTAssertEqual(hessian.columns, n)
            XCTAssertEqual(hessian, hessian.transposed(), "exactly symmetric, k = \(k), d = \(d)")
            let h = 1e-5
            for q in 0..<n {
                var plus = w, minus = w
                plus.elements[q] += h
                minus.elements[q] -= h
                let gPlus = FullSpaceNetwork(weights: plus).gradient.elements
                let gMinus = FullSpaceNetwork(weights: minus).gradient.elements
                for p in 0..<n {
                    let difference = (gPlus[p] - gMinus[p]) / (2 * h)
                    XCTAssertEqual(hessian[p, q], difference, accuracy: 1e-7 * max(1, abs(difference)),
                                   "k = \(k), d = \(d), entry (\(p), \(q))")
                }
            }
        }
    }

    /// At a zero row the gradient is the mean over directions of approach: each partner v
    /// contributes grad_w f(0, v) = v / 4, so row i is (sum_{i' != i} w_i' - sum_j e_j) / 4.
    func testGradientAtZeroRowIsDirectionMean() {
        let k = 3, d = 3
        var w = randomWeights(k: k, d: d, seed: 8)
        for j in 0..<d { w[0, j] = 0 }
        let network = FullSpaceNetwork(weights: w)
        XCTAssertTrue(network.loss.isFinite)
        for j in 0..<d {
            let expected = (w[1, j] + w[2, j] - 1) / 4
            XCTAssertEqual(network.gradient[0, j], expected, accuracy: 1e-15)
        }
    }
}
