import MultiPrecision

/// The precision a computation on `values` is carried at: the largest among them, so that no
/// input loses bits it has. An empty input gets 53 bits, which only ever sizes an epsilon.
func workingPrecision<S: Scalar>(_ values: [S]) -> Int {
    values.lazy.map(\.precision).max() ?? 53
}

/// `values` rounded up to `precision` bits. Arithmetic between two values rounds at the larger
/// precision, but a function of one value (sqrt) keeps that value's precision: lifting every
/// input first keeps a low-precision entry (an integer count carried at 64 bits) from pulling a
/// square root, and everything computed from it, down to its own precision.
func lifted<S: Scalar>(_ values: [S], toPrecision precision: Int) -> [S] {
    values.map { $0.rounded(toPrecision: precision) }
}

/// The Euclidean inner product; vectors of the same length.
func dot<S: Scalar>(_ x: [S], _ y: [S]) -> S {
    precondition(x.count == y.count, "dot product of vectors of lengths \(x.count) and \(y.count)")
    guard let first = x.first, let firstY = y.first else { return 0 }
    var sum = first * firstY
    x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
            for i in 1..<x.count { sum.add(x[i], times: y[i]) }
        }
    }
    return sum
}

/// The Euclidean norm.
func norm<S: Scalar>(_ x: [S]) throws -> S {
    try S.sqrt(dot(x, x))
}

/// Throws ``ScalarError/notFinite(_:)`` naming `what` unless every entry is finite: a NaN would
/// otherwise compare false everywhere and surface much later as a misleading failure.
func requireFinite<S: Scalar>(_ entries: [S], _ what: @autoclosure () -> String) throws {
    for x in entries where !x.isFinite { throw ScalarError.notFinite(what()) }
}
