import LinearAlgebra
import MultiPrecision

/// A solution of F(x; d) = 0 from ``ScaledNewton``, with the branch's tangent there.
public struct NewtonSolution: Sendable {
    public let x: [BigFloat]
    /// dx/dd = -F_x^(-1) F_d at the solution, exact up to the last (tiny) Newton step: the
    /// predictor of the next rung.
    public let tangent: [BigFloat]
    public let iterations: Int
    /// The last step, relative to each coordinate's own size: the accuracy reached.
    public let relativeStep: Double

    public init(x: [BigFloat], tangent: [BigFloat], iterations: Int, relativeStep: Double) {
        self.x = x
        self.tangent = tangent
        self.iterations = iterations
        self.relativeStep = relativeStep
    }
}

/// Newton's method whose steps and tolerance are measured relative to each coordinate's own
/// size.
///
/// Along a family followed to large d, coordinates shrink like powers of d (the off-diagonal
/// weight of the one-flipped family is about -1.27/d^2, about 10^-60 at d = 10^30) while others
/// tend to limits. An absolute tolerance would stop with no correct digit in the small ones;
/// here each coordinate is scaled by its current magnitude, so every coordinate is converged
/// to the same relative accuracy. Newton's iterates do not depend on such a scaling (the
/// method is affine invariant), only the linear solve's rounding and the stopping test do.
///
/// At large d the equations are small differences of large terms, so the attainable accuracy
/// (the noise floor) lies above the working precision. The iteration stops when a relative
/// step is below 2^(24 - precision), or when, once the steps are below 2^(-precision/4), a step
/// fails to shrink sixteen-fold: quadratic convergence would have squared it, so it is noise.
/// The digits that are then right are found by the caller, by solving again at a higher
/// precision and keeping what agrees.
public enum ScaledNewton {
    /// Solves F(x; d) = 0 from `start`, at the largest precision among `start` and `d`.
    /// Throws when the Jacobian is singular, an iterate leaves the system's domain, or the
    /// steps do not settle within `maxIterations`.
    public static func solve(
        _ system: some ParametricSystem, from start: [BigFloat], d: BigFloat, maxIterations: Int = 40
    ) throws -> NewtonSolution {
        let precision = start.reduce(d.precision) { max($0, $1.precision) }
        let d = d.rounded(toPrecision: precision)
        var x = start.map { $0.rounded(toPrecision: precision) }
        let one = BigFloat(1, precision: precision)
        let converged = BigFloat.epsilon(precision: precision) * BigFloat(1 << 24, precision: precision)
        let settling = BigFloat.epsilon(precision: precision / 4 + 1)
        var previous: BigFloat?
        for iteration in 1...maxIterations {
            let equations = try system.evaluate(x, parameter: d)
            let scales = x.map { $0.signum == 0 ? one : $0.magnitude }
            let factors = try LUDecomposition(scaledJacobian(equations.jacobian, scales))
            let delta = factors.solve(zip(equations.residual, scales).map { $0 * $1 })
            let size = delta.map(\.magnitude).reduce(BigFloat(0, precision: precision), BigFloat.maximum)
            guard size.isFinite else { break }
            x = x.indices.map { x[$0] - delta[$0] * scales[$0] }
            let stalled = previous.map { $0 <= settling && size * BigFloat(16, precision: precision) >= $0 } ?? false
            if size <= converged || stalled {
                let scaledTangent = factors.solve(zip(equations.parameterDerivative, scales).map { $0 * $1 })
                return NewtonSolution(
                    x: x, tangent: scaledTangent.indices.map { -scaledTangent[$0] * scales[$0] },
                    iterations: iteration, relativeStep: size.doubleValue)
            }
            previous = size
        }
        throw AsymptoticsError.ladder(
            "Newton's method did not settle at d = \(d.formatted(significantDigits: 6)) in \(maxIterations) iterations at \(precision) bits")
    }

    /// S J S for S = diag(scales): the Jacobian in the variables x_i / scale_i, with the
    /// equations weighted alike, so that no row or column is tiny only because its coordinate is.
    static func scaledJacobian(_ jacobian: Matrix<BigFloat>, _ scales: [BigFloat]) -> Matrix<BigFloat> {
        var scaled = jacobian
        for i in 0..<jacobian.rows {
            for j in 0..<jacobian.columns { scaled[i, j] = jacobian[i, j] * scales[i] * scales[j] }
        }
        return scaled
    }
}
