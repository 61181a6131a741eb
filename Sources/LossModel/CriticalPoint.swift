import LinearAlgebra
import MultiPrecision

/// A critical point of a reduced loss at fixed d, found by Newton's method.
public struct CriticalPoint<S: Scalar>: Sendable {
    public let x: [S]
    public let d: S
    public let loss: S
    /// Max-norm of the gradient at `x`.
    public let gradientNorm: S
    public let iterations: Int

    public init(x: [S], d: S, loss: S, gradientNorm: S, iterations: Int) {
        self.x = x
        self.d = d
        self.loss = loss
        self.gradientNorm = gradientNorm
        self.iterations = iterations
    }
}

extension ReducedLoss {
    /// Newton's method on the gradient from `seed` at fixed `d`, to the working precision of
    /// the seed (its largest `precision`).
    ///
    /// Converged when a Newton step is below 2^(16 - precision) relative to the point (one more
    /// step is then taken, which quadratic convergence makes exact to working precision), or
    /// when the gradient is already zero to working precision. A Newton step that lands on a
    /// singular point, a singular Hessian, or no convergence within `maxIterations` throws with
    /// a message that says what to do.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func criticalPoint<S: Scalar>(from seed: [S], d: S, maxIterations: Int = 60) throws -> CriticalPoint<S> {
        guard seed.count == space.dimension else {
            throw ModelError.wrongNumberOfValues(expected: space.names, got: seed.count)
        }
        let precision = seed.reduce(d.precision) { Swift.max($0, $1.precision) }
        let tolerance = S.epsilon(precision: precision) * S(1 << 15)
        var x = seed.map { $0.rounded(toPrecision: precision) }
        var converging = false
        for iteration in 1...maxIterations {
            // Only a zero row is singular, and there neither the gradient nor the Hessian exists:
            // that error goes to the caller as it is.
            let evaluation = try hessian(at: x, d: d)
            let gradientNorm = evaluation.gradient.map(\.magnitude).reduce(S(0, precision: precision), S.maximum)
            if converging || gradientNorm <= tolerance * S(1 << 4) {
                return CriticalPoint(x: x, d: d, loss: evaluation.value, gradientNorm: gradientNorm, iterations: iteration - 1)
            }
            let step: [S]
            do {
                step = try solveLinearSystem(evaluation.hessian, evaluation.gradient)
            } catch {
                throw ModelError.notConverged("Newton's method met a singular Hessian at iteration \(iteration) (gradient norm \(gradientNorm.messageText)): the seed is near a degenerate point; try another seed")
            }
            let scale = x.map(\.magnitude).reduce(S(1, precision: precision), S.maximum)
            let stepNorm = step.map(\.magnitude).reduce(S(0, precision: precision), S.maximum)
            guard stepNorm.isFinite else { break }
            x = zip(x, step).map { $0 - $1 }
            converging = stepNorm <= tolerance * scale
        }
        let last = (try? gradient(at: x, d: d).gradient) ?? []
        let norm = last.map(\.magnitude).reduce(S(0, precision: precision), S.maximum)
        throw ModelError.notConverged("Newton's method did not converge from the seed in \(maxIterations) iterations (gradient norm \(norm.messageText) at the last point): give a seed closer to a critical point")
    }
}

extension ReducedLoss {
    /// The critical point near a seed typed by a user: checks the number of values and that
    /// the partition is valid at d, then runs Newton in Double (cheap, and it decides whether
    /// the seed is any good before any high-precision work).
    public func criticalPoint(seed: [DecimalLiteral], d: DecimalLiteral) throws -> CriticalPoint<Double> {
        guard seed.count == space.dimension else {
            throw ModelError.wrongNumberOfValues(expected: space.names, got: seed.count)
        }
        try space.partition.validate(d: d)
        return try criticalPoint(from: seed.map(\.double), d: d.double)
    }
}

extension Scalar {
    /// Three significant digits for a message, or "not finite" (never "nan" or "inf").
    var messageText: String { isFinite ? formatted(significantDigits: 3) : "not finite" }
}
