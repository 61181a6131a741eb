import LinearAlgebra
import MultiPrecision

/// The pencil in which one isotypic part first appears, as an exact congruence of a refined
/// reduced Hessian: for certification, which must not lean on a floating-point Gram-Schmidt.
///
/// ``IsotypicPart`` computes a part's eigenvalues on an orthonormal complement built in floating
/// point. The same eigenvalues are reachable without it: the pencil (V^T H V, V^T M V) of a
/// refined space, V a matrix of 0 and +-1 entries, has as eigenvalues exactly those of the new
/// part together with those of some coarser parts (each once), because every piece of the
/// refined space is invariant under M^-1 H:
///
/// - trivial: the base pencil itself;
/// - standard of block a: the (n-1,1) refinement, V = I, which also holds the trivial part;
/// - (n-2,2) of block a: the (n-2,1,1) refinement on the vectors even under the swap of its two
///   singletons (e_f for a fixed variable, e_f + e_g for a swapped pair), which also hold the
///   trivial and standard parts;
/// - (n-2,1,1) of block a: the same on the odd vectors e_f - e_g, which also hold the standard part;
/// - standard of a x standard of b: both blocks refined, V = I, which also holds the trivial part
///   and both standard parts.
///
/// Subtracting the coarser parts' counts of negative eigenvalues (Sylvester's law of inertia) or
/// their eigenvalue enclosures therefore isolates each part exactly.
public struct PartPencil: Sendable {
    /// One column of V: refined variables with their coefficients (+1 or -1); columns have
    /// disjoint supports, so V^T M V is diagonal.
    public typealias Column = [(variable: Int, coefficient: Int)]

    /// The part (index into ``SpectrumModel/partNames``) that first appears here.
    public let part: Int
    /// Which refined space (index for ``SpectrumModel/refinedHessian(_:at:d:)``); parts share them.
    public let refined: Int
    /// The refined fixed space, whose counts give the metric.
    public let space: FixedSpace
    /// The columns of V.
    public let columns: [Column]
    /// The coarser parts whose eigenvalues this pencil also has, each once.
    public let coarserParts: [Int]

    /// V^T H V and the diagonal of V^T M V at d, for a Hessian `hessian` of the refined space.
    public func restrict<S: Scalar>(hessian: Matrix<S>, d: S) -> (hessian: Matrix<S>, metric: [S]) {
        let counts = space.counts.map { $0.value(at: d) }
        let n = columns.count
        let zero = S(0, precision: Swift.max(d.precision, hessian.elements.first?.precision ?? d.precision))
        var restricted = Matrix(rows: n, columns: n, repeating: zero)
        var metric: [S] = []
        for (k, left) in columns.enumerated() {
            var weight = zero
            for (f, _) in left { weight += counts[f] }
            metric.append(weight)
            for (l, right) in columns.enumerated() where l >= k {
                var sum = zero
                for (f, a) in left {
                    for (g, b) in right { sum += a * b > 0 ? hessian[f, g] : -hessian[f, g] }
                }
                restricted[k, l] = sum
                restricted[l, k] = sum
            }
        }
        return (restricted, metric)
    }
}

extension SpectrumModel {
    /// One pencil per part, in the order of ``partNames``.
    public var partPencils: [PartPencil] {
        parts.indices.map { index in
            let part = parts[index]
            let space = refined[part.refined].loss.space
            let identity = (0..<space.dimension).map { [(variable: $0, coefficient: 1)] }
            switch part.selection {
            case .all:
                return PartPencil(part: index, refined: part.refined, space: space, columns: identity, coarserParts: [])
            case .complement:
                let coarser = Set(part.subspaces.flatMap { partsLiving(in: $0.space) }).sorted()
                return PartPencil(part: index, refined: part.refined, space: space, columns: identity, coarserParts: coarser)
            case let .complementWithParity(permutation, even):
                var columns: [PartPencil.Column] = []
                for f in permutation.indices {
                    let g = permutation[f]
                    if g == f, even { columns.append([(f, 1)]) }
                    if g > f { columns.append([(f, 1), (g, even ? 1 : -1)]) }
                }
                let copy = part.subspaces.first.map { partsLiving(in: $0.space) } ?? []
                let shared = part.sharedSpace.map { partsLiving(in: $0) } ?? []
                let coarser = even ? copy.sorted() : copy.filter { !shared.contains($0) }.sorted()
                return PartPencil(part: index, refined: part.refined, space: space, columns: columns, coarserParts: coarser)
            }
        }
    }

    /// The parts whose eigenvalues the whole pencil of `space` has: the trivial part for the
    /// base space, and for the refined space of a standard part that part with what it holds.
    func partsLiving(in space: FixedSpace) -> [Int] {
        if space == loss.space { return [0] }
        guard let owner = parts.indices.first(where: { index in
            if case .complement = parts[index].selection { return refined[parts[index].refined].loss.space == space }
            return false
        }) else { return [] }
        let held = parts[owner].subspaces.flatMap { partsLiving(in: $0.space) }
        return Set([owner] + held).sorted()
    }

    /// The Hessian of the reduced loss of refined space `index` (see ``PartPencil/refined``) at
    /// the base point `x` embedded in it.
    public func refinedHessian<S: Scalar>(_ index: Int, at x: [S], d: S) throws -> Matrix<S> {
        let space = refined[index]
        return try space.loss.hessian(at: space.baseParent.map { x[$0] }, d: d).hessian
    }
}
