import MultiPrecision

/// The generalized eigenproblem H v = lambda M v, M = diag(metric), all weights positive: the
/// Hessian of a reduced loss in its few variables, where variable i stands for `metric[i]`
/// entries of the full matrix (docs/design.md section 3). Dropping M would change the eigenvalues,
/// not only their signs.
///
/// Solved as the ordinary symmetric problem C u = lambda u with C = M^-1/2 H M^-1/2, and
/// v = M^-1/2 u; the returned vectors are therefore M-orthonormal, v_i^T M v_j = delta_ij, in the
/// original coordinates. The symmetric part of H is used, at the largest precision among the
/// entries of H and the weights (so that integer weights carried at few bits do not limit the
/// square roots).
///
/// Throws ``LinearAlgebraError/dimensionMismatch(_:)`` unless H is square with one weight per
/// row, ``ScalarError/notFinite(_:)`` for a NaN or infinite weight,
/// ``LinearAlgebraError/nonPositiveMetric(index:)`` for the first weight <= 0, and whatever
/// ``SymmetricEigendecomposition/init(symmetric:)`` throws.
@_specialize(where S == Double)
@_specialize(where S == BigFloat)
public func pencilEigendecomposition<S: Scalar>(h: Matrix<S>, metric m: [S]) throws -> SymmetricEigendecomposition<S> {
    let (c, scales) = try standardForm(h: h, metric: m)
    let standard = try SymmetricEigendecomposition(symmetric: c)
    var vectors = standard.vectors
    for i in 0..<h.rows {
        for j in 0..<h.rows { vectors[i, j] *= scales[i] }
    }
    return SymmetricEigendecomposition(values: standard.values, vectors: vectors)
}

/// The eigenvalues alone of ``pencilEigendecomposition(h:metric:)``, ascending: the same bits,
/// for about half of the work (``SymmetricEigendecomposition/eigenvalues(symmetric:)``).
@_specialize(where S == Double)
@_specialize(where S == BigFloat)
public func pencilEigenvalues<S: Scalar>(h: Matrix<S>, metric m: [S]) throws -> [S] {
    try SymmetricEigendecomposition.eigenvalues(symmetric: try standardForm(h: h, metric: m).c)
}

/// C = M^-1/2 H M^-1/2 and the scales M^-1/2, after the checks the pencil's functions document.
private func standardForm<S: Scalar>(h: Matrix<S>, metric m: [S]) throws -> (c: Matrix<S>, scales: [S]) {
    guard h.rows == h.columns, m.count == h.rows else {
        throw LinearAlgebraError.dimensionMismatch("pencil of a \(h.rows)x\(h.columns) matrix and \(m.count) weights")
    }
    try requireFinite(m, "a weight of the metric")
    for (index, weight) in m.enumerated() where weight.signum <= 0 {
        throw LinearAlgebraError.nonPositiveMetric(index: index)
    }
    let n = h.rows
    let precision = max(workingPrecision(h.elements), workingPrecision(m))
    let scales = try lifted(m, toPrecision: precision).map { try 1 / S.sqrt($0) }
    var c = h
    for i in 0..<n {
        for j in 0..<n { c[i, j] = scales[i] * h[i, j] * scales[j] }
    }
    return (c, scales)
}
