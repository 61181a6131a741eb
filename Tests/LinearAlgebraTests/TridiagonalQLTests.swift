import LinearAlgebra
import MultiPrecision
import XCTest

/// The values-only route: Householder tridiagonalization and implicit QL.
final class TridiagonalQLTests: XCTestCase {
    private func checkSecondDifference<S: Scalar>(_: S.Type, n: Int, precision: Int, tolerance: Double) throws {
        let values = try SymmetricEigendecomposition.eigenvalues(ofSymmetric: secondDifference(n, precision: precision) as Matrix<S>)
        let expected: [S] = secondDifferenceEigenvalues(n, precision: precision)
        XCTAssertLessThan(maxAbsDifference(values, expected), S(tolerance))
    }

    func testSecondDifferenceInDouble() throws {
        try checkSecondDifference(Double.self, n: 12, precision: 53, tolerance: 1e-13)
    }

    func testSecondDifferenceOfSize200InDouble() throws {
        try checkSecondDifference(Double.self, n: 200, precision: 53, tolerance: 1e-13)
    }

    func testSecondDifferenceAt320Bits() throws {
        try checkSecondDifference(BigFloat.self, n: 12, precision: 320, tolerance: 1e-90)
    }

    /// A dense matrix, where the Householder reflections have real work to do.
    func testDenseKnownSpectrum() throws {
        let expected = SymmetricEigendecompositionTests.knownSpectrum
        let inDouble = try SymmetricEigendecomposition.eigenvalues(
            ofSymmetric: SymmetricEigendecompositionTests.reflected(Double.self, precision: 53))
        XCTAssertLessThan(maxAbsDifference(inDouble, expected), 1e-13)
        let inBigFloat = try SymmetricEigendecomposition.eigenvalues(
            ofSymmetric: SymmetricEigendecompositionTests.reflected(BigFloat.self, precision: 200))
        XCTAssertLessThan(maxAbsDifference(inBigFloat, expected.map { BigFloat($0, precision: 200) }), BigFloat(1e-55))
    }

    func testTrivialSizesAndInvalidInput() throws {
        XCTAssertEqual(try SymmetricEigendecomposition.eigenvalues(ofSymmetric: Matrix<Double>(rows: 0, columns: 0, repeating: 0)), [])
        XCTAssertEqual(try SymmetricEigendecomposition.eigenvalues(ofSymmetric: Matrix<Double>([[4]])), [4])
        let pair = try SymmetricEigendecomposition.eigenvalues(ofSymmetric: Matrix<Double>([[2, 1], [3, 2]]))
        XCTAssertEqual(pair[0], 0, accuracy: 1e-15)
        XCTAssertEqual(pair[1], 4, accuracy: 1e-15)
        assertThrows(.dimensionMismatch("eigenvalues of a 2x1 matrix")) {
            try SymmetricEigendecomposition.eigenvalues(ofSymmetric: Matrix<Double>([[1], [2]]))
        }
    }
}
