import LinearAlgebra
import MultiPrecision

/// Deflation of roots already found (Farrell, Birkisson & Funke, "Deflation techniques for
/// finding distinct solutions of nonlinear partial differential equations", SIAM J. Sci.
/// Comput. 37, 2015): Newton's method on
///
///     G(x) = M(x) F(x),   M(x) = prod_i ( 1/|x - x_i|^2 + 1 )
///
/// (power 2, shift 1) instead of F = grad L. G has the roots of F except the x_i, where M
/// blows up faster than F vanishes, so Newton on G cannot converge to a root twice; far from
/// every x_i, M tends to 1 and G behaves like F.
public struct Deflation<S: Scalar>: Sendable {
    /// The deflated roots x_i.
    public private(set) var roots: [[S]] = []

    public init(roots: [[S]] = []) {
        self.roots = roots
    }

    public mutating func add(_ root: [S]) {
        roots.append(root)
    }

    /// M(x). Infinite at a deflated root.
    public func factor(at x: [S]) -> S {
        roots.reduce(S(1)) { product, root in
            product * (S(1) / squaredDistance(x, root) + S(1))
        }
    }

    /// grad M / M = sum_i grad m_i / m_i with m_i = 1/r_i^2 + 1, grad m_i = -2 (x - x_i) / r_i^4,
    /// that is sum_i -2 (x - x_i) / (r_i^4 + r_i^2). Not finite at a deflated root.
    public func logGradient(at x: [S]) -> [S] {
        var g = x.map { _ in S(0) }
        for root in roots {
            let r2 = squaredDistance(x, root)
            let weight = S(-2) / (r2 * r2 + r2)
            for i in x.indices { g[i] += weight * (x[i] - root[i]) }
        }
        return g
    }

    /// The Newton step s of the deflated system at x, where F = grad L and H its Jacobian (the
    /// exact Hessian): J s = -G with J = M H + F (grad M)^T. M > 0 is a scalar, so this is
    /// solved divided by M, as (H + F g^T) s = -F with g = grad M / M, which keeps the entries
    /// of moderate size near a deflated root. Throws what ``solveLinearSystem(_:_:)`` throws.
    public func step(hessian: Matrix<S>, gradient: [S], at x: [S]) throws -> [S] {
        let g = logGradient(at: x)
        var jacobian = hessian
        for i in gradient.indices {
            for j in g.indices { jacobian[i, j] += gradient[i] * g[j] }
        }
        return try solveLinearSystem(jacobian, gradient.map { -$0 })
    }

    private func squaredDistance(_ x: [S], _ y: [S]) -> S {
        zip(x, y).reduce(S(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
