import LinearAlgebra
import MultiPrecision
import XCTest

/// Deterministic pseudo-random numbers in [-1, 1) from Knuth's MMIX linear congruential
/// generator, so that every run sees the same "random" matrices.
struct LinearCongruentialGenerator {
    var state: UInt64

    mutating func next() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 11) * 0x1p-52 - 1
    }

    /// An n x n matrix of such numbers, each exactly representable, at `precision` bits.
    mutating func matrix<S: Scalar>(_ n: Int, precision: Int) -> Matrix<S> {
        Matrix((0..<n).map { _ in vector(n, precision: precision) })
    }

    mutating func vector<S: Scalar>(_ n: Int, precision: Int) -> [S] {
        (0..<n).map { _ in S(next(), precision: precision) }
    }
}

/// The second-difference matrix: 2 on the diagonal, -1 beside it.
func secondDifference<S: Scalar>(_ n: Int, precision: Int) -> Matrix<S> {
    var a = Matrix(rows: n, columns: n, repeating: S(0, precision: precision))
    for i in 0..<n {
        a[i, i] = S(2, precision: precision)
        if i + 1 < n {
            a[i, i + 1] = S(-1, precision: precision)
            a[i + 1, i] = S(-1, precision: precision)
        }
    }
    return a
}

/// Its eigenvalues in closed form, ascending: 2 - 2 cos(j pi / (n + 1)), j = 1...n.
func secondDifferenceEigenvalues<S: Scalar>(_ n: Int, precision: Int) -> [S] {
    let step = S.pi(precision: precision) / S(n + 1, precision: precision)
    return (1...n).map { j in 2 - 2 * S.cos(S(j, precision: precision) * step) }
}

func maxAbs<S: Scalar>(_ x: [S]) -> S {
    x.reduce(S(0)) { Swift.max($0, $1.magnitude) }
}

func maxAbsDifference<S: Scalar>(_ x: [S], _ y: [S]) -> S {
    XCTAssertEqual(x.count, y.count)
    return maxAbs(zip(x, y).map { $0 - $1 })
}

func product<S: Scalar>(_ a: Matrix<S>, _ x: [S]) -> [S] {
    (0..<a.rows).map { i in (0..<a.columns).reduce(S(0)) { $0 + a[i, $1] * x[$1] } }
}

func innerProduct<S: Scalar>(_ x: [S], _ y: [S]) -> S {
    zip(x, y).reduce(S(0)) { $0 + $1.0 * $1.1 }
}

/// max |A v_j - lambda_j M v_j| over the columns v_j of `vectors` (M = I when `metric` is nil).
func eigenResidual<S: Scalar>(_ a: Matrix<S>, values: [S], vectors: Matrix<S>, metric: [S]? = nil) -> S {
    var worst = S(0)
    for j in values.indices {
        let v = vectors.column(j)
        let av = product(a, v)
        let mv = metric.map { m in zip(m, v).map { $0 * $1 } } ?? v
        worst = Swift.max(worst, maxAbsDifference(av, mv.map { values[j] * $0 }))
    }
    return worst
}

/// max |v_i^T M v_j - delta_ij| over the columns of `vectors` (M = I when `metric` is nil).
func orthonormalityDefect<S: Scalar>(_ vectors: [[S]], metric: [S]? = nil) -> S {
    var worst = S(0)
    for i in vectors.indices {
        let mv = metric.map { m in zip(m, vectors[i]).map { $0 * $1 } } ?? vectors[i]
        for j in vectors.indices {
            let target = S(i == j ? 1 : 0)
            worst = Swift.max(worst, (innerProduct(mv, vectors[j]) - target).magnitude)
        }
    }
    return worst
}

func columns<S: Scalar>(of m: Matrix<S>) -> [[S]] {
    (0..<m.columns).map { m.column($0) }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(
    _ expected: LinearAlgebraError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? LinearAlgebraError, expected, "\(error)", file: file, line: line)
    }
}
