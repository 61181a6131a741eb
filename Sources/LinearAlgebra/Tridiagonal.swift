import MultiPrecision

extension SymmetricEigendecomposition {
    /// The eigenvalues, ascending, of the symmetric part (A + A^T) / 2 of `a`, without
    /// eigenvectors: Householder reduction to tridiagonal form, then implicit QL with shifts.
    ///
    /// O(n^3) with a small constant (4/3 n^3 for the reduction, O(n^2) for the iteration), for
    /// the brute-force reference that needs the whole spectrum of Hessians of a thousand rows
    /// and more in Double. Errors are a small multiple of eps * ||A||.
    ///
    /// Throws ``LinearAlgebraError/dimensionMismatch(_:)`` for a non-square matrix,
    /// ``ScalarError/notFinite(_:)`` for NaN or infinite entries, and
    /// ``LinearAlgebraError/notConverged(_:)`` if an eigenvalue needs more than 60 QL steps.
    public static func eigenvalues(ofSymmetric a: Matrix<S>) throws -> [S] {
        guard a.rows == a.columns else {
            throw LinearAlgebraError.dimensionMismatch("eigenvalues of a \(a.rows)x\(a.columns) matrix")
        }
        try requireFinite(a.elements, "an entry of the matrix whose eigenvalues are asked for")
        // Generic code called from another module runs unspecialized, each operation through a
        // witness table, some 50 times slower for Double; Double takes a copy of the same
        // routine specialized by the compiler here.
        if let doubles = a as? Matrix<Double>, let values = try tridiagonalEigenvalues(doubles) as? [S] {
            return values
        }
        return try tridiagonalEigenvalues(a)
    }
}

/// The ascending eigenvalues of the symmetric part of a square matrix with finite entries.
func tridiagonalEigenvalues<T: Scalar>(_ a: Matrix<T>) throws -> [T] {
    let (diagonal, offDiagonal) = try householderTridiagonalForm(a)
    return try implicitQLEigenvalues(diagonal: diagonal, offDiagonal: offDiagonal).sorted()
}

/// Q^T A Q = T tridiagonal, by n - 2 Householder reflections; returns the diagonal of T and its
/// off-diagonal (entry i couples i and i + 1; the last entry is 0).
///
/// Step i reflects the part of row i right of the superdiagonal onto its first entry and
/// applies the reflection H = I - v v^T / h to the trailing block B from both sides as
/// B - v q^T - q v^T, with p = B v / h and q = p - (v^T p / 2h) v. Only the upper triangle is
/// kept, stored row-major, so that the symmetric product B v and the rank-2 update both run
/// along contiguous rows: at n = 1600 that is what keeps the reduction at memory speed.
func householderTridiagonalForm<T: Scalar>(_ a: Matrix<T>) throws -> (diagonal: [T], offDiagonal: [T]) {
    let n = a.rows
    let precision = workingPrecision(a.elements)
    let zero = T(0, precision: precision)
    var work = symmetricPart(of: a, precision: precision)
    var diagonal = [T](repeating: zero, count: n)
    var offDiagonal = [T](repeating: zero, count: n)
    var reflector = [T](repeating: zero, count: n)
    var product = [T](repeating: zero, count: n)
    try work.withUnsafeMutableBufferPointer { w in
        try reflector.withUnsafeMutableBufferPointer { v in
            try product.withUnsafeMutableBufferPointer { p in
                for i in 0..<n {
                    diagonal[i] = w[i * n + i]
                    let first = i + 1
                    if first >= n - 1 {
                        if first == n - 1 { offDiagonal[i] = w[i * n + first] }
                        continue
                    }
                    // Scaling by the 1-norm keeps the sum of squares clear of overflow.
                    var scale = zero
                    for k in first..<n { scale += w[i * n + k].magnitude }
                    if scale.signum == 0 { continue }
                    var sigma = zero
                    for k in first..<n {
                        v[k] = w[i * n + k] / scale
                        sigma += v[k].squared
                    }
                    let lead = v[first]
                    let root = try T.sqrt(sigma)
                    // The sign opposite to the leading entry's, so that v[first] = lead - g
                    // adds two numbers of the same sign.
                    let g = lead.signum < 0 ? root : -root
                    offDiagonal[i] = scale * g
                    let h = sigma - lead * g
                    v[first] = lead - g

                    for k in first..<n { p[k] = zero }
                    for j in first..<n {
                        let vj = v[j]
                        let row = j * n
                        var sum = w[row + j] * vj
                        for k in (j + 1)..<n {
                            let b = w[row + k]
                            sum += b * v[k]
                            p[k] += b * vj
                        }
                        p[j] += sum
                    }
                    var kappa = zero
                    for k in first..<n {
                        p[k] /= h
                        kappa += v[k] * p[k]
                    }
                    kappa /= h + h
                    for k in first..<n { p[k] -= kappa * v[k] }
                    for j in first..<n {
                        let vj = v[j]
                        let pj = p[j]
                        let row = j * n
                        for k in j..<n { w[row + k] -= vj * p[k] + pj * v[k] }
                    }
                }
            }
        }
    }
    return (diagonal, offDiagonal)
}

/// The eigenvalues (unordered) of the symmetric tridiagonal matrix with the given diagonal and
/// off-diagonal (entry i couples i and i + 1, the last one ignored), by the implicit QL method
/// with Wilkinson's shift, which converges cubically.
///
/// An off-diagonal entry counts as zero, splitting the matrix, once
/// |e_m| <= eps * (|d_m| + |d_m+1|): an explicit comparison, rather than the classic test
/// |e| + dd == dd, because the same code must run on types whose rounding is not Double's.
func implicitQLEigenvalues<T: Scalar>(diagonal: [T], offDiagonal: [T]) throws -> [T] {
    let n = diagonal.count
    let precision = workingPrecision(diagonal + offDiagonal)
    let zero = T(0, precision: precision)
    let eps = T.epsilon(precision: precision)
    let maximumSteps = 60
    var d = diagonal
    var e = offDiagonal
    if n > 0 { e[n - 1] = zero }
    for l in 0..<n {
        var steps = 0
        while true {
            var m = l
            while m < n - 1 {
                if e[m].magnitude <= eps * (d[m].magnitude + d[m + 1].magnitude) { break }
                m += 1
            }
            if m == l { break }
            guard steps < maximumSteps else {
                throw LinearAlgebraError.notConverged(
                    "implicit QL iteration (n = \(n), \(precision) bits) for eigenvalue \(l)")
            }
            steps += 1
            // Shift: the eigenvalue of the leading 2x2 block nearer d_l.
            var g = (d[l + 1] - d[l]) / (e[l] + e[l])
            var r = try T.sqrt(g.squared + 1)
            g = d[m] - d[l] + e[l] / (g + (g.signum < 0 ? -r : r))
            var s = T(1, precision: precision)
            var c = s
            var shift = zero
            var i = m - 1
            var deflatedEarly = false
            while i >= l {
                let f = s * e[i]
                let b = c * e[i]
                r = try T.sqrt(f.squared + g.squared)
                e[i + 1] = r
                if r.signum == 0 {
                    // f = g = 0 (underflow): the matrix splits at i + 1; start over.
                    d[i + 1] -= shift
                    e[m] = zero
                    deflatedEarly = true
                    break
                }
                s = f / r
                c = g / r
                g = d[i + 1] - shift
                r = (d[i] - g) * s + 2 * c * b
                shift = s * r
                d[i + 1] = g + shift
                g = c * r - b
                i -= 1
            }
            if deflatedEarly { continue }
            d[l] -= shift
            e[l] = g
            e[m] = zero
        }
    }
    return d
}
