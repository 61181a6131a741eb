import MultiPrecision

/// P A = L U by Gaussian elimination with partial pivoting, for solving the Newton and bordered
/// systems of the continuation and for determinants.
///
/// Everything is carried at the working precision: the largest precision among the entries.
/// A pivot whose magnitude is at most n * eps * max|a_ij| is indistinguishable from the
/// rounding errors of the elimination, so the matrix is reported singular instead of being
/// divided by noise.
public struct LUDecomposition<S: Scalar>: Sendable {
    let factors: LUFactors<S>

    /// Factors a square matrix; throws ``LinearAlgebraError/singular(column:)`` when no pivot
    /// above the noise level exists, ``LinearAlgebraError/dimensionMismatch(_:)`` for a
    /// non-square matrix and ``ScalarError/notFinite(_:)`` for NaN or infinite entries.
    public init(_ a: Matrix<S>) throws {
        guard a.rows == a.columns else {
            throw LinearAlgebraError.dimensionMismatch("LU decomposition of a \(a.rows)x\(a.columns) matrix")
        }
        try requireFinite(a.elements, "an entry of the matrix to factor")
        // Generic code called from another module runs unspecialized, each operation through a
        // witness table; the brute-force reference factors large Double matrices, so Double
        // takes a copy of the same routine specialized by the compiler here.
        if let doubles = a as? Matrix<Double>, let factors = try LUFactors(factoring: doubles) as? LUFactors<S> {
            self.factors = factors
        } else {
            factors = try LUFactors(factoring: a)
        }
    }

    /// The solution x of A x = b; `b` has one entry per row of A.
    public func solve(_ b: [S]) -> [S] {
        let n = factors.dimension
        precondition(b.count == n, "right-hand side of length \(b.count) for a \(n)x\(n) system")
        let lu = factors.entries
        var x = factors.rowOrder.map { b[$0] }
        // L y = P b, L unit lower triangular.
        for i in 0..<n {
            for j in 0..<i { x[i].subtract(lu[i * n + j], times: x[j]) }
        }
        // U x = y.
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)..<n { x[i].subtract(lu[i * n + j], times: x[j]) }
            x[i] /= lu[i * n + i]
        }
        return x
    }

    /// det A: the product of the pivots, with the sign of the row permutation.
    public var determinant: S {
        let n = factors.dimension
        var product = S(factors.isOddPermutation ? -1 : 1)
        for k in 0..<n { product *= factors.entries[k * n + k] }
        return product
    }

    /// The sign of det A (+1 or -1; a factored matrix is regular) from the signs of the pivots
    /// alone: the product itself can overflow or underflow a `Double` where its sign is still
    /// clear, and a sign is all a continuation needs to see a branch point.
    public var determinantSign: Int {
        let n = factors.dimension
        var sign = factors.isOddPermutation ? -1 : 1
        for k in 0..<n where factors.entries[k * n + k].signum < 0 { sign = -sign }
        return sign
    }
}

/// The solution x of A x = b for a square, non-singular A (see ``LUDecomposition``).
@_specialize(where S == Double)
@_specialize(where S == BigFloat)
public func solveLinearSystem<S: Scalar>(_ a: Matrix<S>, _ b: [S]) throws -> [S] {
    guard b.count == a.rows else {
        throw LinearAlgebraError.dimensionMismatch("right-hand side of length \(b.count) for a \(a.rows)x\(a.columns) system")
    }
    return try LUDecomposition(a).solve(b)
}

/// The packed factors: L strictly below the diagonal (its unit diagonal implied), U on and
/// above it, row-major; row i of P A is row `rowOrder[i]` of A.
struct LUFactors<T: Scalar>: Sendable {
    let dimension: Int
    let entries: [T]
    let rowOrder: [Int]
    let isOddPermutation: Bool

    /// Right-looking elimination on a flat copy: the innermost loop runs along two contiguous
    /// rows, which keeps large Double matrices at memory speed.
    init(factoring a: Matrix<T>) throws {
        let n = a.rows
        let precision = workingPrecision(a.elements)
        var lu = lifted(a.elements, toPrecision: precision)
        var largest = T(0, precision: precision)
        for x in lu {
            let size = x.magnitude
            if largest < size { largest = size }
        }
        let noise = T(n, precision: precision) * T.epsilon(precision: precision) * largest
        var order = Array(0..<n)
        var odd = false
        try lu.withUnsafeMutableBufferPointer { e in
            for k in 0..<n {
                var pivotRow = k
                var pivotSize = e[k * n + k].magnitude
                for i in (k + 1)..<n {
                    let size = e[i * n + k].magnitude
                    if pivotSize < size {
                        pivotRow = i
                        pivotSize = size
                    }
                }
                guard noise < pivotSize else { throw LinearAlgebraError.singular(column: k) }
                if pivotRow != k {
                    for j in 0..<n { e.swapAt(k * n + j, pivotRow * n + j) }
                    order.swapAt(k, pivotRow)
                    odd.toggle()
                }
                let pivot = e[k * n + k]
                for i in (k + 1)..<n {
                    let row = i * n
                    e[row + k] /= pivot
                    let multiplier = e[row + k]
                    for j in (k + 1)..<n { e[row + j].subtract(multiplier, times: e[k * n + j]) }
                }
            }
        }
        dimension = n
        entries = lu
        rowOrder = order
        isOddPermutation = odd
    }
}
