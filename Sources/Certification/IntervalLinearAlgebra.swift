import LinearAlgebra
import MultiPrecision

/// The few interval matrix operations the certificates need. Every entry is an enclosure, so
/// sums and products of them enclose the exact sums and products over every choice of exact
/// entries.
enum IntervalLinearAlgebra {
    /// Point intervals of a floating-point matrix (exact).
    static func points(_ a: Matrix<BigFloat>) -> Matrix<Interval> {
        Matrix(rows: a.rows, columns: a.columns, elements: a.elements.map(Interval.init))
    }

    /// The midpoints, for the floating-point parts of an algorithm (preconditioners,
    /// approximate eigenvectors), which need not be exact.
    static func midpoints(_ a: Matrix<Interval>) -> Matrix<BigFloat> {
        Matrix(rows: a.rows, columns: a.columns, elements: a.elements.map(\.midpoint))
    }

    /// An enclosure of a symmetric matrix from one of a matrix whose two triangles were computed
    /// separately: entry (i, j) and entry (j, i) both enclose the same exact value, so their
    /// intersection does too, and the result is symmetric. Throws when they do not meet, which
    /// sound arithmetic on a symmetric quantity cannot produce.
    static func symmetrized(_ a: Matrix<Interval>, precision: Int) throws -> Matrix<Interval> {
        var b = a
        for i in 0..<a.rows {
            for j in (i + 1)..<a.columns {
                guard let both = a[i, j].intersection(a[j, i]) else {
                    throw CertificationFailure(
                        step: .enclosure, reason: "the enclosures of entries (\(i), \(j)) and (\(j), \(i)) of a symmetric matrix are disjoint",
                        precision: precision)
                }
                b[i, j] = both
                b[j, i] = both
            }
        }
        return b
    }

    /// An upper bound of the sum of magnitudes of `values`, each term bounded and the sum
    /// rounded up.
    static func magnitudeSum(_ values: [Interval], precision: Int) -> BigFloat {
        var sum = Interval(BigFloat(0, precision: precision))
        for v in values { sum += Interval(v.magnitudeBound) }
        return sum.upper
    }

    /// The inverse of a square floating-point matrix, column by column from one LU
    /// factorization: an approximate inverse, for preconditioning.
    static func approximateInverse(_ a: Matrix<BigFloat>) throws -> Matrix<BigFloat> {
        let n = a.rows
        let lu = try LUDecomposition(a)
        let precision = a.elements.map(\.precision).max() ?? 53
        var inverse = Matrix(rows: n, columns: n, repeating: BigFloat(0, precision: precision))
        for j in 0..<n {
            var unit = Array(repeating: BigFloat(0, precision: precision), count: n)
            unit[j] = BigFloat(1, precision: precision)
            let column = lu.solve(unit)
            for i in 0..<n { inverse[i, j] = column[i] }
        }
        return inverse
    }
}
