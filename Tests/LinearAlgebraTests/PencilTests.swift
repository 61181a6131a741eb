import LinearAlgebra
import MultiPrecision
import XCTest

final class PencilTests: XCTestCase {
    /// H = D A D and M = D^2: H v = lambda M v exactly when A (D v) = lambda (D v), so the pencil
    /// has the closed-form spectrum of the second-difference matrix A.
    private func checkScaled<S: Scalar>(
        _: S.Type, precision: Int, metricPrecision: Int, tolerance: Double
    ) throws {
        let scales: [Int] = [1, 2, 3, 1, 2, 3, 5]
        let n = scales.count
        let a: Matrix<S> = secondDifference(n, precision: precision)
        var h = a
        for i in 0..<n {
            for j in 0..<n { h[i, j] = S(scales[i]) * a[i, j] * S(scales[j]) }
        }
        // Integer weights may come at fewer bits than H; the square roots must not inherit that.
        let metric = scales.map { S($0 * $0, precision: metricPrecision) }
        let pencil = try pencilEigendecomposition(h: h, metric: metric)
        // The eigenvalues alone are the same bits.
        let alone = try pencilEigenvalues(h: h, metric: metric)
        XCTAssertTrue(alone.count == n && zip(alone, pencil.values).allSatisfy { $0.isIdentical(to: $1) })
        let expected: [S] = secondDifferenceEigenvalues(n, precision: precision)
        XCTAssertLessThan(maxAbsDifference(pencil.values, expected), S(tolerance))
        XCTAssertLessThan(
            eigenResidual(h, values: pencil.values, vectors: pencil.vectors, metric: metric), S(tolerance))
        XCTAssertLessThan(orthonormalityDefect(columns(of: pencil.vectors), metric: metric), S(tolerance))
    }

    func testScaledSecondDifferenceInDouble() throws {
        try checkScaled(Double.self, precision: 53, metricPrecision: 53, tolerance: 1e-13)
    }

    func testScaledSecondDifferenceAt256Bits() throws {
        try checkScaled(BigFloat.self, precision: 256, metricPrecision: 64, tolerance: 1e-70)
    }

    func testNonPositiveMetricThrows() {
        let h = Matrix<Double>.identity(3, precision: 53)
        assertThrows(.nonPositiveMetric(index: 1)) { try pencilEigendecomposition(h: h, metric: [1, 0, 2]) }
        assertThrows(.nonPositiveMetric(index: 1)) { try pencilEigenvalues(h: h, metric: [1, 0, 2]) }
        assertThrows(.nonPositiveMetric(index: 2)) { try pencilEigendecomposition(h: h, metric: [1, 2, -1]) }
        assertThrows(.dimensionMismatch("pencil of a 3x3 matrix and 2 weights")) {
            try pencilEigendecomposition(h: h, metric: [1, 2])
        }
    }
}
