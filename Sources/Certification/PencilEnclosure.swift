import LinearAlgebra
import MultiPrecision

/// Some eigenvalues of a pencil: `count` of them (with multiplicity) lie in `enclosure`.
public struct EigenvalueCluster: Sendable {
    public let enclosure: Interval
    public let count: Int

    public init(enclosure: Interval, count: Int) {
        self.enclosure = enclosure
        self.count = count
    }

    /// 1 or -1 when every eigenvalue of the cluster has that sign, nil when 0 is not excluded.
    public var sign: Int? { enclosure.sign }
}

/// Rigorous eigenvalue enclosures for a symmetric pencil (H, M), M diagonal and positive, whose
/// entries are intervals: every pencil with entries in them has its eigenvalues in the clusters.
///
/// Method (congruence, Gershgorin, Ostrowski):
/// 1. In floating point, Q = approximate M-orthonormal eigenvectors of the midpoint pencil
///    (Jacobi on M^-1/2 H M^-1/2, ``pencilEigendecomposition(h:metric:)``).
/// 2. In interval arithmetic, B = Q^T H Q and G = Q^T M Q; eta >= ||G - I||_2 (max row sum).
///    eta < 1 proves Q nonsingular, so (B, G) is congruent to (H, M): the same eigenvalues.
/// 3. The Gershgorin discs of B (here intervals: B is symmetric, its eigenvalues real) merge
///    into disjoint clusters; a cluster of k discs holds exactly k eigenvalues of every
///    symmetric matrix in B (continuity of the eigenvalues from the diagonal). Since Q nearly
///    diagonalizes the midpoint, the discs are as narrow as the box and the rounding allow.
/// 4. Eigenvalue j of the pencil (B, G) is theta_j times eigenvalue j of B, with theta_j in
///    [1/(1 + eta), 1/(1 - eta)] (Ostrowski's theorem for G^-1/2 B G^-1/2), and the order is
///    kept: each cluster, scaled by that interval, encloses the pencil eigenvalues with the
///    same ranks, and the signs are those of B (Sylvester's law of inertia).
public enum PencilEnclosure {
    /// The clusters, ascending. Throws a failed ``CertificationFailure/Step/enclosure`` step
    /// when the metric is not certainly positive, the approximate eigenvectors cannot be
    /// computed or are not certified independent.
    public static func clusters(hessian: Matrix<Interval>, metric: [Interval], precision: Int) throws -> [EigenvalueCluster] {
        let n = hessian.rows
        guard n == hessian.columns, metric.count == n else {
            throw CertificationFailure(step: .enclosure, reason: "a pencil of a \(hessian.rows)x\(hessian.columns) matrix and \(metric.count) weights", precision: precision)
        }
        if n == 0 { return [] }
        guard metric.allSatisfy({ $0.sign == 1 }) else {
            throw CertificationFailure(step: .enclosure, reason: "a weight of the metric is not certainly positive", precision: precision)
        }
        let h = try IntervalLinearAlgebra.symmetrized(hessian, precision: precision)
        let vectors: Matrix<BigFloat>
        do {
            let middle = IntervalLinearAlgebra.midpoints(h)
            vectors = try pencilEigendecomposition(h: middle, metric: metric.map(\.midpoint)).vectors
        } catch {
            throw CertificationFailure(step: .enclosure, reason: "no approximate eigenvectors of the midpoint pencil: \(error)", precision: precision)
        }
        let q = IntervalLinearAlgebra.points(vectors)
        let qt = q.transposed()
        let b = try IntervalLinearAlgebra.symmetrized(qt * (h * q), precision: precision)
        var g = Matrix(rows: n, columns: n, repeating: Interval(0))
        for k in 0..<n {
            for l in k..<n {
                var sum = Interval(BigFloat(0, precision: precision))
                for i in 0..<n { sum += q[i, k] * metric[i] * q[i, l] }
                g[k, l] = sum
                g[l, k] = sum
            }
        }

        // eta >= max row sum of |G - I| >= ||G - I||_2.
        var eta = BigFloat(0, precision: precision)
        for k in 0..<n {
            let row = (0..<n).map { l in k == l ? g[k, l] - Interval(1) : g[k, l] }
            let sum = IntervalLinearAlgebra.magnitudeSum(row, precision: precision)
            if eta < sum { eta = sum }
        }
        guard eta < BigFloat(1) else {
            throw CertificationFailure(
                step: .enclosure, reason: "the approximate eigenvectors are not certified independent (||Q^T M Q - I|| <= \(eta.formatted(significantDigits: 3)) is not below 1)",
                precision: precision)
        }
        let etaInterval = Interval(eta)
        let one = Interval(1)
        let theta = Interval(lower: (one / (one + etaInterval)).lower, upper: (one / (one - etaInterval)).upper)

        // Gershgorin discs of B, as intervals, merged into clusters.
        var discs: [Interval] = []
        for k in 0..<n {
            let offDiagonal = (0..<n).filter { $0 != k }.map { b[k, $0] }
            let radius = Interval(IntervalLinearAlgebra.magnitudeSum(offDiagonal, precision: precision))
            discs.append(Interval(lower: (b[k, k] - radius).lower, upper: (b[k, k] + radius).upper))
        }
        guard discs.allSatisfy(\.isFinite) else {
            throw CertificationFailure(step: .enclosure, reason: "a Gershgorin disc is not finite", precision: precision)
        }
        discs.sort { $0.lower < $1.lower }
        var merged: [(hull: Interval, count: Int)] = []
        for disc in discs {
            if let last = merged.last, disc.lower <= last.hull.upper {
                merged[merged.count - 1] = (last.hull.hull(disc), last.count + 1)
            } else {
                merged.append((disc, 1))
            }
        }
        return merged.map { EigenvalueCluster(enclosure: $0.hull * theta, count: $0.count) }
    }
}
