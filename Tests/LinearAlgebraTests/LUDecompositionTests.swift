import LinearAlgebra
import MultiPrecision
import XCTest

final class LUDecompositionTests: XCTestCase {
    /// A random matrix plus 4 I: its diagonal dominates enough to be well conditioned.
    private func wellConditioned<S: Scalar>(_ n: Int, precision: Int, seed: UInt64) -> (Matrix<S>, [S]) {
        var random = LinearCongruentialGenerator(state: seed)
        var a: Matrix<S> = random.matrix(n, precision: precision)
        for i in 0..<n { a[i, i] += S(4, precision: precision) }
        return (a, random.vector(n, precision: precision))
    }

    private func checkResidual<S: Scalar>(_: S.Type, precision: Int, tolerance: Double) throws {
        let (a, b): (Matrix<S>, [S]) = wellConditioned(10, precision: precision, seed: 7)
        let x = try solveLinearSystem(a, b)
        XCTAssertLessThan(maxAbsDifference(product(a, x), b), S(tolerance))
        XCTAssertEqual(x.map(\.precision), Array(repeating: precision, count: 10))
    }

    func testSolveResidualInDouble() throws {
        try checkResidual(Double.self, precision: 53, tolerance: 1e-14)
    }

    func testSolveResidualAt256Bits() throws {
        try checkResidual(BigFloat.self, precision: 256, tolerance: 1e-74)
    }

    /// An integer system with a known integer solution, which needs row exchanges.
    func testSolveRecoversKnownSolution() throws {
        let a = Matrix<Double>([[0, 2, 1, 0], [1, 1, 0, 3], [4, 0, 1, 1], [2, -1, 3, 0]])
        let expected: [Double] = [1, -2, 3, 5]
        let b = product(a, expected)  // exact: small integers
        XCTAssertLessThan(maxAbsDifference(try solveLinearSystem(a, b), expected), 1e-14)
    }

    /// det of the Vandermonde matrix (x_i^j) is prod_{i<j} (x_j - x_i).
    private func checkVandermonde<S: Scalar>(_: S.Type, precision: Int, tolerance: Double) throws {
        let nodes: [Double] = [0.5, -1, 2, 3, -2.5]
        let a = Matrix<S>(nodes.map { x in (0..<nodes.count).map { S(pow(x, Double($0)), precision: precision) } })
        var expected = S(1, precision: precision)
        for i in nodes.indices {
            for j in (i + 1)..<nodes.count { expected *= S(nodes[j] - nodes[i], precision: precision) }
        }
        let determinant = try LUDecomposition(a).determinant
        XCTAssertLessThan(((determinant - expected) / expected).magnitude, S(tolerance))
    }

    func testVandermondeDeterminant() throws {
        try checkVandermonde(Double.self, precision: 53, tolerance: 1e-14)
        try checkVandermonde(BigFloat.self, precision: 256, tolerance: 1e-74)
    }

    /// Rows of the upper triangular U = [[2,1,7],[0,3,4],[0,0,5]] (det 30) in another order:
    /// a 3-cycle keeps the sign, a single exchange flips it.
    func testDeterminantSignOfRowPermutation() throws {
        let cycled = Matrix<Double>([[0, 0, 5], [2, 1, 7], [0, 3, 4]])
        XCTAssertEqual(try LUDecomposition(cycled).determinant, 30, accuracy: 1e-13)
        let exchanged = Matrix<Double>([[0, 3, 4], [2, 1, 7], [0, 0, 5]])
        XCTAssertEqual(try LUDecomposition(exchanged).determinant, -30, accuracy: 1e-13)
    }

    func testRankDeficientMatrixIsSingular() {
        let small = [[1.0, 2, 3], [4, 5, 6], [5, 7, 9]]  // row 3 = row 1 + row 2
        assertThrows(.singular(column: 2)) { try LUDecomposition(Matrix<Double>(small)) }
        assertThrows(.singular(column: 2)) {
            try LUDecomposition(Matrix(small.map { $0.map { BigFloat($0, precision: 256) } }))
        }

        var random = LinearCongruentialGenerator(state: 11)
        var rows = (0..<6).map { _ in (0..<6).map { _ in random.next() } }
        rows[2] = zip(rows[0], rows[1]).map { $0 + $1 }
        assertThrows(.singular(column: 5)) { try LUDecomposition(Matrix<Double>(rows)) }
        assertThrows(.singular(column: 5)) {
            try solveLinearSystem(Matrix(rows.map { $0.map { BigFloat($0, precision: 200) } }),
                                  (0..<6).map { BigFloat($0) })
        }
        assertThrows(.singular(column: 0)) { try LUDecomposition(Matrix<Double>(rows: 3, columns: 3, repeating: 0)) }
    }

    func testShapeErrors() {
        assertThrows(.dimensionMismatch("LU decomposition of a 2x3 matrix")) {
            try LUDecomposition(Matrix<Double>([[1, 2, 3], [4, 5, 6]]))
        }
        assertThrows(.dimensionMismatch("right-hand side of length 3 for a 2x2 system")) {
            try solveLinearSystem(Matrix<Double>([[1, 2], [3, 4]]), [1, 2, 3])
        }
        XCTAssertThrowsError(try LUDecomposition(Matrix<Double>([[1, .nan], [0, 1]]))) { error in
            XCTAssertEqual(error as? ScalarError, .notFinite("an entry of the matrix to factor"))
        }
    }
}
