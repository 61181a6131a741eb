import LinearAlgebra
import MultiPrecision

/// A first point on the branch that leaves a family along a kernel line: the normal form's
/// prediction (y* + t v + lambda y*', d* + lambda with lambda from ``BifurcationEquation``)
/// corrected by Newton's method on
///
///     F(y; d) = 0,   v^T M (y - y*) = t,
///
/// in the unknowns (y, d). The second equation cuts the branch transversally and excludes the
/// family itself (whose component along v is 0), for a transcritical and a pitchfork
/// bifurcation alike; the Jacobian [H  F_d; v^T M  0] is the system's exact one.
public enum BranchSwitch {
    public struct Point<S: Scalar>: Sendable {
        public let y: [S]
        public let d: S
        /// The prediction's d, to compare with the corrected one.
        public let predictedD: S
        public let iterations: Int
    }

    /// Fails when Newton's method does not converge within `maxIterations`, or the Jacobian is
    /// singular (the cut is tangent to the branch: a smaller amplitude is needed).
    public static func point<System: GradientSystem, S: Scalar>(
        on kernel: BranchKernel<System, S>, equation: BifurcationEquation<S>, pitchfork: Bool, amplitude t: S,
        maxIterations: Int = 40
    ) throws -> Point<S> {
        let system = kernel.system
        let n = system.dimension
        let precision = kernel.d.precision
        let weighted = zip(kernel.direction, system.metric(parameter: kernel.d)).map { $0 * $1 }
        let shift = equation.predictedShift(amplitude: t, pitchfork: pitchfork)
        var y = (0..<n).map { kernel.point[$0] + t * kernel.direction[$0] + shift * equation.familyTangent[$0] }
        var d = kernel.d + shift
        let predictedD = d
        let tolerance = S.epsilon(precision: precision) * S(1 << 16, precision: precision)
        for iteration in 1...maxIterations {
            let evaluation = try system.evaluate(y, parameter: d)
            var cut = -t
            for i in 0..<n { cut += weighted[i] * (y[i] - kernel.point[i]) }
            var matrix = Matrix(rows: n + 1, columns: n + 1, repeating: S(0, precision: precision))
            for i in 0..<n {
                for j in 0..<n { matrix[i, j] = evaluation.jacobian[i, j] }
                matrix[i, n] = evaluation.parameterDerivative[i]
                matrix[n, i] = weighted[i]
            }
            let step = try solveLinearSystem(matrix, evaluation.residual + [cut])
            y = zip(y, step).map { $0 - $1 }
            d -= step[n]
            let size = step.map(\.magnitude).reduce(S(0, precision: precision), S.maximum)
            let scale = (y + [d]).map(\.magnitude).reduce(S(1, precision: precision), S.maximum)
            if size <= tolerance * scale { return Point(y: y, d: d, predictedD: predictedD, iterations: iteration) }
        }
        throw BranchSwitchError.notConverged(amplitude: t.doubleValue, iterations: maxIterations)
    }
}

/// Why no point on a branch was found at one amplitude.
public enum BranchSwitchError: Error, CustomStringConvertible, Sendable {
    case notConverged(amplitude: Double, iterations: Int)

    public var description: String {
        switch self {
        case let .notConverged(amplitude, iterations):
            "Newton's method from the normal form's prediction at amplitude \(amplitude) along the kernel did not converge in \(iterations) iterations"
        }
    }
}
