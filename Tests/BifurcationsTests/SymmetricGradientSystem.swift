import Foundation
import Bifurcations
import LinearAlgebra
import MultiPrecision

/// An S_3-equivariant potential on R^3 restricted to the fixed space of S_2 (x = (a, b, b)),
/// written in the mean m = (a + 2b)/3 and the spread s = a - b:
///
///     L = 3/2 m^2 - lambda/3 s^2 + 2 beta/27 s^3 + gamma/9 s^4 + 2 delta/3 m s^2 + zeta s^6.
///
/// The symmetric family m = s = 0 changes stability at lambda = 0 in the standard
/// representation; the S_2 branch is known in closed form: m = -2 delta/9 s^2 and
/// lambda = beta/3 s + (2 gamma/3 - 4 delta^2/9) s^2 + 9 zeta s^4 (transcritical for beta != 0, a pitchfork
/// for beta = 0, where x -> -x reverses the line). The metric is the count of each variable,
/// (1, 2), as for a reduced loss.
struct SymmetricGradientSystem: GradientSystem {
    let beta: Double, gamma: Double, delta: Double
    var zeta = 0.0

    var dimension: Int { 2 }

    func metric<S: Scalar>(parameter: S) -> [S] { [S(1, precision: parameter.precision), S(2, precision: parameter.precision)] }

    func evaluate<S: Scalar>(_ y: [S], parameter lambda: S) throws -> SystemEvaluation<S> {
        let p = lambda.precision
        func c(_ x: Double) -> S { S(x, precision: p) }
        let b = c(beta), g = c(gamma), e = c(delta), z = c(zeta)
        let m = (y[0] + c(2) * y[1]) / c(3), s = y[0] - y[1]
        let lm = c(3) * m + c(2) * e / c(3) * s * s
        let ls = -c(2) * lambda / c(3) * s + c(2) * b / c(9) * s * s + c(4) * g / c(9) * s * s * s + c(4) * e / c(3) * m * s + c(6) * z * s * s * s * s * s
        let lmm = c(3), lms = c(4) * e / c(3) * s
        let lss = -c(2) * lambda / c(3) + c(4) * b / c(9) * s + c(4) * g / c(3) * s * s + c(4) * e / c(3) * m + c(30) * z * s * s * s * s
        // d/da = 1/3 d/dm + d/ds, d/db = 2/3 d/dm - d/ds.
        let haa = lmm / c(9) + c(2) * lms / c(3) + lss
        let hab = c(2) * lmm / c(9) + lms / c(3) - lss
        let hbb = c(4) * lmm / c(9) - c(4) * lms / c(3) + lss
        let lsl = -c(2) / c(3) * s
        return SystemEvaluation(
            residual: [lm / c(3) + ls, c(2) * lm / c(3) - ls],
            jacobian: Matrix([[haa, hab], [hab, hbb]]),
            parameterDerivative: [lsl, -lsl])
    }

    /// lambda on the branch at spread s, and the branch's mean there.
    func branchLambda(spread s: Double) -> Double { beta / 3 * s + (2 * gamma / 3 - 4 * delta * delta / 9) * s * s + 9 * zeta * pow(s, 4) }
    func branchMean(spread s: Double) -> Double { -2 * delta / 9 * s * s }
}
