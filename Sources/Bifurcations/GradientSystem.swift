import LinearAlgebra
import LossModel
import MultiPrecision

/// The critical-point equations of a potential, F = grad_y L(y; lambda) = 0, with a diagonal
/// metric M: what a bifurcation of a family of critical points is analysed in. F_y is the
/// symmetric Hessian H; the eigenvalues that cross zero are those of the pencil (H, M), and the
/// kernel line is normalised by v^T M v = 1 (docs/design.md section 4b).
public protocol GradientSystem: ParametricSystem {
    /// The diagonal of M at lambda, one positive entry per unknown.
    func metric<S: Scalar>(parameter: S) -> [S]
    /// F alone, without its Jacobian: what the third and fourth derivatives along directions
    /// are taken of, forward mode through nested ``Dual``s (``BifurcationEquation``).
    func gradient<S: Scalar>(_ y: [S], parameter: S) throws -> [S]
}

extension GradientSystem {
    public func gradient<S: Scalar>(_ y: [S], parameter: S) throws -> [S] {
        try evaluate(y, parameter: parameter).residual
    }
}

/// The reduced loss of a fixed space: its metric is the count of each variable, the number of
/// entries of the full k x d matrix that one reduced variable stands for (docs/design.md
/// section 2).
extension ReducedGradient: GradientSystem {
    public func metric<S: Scalar>(parameter d: S) -> [S] {
        loss.space.counts.map { $0.value(at: d) }
    }

    /// The reduced gradient at order `.gradient`: no Hessian is accumulated.
    public func gradient<S: Scalar>(_ x: [S], parameter d: S) throws -> [S] {
        try loss.gradient(at: x, d: d).gradient
    }
}
