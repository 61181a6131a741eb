import LinearAlgebra
import MultiPrecision
import XCTest

/// One generic routine, two number types: on the same (exactly representable) data, Double and
/// BigFloat at 200 bits must agree to Double accuracy.
final class GenericAgreementTests: XCTestCase {
    private static func symmetricEntries() -> [[Double]] {
        var random = LinearCongruentialGenerator(state: 19)
        var rows = (0..<9).map { _ in (0..<9).map { _ in random.next() } }
        for i in 0..<9 {
            for j in 0..<i { rows[i][j] = rows[j][i] }
        }
        return rows
    }

    func testJacobiEigenvaluesAgree() throws {
        let entries = Self.symmetricEntries()
        let inDouble = try SymmetricEigendecomposition(symmetric: Matrix(entries)).values
        let inBigFloat = try SymmetricEigendecomposition(
            symmetric: Matrix(entries.map { $0.map { BigFloat($0, precision: 200) } })).values
        XCTAssertLessThan(maxAbsDifference(inDouble, inBigFloat.map(\.doubleValue)), 1e-14)
    }

    func testLUSolveAgrees() throws {
        var random = LinearCongruentialGenerator(state: 23)
        var entries = (0..<9).map { _ in (0..<9).map { _ in random.next() } }
        for i in 0..<9 { entries[i][i] += 4 }
        let b = (0..<9).map { _ in random.next() }
        let inDouble = try solveLinearSystem(Matrix(entries), b)
        let inBigFloat = try solveLinearSystem(
            Matrix(entries.map { $0.map { BigFloat($0, precision: 200) } }), b.map { BigFloat($0, precision: 200) })
        XCTAssertLessThan(maxAbsDifference(inDouble, inBigFloat.map(\.doubleValue)), 1e-14)
    }
}
