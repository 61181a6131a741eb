import LinearAlgebra
import MultiPrecision

/// What a ``ContinuationProblem`` returns at one point (x, lambda): the residual and its exact
/// first derivatives.
///
/// The Newton corrector needs all three at every iterate and the tangent needs the two
/// derivatives at every accepted point, so they travel together and the problem computes them
/// in one pass, sharing whatever work they have in common.
public struct ProblemEvaluation<S: Scalar>: Sendable {
    /// F(x, lambda): one entry per equation, n of them.
    public var residual: [S]
    /// F_x: the n x n Jacobian with respect to x.
    public var jacobian: Matrix<S>
    /// F_lambda: the derivative with respect to the parameter, n entries.
    public var parameterDerivative: [S]

    public init(residual: [S], jacobian: Matrix<S>, parameterDerivative: [S]) {
        self.residual = residual
        self.jacobian = jacobian
        self.parameterDerivative = parameterDerivative
    }
}
