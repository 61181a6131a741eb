import MultiPrecision

/// `count` orthonormal vectors, orthogonal to the orthonormal `basis`, from the span of
/// `candidates`: how the tool builds the complement of a fixed space inside a finer one.
///
/// Modified Gram-Schmidt with pivoting: the candidates are first scaled to unit length, and at
/// each step the one with the largest residual (the part not yet spanned) is taken, so a
/// nearly dependent candidate is used last or not at all. The chosen residual is
/// orthogonalized a second time against everything found so far, which restores orthogonality
/// to working precision that one pass loses when the residual is small ("twice is enough").
/// Everything is carried at the largest precision among the entries.
///
/// Throws ``LinearAlgebraError/rankDeficient(expected:found:)`` when the best remaining residual
/// is at most sqrt(eps) times its candidate's norm before `count` vectors are found: what is
/// left is rounding noise, whose direction means nothing. Throws
/// ``LinearAlgebraError/dimensionMismatch(_:)`` for vectors of different lengths or a negative
/// count, and ``ScalarError/notFinite(_:)`` for NaN or infinite entries.
@_specialize(where S == Double)
@_specialize(where S == BigFloat)
public func extendOrthonormal<S: Scalar>(basis: [[S]], candidates: [[S]], count: Int) throws -> [[S]] {
    let dimension = basis.first?.count ?? candidates.first?.count ?? 0
    guard count >= 0, basis.allSatisfy({ $0.count == dimension }), candidates.allSatisfy({ $0.count == dimension }) else {
        throw LinearAlgebraError.dimensionMismatch(
            "\(count) orthonormal vectors from vectors of lengths \(Set((basis + candidates).map(\.count)).sorted())")
    }
    // The checks and the working precision of ``requireFinite(_:_:)`` and
    // ``workingPrecision(_:)`` on all entries, without joining them into one array.
    var largestPrecision: Int?
    func check(_ vectors: [[S]]) throws {
        for vector in vectors {
            try requireFinite(vector, "an entry of a vector to orthonormalize")
            for x in vector { largestPrecision = Swift.max(largestPrecision ?? x.precision, x.precision) }
        }
    }
    try check(basis)
    try check(candidates)
    let precision = largestPrecision ?? 53
    let tolerance = try S.sqrt(S.epsilon(precision: precision))
    let known = basis.map { lifted($0, toPrecision: precision) }

    var residuals = try candidates.map { candidate in
        let x = lifted(candidate, toPrecision: precision)
        let size = try norm(x)
        return size.signum == 0 ? x : x.map { $0 / size }
    }
    for q in known {
        for index in residuals.indices { subtractProjection(of: &residuals[index], onto: q) }
    }

    var found: [[S]] = []
    found.reserveCapacity(count)
    // Which candidates are used up; the others are scanned in their order (a tie goes to the first).
    var taken = Array(repeating: false, count: residuals.count)
    while found.count < count {
        var largest: (index: Int, squared: S)?
        for index in residuals.indices where !taken[index] {
            let sizeSquared = dot(residuals[index], residuals[index])
            if largest.map({ $0.squared < sizeSquared }) ?? true { largest = (index, sizeSquared) }
        }
        guard let best = largest?.index else {
            throw LinearAlgebraError.rankDeficient(expected: count, found: found.count)
        }
        // Moved out, not copied: an unshared residual is orthogonalized and scaled in place.
        var v = residuals[best]
        residuals[best] = []
        taken[best] = true
        for q in known { subtractProjection(of: &v, onto: q) }
        for q in found { subtractProjection(of: &v, onto: q) }
        let size = try norm(v)
        guard tolerance < size else {
            throw LinearAlgebraError.rankDeficient(expected: count, found: found.count)
        }
        for i in v.indices { v[i] /= size }
        for index in residuals.indices where !taken[index] { subtractProjection(of: &residuals[index], onto: v) }
        found.append(v)
    }
    return found
}

/// `rank` orthonormal vectors spanning the span of `vectors` (see ``extendOrthonormal(basis:candidates:count:)``).
@_specialize(where S == Double)
@_specialize(where S == BigFloat)
public func orthonormalBasis<S: Scalar>(of vectors: [[S]], rank: Int) throws -> [[S]] {
    try extendOrthonormal(basis: [], candidates: vectors, count: rank)
}

/// v <- v - (q . v) q for a unit vector q.
private func subtractProjection<S: Scalar>(of v: inout [S], onto q: [S]) {
    let coefficient = dot(q, v)
    v.withUnsafeMutableBufferPointer { v in
        q.withUnsafeBufferPointer { q in
            for i in v.indices { v[i].subtract(coefficient, times: q[i]) }
        }
    }
}

