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

    func testTeacherIsSingularForTheHessian() {
        let network = FullSpaceNetwork(weights: Matrix<Double>.identity(3, precision: 53))
        XCTAssertEqual(network.singularity(), "row 0 is parallel to teacher row e_0 (cos 1.0)")
        XCTAssertThrowsError(try network.hessian()) { error in
            guard case BruteForceError.singular = error else { return XCTFail("\(error)") }
        }
    }

    func testSingularities() {
        var w = randomWeights(k: 3, d: 4, seed: 11, diagonal: 1)
        XCTAssertNil(FullSpaceNetwork(weights: w).singularity())
        var zero = w
        for j in 0..<4 { zero[1, j] = 0 }
        XCTAssertEqual(FullSpaceNetwork(weights: zero).singularity()?.hasPrefix("row 1 is zero"), true)
        var parallel = w
        for j in 0..<4 { parallel[2, j] = 3 * w[0, j] }
        XCTAssertEqual(FullSpaceNetwork(weights: parallel).singularity()?.hasPrefix("rows 0 and 2 are parallel"), true)
        for j in 0..<4 { parallel[2, j] = -0.5 * w[0, j] }
        XCTAssertEqual(FullSpaceNetwork(weights: parallel).singularity()?.hasPrefix("rows 0 and 2 are anti-parallel"), true)
        XCTAssertThrowsError(try FullSpaceNetwork(weights: parallel).hessian())
        for j in 0..<4 { w[1, j] = j == 3 ? -2 : 0 }
        XCTAssertEqual(FullSpaceNetwork(weights: w).singularity()?.hasPrefix("row 1 is anti-parallel to teacher row e_3"), true)
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
