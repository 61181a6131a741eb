import LinearAlgebra
import LossModel
import MultiPrecision

/// The critical-point equations of a fixed space, grad_x L(x; d) = 0, with d as the parameter:
/// the reduced gradient and Hessian of the model's closed form, evaluated in interval
/// arithmetic through the same generic code as `Double` and ``BigFloat``.
///
/// Parallel and anti-parallel pairs are regular points (`ReluKernel`): u = AB - p^2 is a sum of
/// squared minors there, so its enclosure does not reach below 0 while the counts are positive,
/// and where sin theta's enclosure reaches 0 the kernel encloses its limits. Only a zero row is
/// refused, at every order. (The residual at the centre below is still taken at second order,
/// as when that order also refused near-parallel pairs; the gradient alone would do.)
///
/// Over an interval of d the residual is also enclosed in mean-value form,
/// F(x, c) + F_d(x, D) (D - c) with c the midpoint of D (for each d some point of D gives the
/// slope), and intersected with the direct enclosure: evaluating the closed form with d an
/// interval lets every occurrence of d vary on its own, which overestimates the residual's
/// variation by two or three orders of magnitude, and that width would set the size of the
/// box Krawczyk's test needs.
public struct ReducedGradientSystem: ParametricSystem {
    public let loss: ReducedLoss

    public init(loss: ReducedLoss) {
        self.loss = loss
    }

    public var dimension: Int { loss.space.dimension }

    public func evaluate(_ x: [Interval], parameter d: Interval) throws -> (residual: [Interval], jacobian: Matrix<Interval>) {
        let n = dimension
        if d.lower == d.upper {
            let evaluation = try loss.evaluate(x, d: d, order: .hessian)
            guard let hessian = evaluation.hessian else { throw ModelError.undefinedPart("no Hessian") }
            return (evaluation.gradient, hessian)
        }
        let evaluation = try loss.evaluate(x, d: d, order: .hessian, includingD: true)
        guard let full = evaluation.hessian else { throw ModelError.undefinedPart("no Hessian") }
        let centre = Interval(d.midpoint)
        let atCentre = try loss.evaluate(x, d: centre, order: .hessian).gradient
        var residual: [Interval] = []
        for i in 0..<n {
            let meanValue = atCentre[i] + full[i, n] * (d - centre)
            residual.append(meanValue.intersection(evaluation.gradient[i]) ?? meanValue)
        }
        var jacobian = Matrix(rows: n, columns: n, repeating: Interval(0))
        for i in 0..<n { for j in 0..<n { jacobian[i, j] = full[i, j] } }
        return (residual, jacobian)
    }
}
