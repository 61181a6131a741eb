import LinearAlgebra
import MultiPrecision
import XCTest

final class GramSchmidtTests: XCTestCase {
    private func vectors<S: Scalar>(_ rows: [[Double]], precision: Int) -> [[S]] {
        rows.map { $0.map { S($0, precision: precision) } }
    }

    /// The basis e_0 and candidates with a zero last coordinate: three independent directions
    /// orthogonal to e_0, all in the hyperplane x_4 = 0.
    private func checkExtension<S: Scalar>(_: S.Type, precision: Int, tolerance: Double) throws {
        let basis: [[S]] = vectors([[1, 0, 0, 0, 0]], precision: precision)
        let candidates: [[S]] = vectors([[1, 1, 0, 0, 0], [1, 2, 3, 0, 0], [0, 1, -1, 2, 0]], precision: precision)
        let result = try extendOrthonormal(basis: basis, candidates: candidates, count: 3)
        XCTAssertEqual(result.count, 3)
        XCTAssertLessThan(orthonormalityDefect(basis + result), S(tolerance))
        XCTAssertLessThan(maxAbs(result.map { $0[4] }), S(tolerance))
        XCTAssertEqual(result.flatMap { $0 }.map(\.precision), Array(repeating: precision, count: 15))
    }

    func testExtensionIsOrthonormalAndOrthogonalToBasis() throws {
        try checkExtension(Double.self, precision: 53, tolerance: 1e-15)
        try checkExtension(BigFloat.self, precision: 256, tolerance: 1e-75)
    }

    func testRankDeficientCandidatesThrow() {
        let a: [Double] = [1, 2, 0, -1]
        let b: [Double] = [0, 1, 1, 3]
        let sum = zip(a, b).map { $0 + $1 }
        assertThrows(.rankDeficient(expected: 3, found: 2)) {
            try extendOrthonormal(basis: [], candidates: [a, b, sum], count: 3)
        }
        // Fewer candidates than vectors asked for.
        assertThrows(.rankDeficient(expected: 3, found: 2)) {
            try orthonormalBasis(of: [a, b], rank: 3)
        }
        // A candidate inside the span of the basis adds nothing.
        assertThrows(.rankDeficient(expected: 1, found: 0)) {
            try extendOrthonormal(basis: [[0, 1, 0]], candidates: [[0, -2, 0.0]], count: 1)
        }
    }

    /// A residual of 1e-6 of its candidate is well above sqrt(eps) = 1.5e-8 in Double, 1e-10 is
    /// below it; at 200 bits sqrt(eps) is 1e-30 and 1e-10 is a genuine direction.
    func testToleranceIsSquareRootOfEpsilon() throws {
        let accepted = try orthonormalBasis(of: [[1, 0, 0], [1, 1e-6, 0.0]], rank: 2)
        XCTAssertLessThan(orthonormalityDefect(accepted), 1e-15)
        assertThrows(.rankDeficient(expected: 2, found: 1)) {
            try orthonormalBasis(of: [[1, 0, 0], [1, 1e-10, 0.0]], rank: 2)
        }
        let precise: [[BigFloat]] = vectors([[1, 0, 0], [1, 1e-10, 0]], precision: 200)
        let result = try orthonormalBasis(of: precise, rank: 2)
        XCTAssertLessThan(orthonormalityDefect(result), BigFloat(1e-58))
        XCTAssertEqual(result.map { $0[2].signum }, [0, 0])  // two orthonormal vectors of the x-y plane
    }

    /// Taken in order, the second candidate leaves a residual of 1e-12 and would stop the
    /// process; pivoting takes the independent third one instead.
    func testPivotingPrefersTheLargestResidual() throws {
        let result = try orthonormalBasis(of: [[1, 0, 0], [1, 1e-12, 0], [0, 0, 2.0]], rank: 2)
        XCTAssertEqual(result.count, 2)
        XCTAssertEqual(abs(result[0][0]), 1, accuracy: 1e-15)
        XCTAssertEqual(abs(result[1][2]), 1, accuracy: 1e-15)
    }

    /// The span is reproduced: every input is the sum of its projections on the result.
    func testOrthonormalBasisSpansTheInput() throws {
        let input: [[Double]] = [[3, 1, 0, 2], [-1, 4, 1, 0], [2, 5, 1, 2]]  // third = first + second
        let basis = try orthonormalBasis(of: input, rank: 2)
        XCTAssertLessThan(orthonormalityDefect(basis), 1e-15)
        for x in input {
            var rest = x
            for q in basis {
                let c = innerProduct(q, x)
                rest = zip(rest, q).map { $0 - c * $1 }
            }
            XCTAssertLessThan(maxAbs(rest), 1e-14)
        }
    }

    func testShapeErrors() {
        assertThrows(.dimensionMismatch("1 orthonormal vectors from vectors of lengths [2, 3]")) {
            try extendOrthonormal(basis: [[1, 0]], candidates: [[0, 1, 0.0]], count: 1)
        }
        XCTAssertEqual(try orthonormalBasis(of: [[1, 2.0]], rank: 0), [])
    }
}
