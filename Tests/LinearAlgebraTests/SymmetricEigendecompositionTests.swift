import LinearAlgebra
import MultiPrecision
import XCTest

final class SymmetricEigendecompositionTests: XCTestCase {
    func testSecondDifferenceAt320Bits() throws {
        let n = 12
        let bits = 320
        let a: Matrix<BigFloat> = secondDifference(n, precision: bits)
        let decomposition = try SymmetricEigendecomposition(symmetric: a)
        let tolerance = BigFloat(1e-90)
        let expected: [BigFloat] = secondDifferenceEigenvalues(n, precision: bits)
        XCTAssertLessThan(maxAbsDifference(decomposition.values, expected), tolerance)
        XCTAssertEqual(decomposition.values.map(\.precision), Array(repeating: bits, count: n))
        XCTAssertLessThan(eigenResidual(a, values: decomposition.values, vectors: decomposition.vectors), tolerance)
        XCTAssertLessThan(orthonormalityDefect(columns(of: decomposition.vectors)), tolerance)
    }

    /// A = Q diag(lambda) Q^T with the Householder reflection Q = I - 2 u u^T / u^T u, which is
    /// symmetric and orthogonal: a dense matrix whose spectrum is known exactly, with a triple
    /// and a double eigenvalue.
    static let knownSpectrum: [Double] = [-3, -1, 0.5, 0.5, 0.5, 0.75, 2, 2, 3.25, 7]

    static func reflected<S: Scalar>(_: S.Type, precision: Int) -> Matrix<S> {
        let n = knownSpectrum.count
        var random = LinearCongruentialGenerator(state: 3)
        let u: [S] = random.vector(n, precision: precision)
        let scale = 2 / innerProduct(u, u)
        var q = Matrix<S>.identity(n, precision: precision)
        var d = Matrix(rows: n, columns: n, repeating: S(0, precision: precision))
        for i in 0..<n {
            d[i, i] = S(knownSpectrum[i], precision: precision)
            for j in 0..<n { q[i, j] -= scale * u[i] * u[j] }
        }
        return q * d * q
    }

    private func checkKnownSpectrum<S: Scalar>(_: S.Type, precision: Int, tolerance: Double) throws {
        let a = Self.reflected(S.self, precision: precision)
        let decomposition = try SymmetricEigendecomposition(symmetric: a)
        let expected = Self.knownSpectrum.map { S($0, precision: precision) }
        XCTAssertLessThan(maxAbsDifference(decomposition.values, expected), S(tolerance))
        XCTAssertLessThan(eigenResidual(a, values: decomposition.values, vectors: decomposition.vectors), S(tolerance))
        XCTAssertLessThan(orthonormalityDefect(columns(of: decomposition.vectors)), S(tolerance))
    }

    func testDenseKnownSpectrumWithRepeatedEigenvalues() throws {
        try checkKnownSpectrum(Double.self, precision: 53, tolerance: 1e-13)
        try checkKnownSpectrum(BigFloat.self, precision: 200, tolerance: 1e-55)
    }

    /// Only the symmetric part counts: [[2, 1], [3, 2]] acts as [[2, 2], [2, 2]], eigenvalues 0
    /// and 4 with eigenvectors (1, -1) / sqrt 2 and (1, 1) / sqrt 2.
    func testNonSymmetricInputIsSymmetrized() throws {
        let decomposition = try SymmetricEigendecomposition(symmetric: Matrix<Double>([[2, 1], [3, 2]]))
        XCTAssertEqual(decomposition.values[0], 0, accuracy: 1e-15)
        XCTAssertEqual(decomposition.values[1], 4, accuracy: 1e-15)
        let v = decomposition.vectors
        XCTAssertEqual(abs(v[0, 0] - v[1, 0]), 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(abs(v[0, 1] + v[1, 1]), 2.0.squareRoot(), accuracy: 1e-15)
    }

    func testTrivialSizes() throws {
        let empty = try SymmetricEigendecomposition(symmetric: Matrix<Double>(rows: 0, columns: 0, repeating: 0))
        XCTAssertEqual(empty.values, [])
        let single = try SymmetricEigendecomposition(symmetric: Matrix<Double>([[-2.5]]))
        XCTAssertEqual(single.values, [-2.5])
        XCTAssertEqual(single.vectors, Matrix([[1.0]]))
        let diagonal = try SymmetricEigendecomposition(symmetric: Matrix<Double>([[3, 0], [0, 1]]))
        XCTAssertEqual(diagonal.values, [1, 3])
        XCTAssertEqual(diagonal.vectors, Matrix([[0.0, 1], [1, 0]]))
    }

    func testInvalidInput() {
        assertThrows(.dimensionMismatch("eigendecomposition of a 1x2 matrix")) {
            try SymmetricEigendecomposition(symmetric: Matrix<Double>([[1, 2]]))
        }
        XCTAssertThrowsError(try SymmetricEigendecomposition(symmetric: Matrix<Double>([[1, .infinity], [0, 1]])))
    }

    /// The eigenvalues alone are the decomposition's values, bit for bit (Double and 300 bits,
    /// with repeated eigenvalues and at trivial sizes), and fail the same way.
    func testEigenvaluesAloneAreTheDecompositionsValues() throws {
        var random = LinearCongruentialGenerator(state: 41)
        var cases: [[[Double]]] = [[[2, 1, 0, 0], [1, 2, 0, 0], [0, 0, 2, 1], [0, 0, 1, 2]]]
        for n in [0, 1, 2, 5, 9] {
            var rows = (0..<n).map { _ in (0..<n).map { _ in random.next() } }
            for i in 0..<n { for j in 0..<i { rows[i][j] = rows[j][i] } }
            cases.append(rows)
        }
        for rows in cases {
            let n = rows.count
            var a = Matrix(rows: n, columns: n, repeating: 0.0)
            for i in 0..<n { for j in 0..<n { a[i, j] = rows[i][j] } }
            XCTAssertEqual(try SymmetricEigendecomposition.eigenvalues(symmetric: a), try SymmetricEigendecomposition(symmetric: a).values)
            var big = Matrix(rows: n, columns: n, repeating: BigFloat(0, precision: 300))
            for i in 0..<n { for j in 0..<n { big[i, j] = BigFloat(rows[i][j], precision: 300) / 3 } }
            let alone = try SymmetricEigendecomposition.eigenvalues(symmetric: big)
            let values = try SymmetricEigendecomposition(symmetric: big).values
            XCTAssertEqual(alone.count, values.count)
            XCTAssertTrue(zip(alone, values).allSatisfy { $0.isIdentical(to: $1) }, "n = \(n)")
        }
        assertThrows(.dimensionMismatch("eigendecomposition of a 1x2 matrix")) {
            try SymmetricEigendecomposition.eigenvalues(symmetric: Matrix<Double>([[1, 2]]))
        }
        XCTAssertThrowsError(try SymmetricEigendecomposition.eigenvalues(symmetric: Matrix<Double>([[1, .infinity], [0, 1]])))
    }
}
