import LinearAlgebra
import LossModel
import MultiPrecision

/// A system of equations F(x; d) = 0 in a few unknowns x, with d a real parameter, whose
/// solution branch is followed to very large d: the gradient of a reduced loss, or a synthetic
/// system with a known branch (the tests).
///
/// Only ``BigFloat`` is offered: at large d the loss is a small difference of terms of size
/// d^2, so `Double` keeps no digit of it.
public protocol LargeDSystem: Sendable {
    /// The unknowns' names, in order.
    var variableNames: [String] { get }
    /// F, its Jacobian in x and its derivative in d at (x, d), all exact (no differencing), at
    /// the precision of the inputs.
    func equations(at x: [BigFloat], d: BigFloat) throws -> SystemEquations
}

/// F(x; d) with its exact first derivatives.
public struct SystemEquations: Sendable {
    public let residual: [BigFloat]
    public let jacobian: Matrix<BigFloat>
    public let dDerivative: [BigFloat]

    public init(residual: [BigFloat], jacobian: Matrix<BigFloat>, dDerivative: [BigFloat]) {
        self.residual = residual
        self.jacobian = jacobian
        self.dDerivative = dDerivative
    }
}

/// The critical points of a reduced loss: F is its gradient, F_x its Hessian and F_d the mixed
/// second derivative, from ``ReducedLoss/evaluate(_:d:order:includingD:)``.
public struct ReducedLossSystem: LargeDSystem {
    public let loss: ReducedLoss

    public init(_ loss: ReducedLoss) {
        self.loss = loss
    }

    public var variableNames: [String] { loss.space.names }

    public func equations(at x: [BigFloat], d: BigFloat) throws -> SystemEquations {
        let evaluation = try loss.evaluate(x, d: d, order: .hessian, includingD: true)
        guard let hessian = evaluation.hessian else {
            throw ModelError.undefinedPart("no Hessian of the reduced loss at d = \(d.doubleValue)")
        }
        let n = x.count
        var jacobian = Matrix(rows: n, columns: n, repeating: evaluation.value)
        for i in 0..<n { for j in 0..<n { jacobian[i, j] = hessian[i, j] } }
        return SystemEquations(
            residual: Array(evaluation.gradient[0..<n]), jacobian: jacobian,
            dDerivative: (0..<n).map { hessian[$0, n] })
    }
}
