import LinearAlgebra
import MultiPrecision

/// The critical-point equations of a fixed space, grad_x L(x; d) = 0, with d as the parameter:
/// F is the reduced gradient, F_x the reduced Hessian and F_d its mixed derivative in d, all
/// exact (docs/design.md sections 2 and 4). The same equations serve the continuation of a
/// family, its certificates and its expansion at large d.
public struct ReducedGradient: ParametricSystem {
    public let loss: ReducedLoss

    public init(_ loss: ReducedLoss) {
        self.loss = loss
    }

    public var dimension: Int { loss.space.dimension }

    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func evaluate<S: Scalar>(_ x: [S], parameter d: S) throws -> SystemEvaluation<S> {
        let evaluation = try loss.hessian(at: x, d: d, includingD: true)
        let n = dimension
        // The (n + 1) x (n + 1) Hessian in (x, d): its x block is F_x, its last column F_d.
        var jacobian = Matrix(rows: n, columns: n, repeating: evaluation.value)
        for i in 0..<n { for j in 0..<n { jacobian[i, j] = evaluation.hessian[i, j] } }
        return SystemEvaluation(
            residual: Array(evaluation.gradient[0..<n]), jacobian: jacobian,
            parameterDerivative: (0..<n).map { evaluation.hessian[$0, n] })
    }

    /// psi^T F_yy, y = (x, d): entry (j, l) is sum_i psi_i d^3 L / dx_i dy_j dy_l, the derivative
    /// along (psi, 0) of the Hessian in (x, d), since F is the gradient of L. One evaluation at
    /// a ``Dual`` point (``ReducedLoss/hessianDerivative(at:d:direction:dDirection:includingD:)``)
    /// where the engine's default takes n + 1.
    public func secondDerivative<S: Scalar>(_ x: [S], parameter d: S, weightedBy psi: [S]) throws -> Matrix<S> {
        try loss.hessianDerivative(at: x, d: d, direction: psi, dDirection: S(0, precision: d.precision), includingD: true)
    }
}
