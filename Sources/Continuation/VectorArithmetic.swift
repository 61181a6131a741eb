import MultiPrecision

// The few vector operations the engine needs on states y = (x, lambda) and tangents, written
// here because LinearAlgebra keeps its own helpers internal. All vectors are non-empty.

/// a . b for vectors of the same length.
func dot<S: Scalar>(_ a: [S], _ b: [S]) -> S {
    var sum = a[0] * b[0]
    for i in 1..<a.count { sum += a[i] * b[i] }
    return sum
}

/// max |a_i|: the norm of convergence tests, since it needs no square root and reads as
/// "every coordinate to within".
func maxNorm<S: Scalar>(_ a: [S]) -> S {
    var largest = a[0].magnitude
    for x in a.dropFirst() {
        let size = x.magnitude
        if largest < size { largest = size }
    }
    return largest
}

/// The Euclidean norm, for unit tangents and arclength.
func euclideanNorm<S: Scalar>(_ a: [S]) throws -> S {
    try S.sqrt(dot(a, a))
}

/// a + factor * b.
func adding<S: Scalar>(_ a: [S], _ factor: S, times b: [S]) -> [S] {
    var result = a
    for i in result.indices { result[i] += factor * b[i] }
    return result
}

/// a - b.
func subtracting<S: Scalar>(_ a: [S], _ b: [S]) -> [S] {
    var result = a
    for i in result.indices { result[i] -= b[i] }
    return result
}

/// Each entry of `a` rounded to `precision` bits. A problem may return exact constants at the
/// precision of an integer literal; lifting them keeps every later square root and every
/// pivot of the linear solves at the working precision.
func lifted<S: Scalar>(_ a: [S], toPrecision precision: Int) -> [S] {
    a.map { $0.rounded(toPrecision: precision) }
}

/// 2^exponent at `precision` bits (exact), for tolerances too small for a `Double`.
func powerOfTwo<S: Scalar>(_ exponent: Int, precision: Int) throws -> S {
    try S.pow(S(2, precision: precision), S(exponent, precision: precision))
}

/// eps^fraction at `precision` bits, rounded to a power of two: 2^(-fraction (precision - 1)),
/// for the tolerances and widths that settings give as a fraction of the working precision.
func epsilonPower<S: Scalar>(_ fraction: Double, precision: Int) throws -> S {
    try powerOfTwo(-Int((fraction * Double(precision - 1)).rounded()), precision: precision)
}
