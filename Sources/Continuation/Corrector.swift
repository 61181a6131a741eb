import LinearAlgebra
import MultiPrecision

/// When Newton's method on the curve stops, at one precision.
struct NewtonOptions<S: Scalar>: Sendable {
    /// Working precision in bits: every value is carried at it.
    var precision: Int
    /// Converged when the last update is at most this, relative to max(1, |y|) in the max norm.
    var tolerance: S
    /// Linear solves before giving up.
    var maxIterations: Int
    /// Reject as soon as the residual grows: the sweep prefers a shorter step to a long
    /// Newton excursion that may land on another branch.
    var rejectsResidualGrowth: Bool
    /// Also converged when the updates stop shrinking while below this (relative) level: the
    /// iterates then sit on the rounding noise of an ill-conditioned point, and more iterations
    /// cannot improve them. `nil` to never accept such a stall.
    var noiseLevel: S?

    /// Whether Newton's method has converged after `updates` (the max norms of its updates so
    /// far) at a point of size `scale`: the last update is within the tolerance, or it has
    /// stalled on the noise (small, yet more than half the update before: no longer contracting).
    func hasConverged(after updates: [S], scale: S) -> Bool {
        guard let last = updates.last else { return false }
        if last <= tolerance * scale { return true }
        guard let level = noiseLevel, updates.count >= 2 else { return false }
        return last <= level * scale && updates[updates.count - 2] < last + last
    }
}

/// Which extra equation closes F(x, lambda) = 0 into a square system.
enum Constraint<S: Scalar>: Sendable {
    /// normal . (y - anchor) = 0: the pseudo-arclength plane, or the plane across a secant.
    case hyperplane(normal: [S], anchor: [S])
    /// lambda stays where it is: Newton in x alone, for the seed and for landing on a bound.
    case fixedParameter
}

/// A point on the curve found by the corrector, with the problem's evaluation there (which the
/// tangent and the next step reuse).
struct CorrectedPoint<S: Scalar>: Sendable {
    /// y = (x, lambda).
    let state: [S]
    let evaluation: SystemEvaluation<S>
    /// Linear solves used.
    let iterations: Int
    /// max|F| at `state`.
    let residualNorm: S
}

/// The unit tangent at a point of the curve, with det[F_x F_lambda; t^T] for that tangent.
///
/// The determinant is nonzero and keeps its sign along a regular stretch of the curve, folds
/// included (F_y = [F_x F_lambda] has rank n there and t spans its kernel); it changes sign at a
/// simple branch point, where F_y loses rank and a second branch crosses. Its value is what
/// location samples; its sign alone is what the sweep keeps, since the product of the pivots
/// can overflow a `Double` where the sign of each pivot is still clear.
struct CurveTangent<S: Scalar>: Sendable {
    let direction: [S]
    let borderedDeterminant: S
    /// +1 or -1.
    let borderedDeterminantSign: Int
}

/// Newton's method on the curve and the tangent to it: the numerical core shared by the sweep
/// (in `Double`) and by event location (at any precision), written once over ``Scalar``.
struct Corrector<P: ContinuationProblem>: Sendable {
    let problem: P

    /// The problem's evaluation at y = (x, lambda), with its sizes checked, every entry finite and
    /// lifted to `precision` bits. Admissibility is checked first so that the problem is never
    /// evaluated outside its valid range.
    @_specialize(kind: partial, where S == Double)
    func evaluate<S: Scalar>(_ state: [S], precision: Int) throws(StepFailure) -> SystemEvaluation<S> {
        let n = problem.dimension
        let parameter = state[n].doubleValue
        guard problem.isAdmissible(parameter: parameter) else { throw .notAdmissible(parameter: parameter) }
        let raw: SystemEvaluation<S>
        do {
            raw = try problem.evaluate(Array(state[0..<n]), parameter: state[n])
        } catch {
            throw .evaluationFailed(parameter: parameter, error: error)
        }
        guard raw.residual.count == n, raw.parameterDerivative.count == n,
            raw.jacobian.rows == n, raw.jacobian.columns == n
        else {
            let shapes = "residual \(raw.residual.count), Jacobian \(raw.jacobian.rows)x\(raw.jacobian.columns), "
                + "parameter derivative \(raw.parameterDerivative.count)"
            throw .evaluationFailed(
                parameter: parameter,
                error: ContinuationError.dimensionMismatch("\(shapes) for a problem of dimension \(n)"))
        }
        var jacobian = raw.jacobian
        jacobian.elements = lifted(jacobian.elements, toPrecision: precision)
        let evaluation = SystemEvaluation(
            residual: lifted(raw.residual, toPrecision: precision), jacobian: jacobian,
            parameterDerivative: lifted(raw.parameterDerivative, toPrecision: precision))
        guard [evaluation.residual, evaluation.jacobian.elements, evaluation.parameterDerivative].allSatisfy({ $0.allSatisfy { $0.isFinite } }) else {
            throw .evaluationFailed(
                parameter: parameter, error: ScalarError.notFinite("the residual or a derivative of the problem"))
        }
        return evaluation
    }

    /// The problem's test functions at y, lifted to `precision` bits, one per name.
    @_specialize(kind: partial, where S == Double)
    func testFunctions<S: Scalar>(at state: [S], precision: Int) throws(StepFailure) -> [S] {
        let n = problem.dimension
        let parameter = state[n].doubleValue
        let values: [S]
        do {
            values = try problem.testFunctions(Array(state[0..<n]), parameter: state[n])
        } catch {
            throw .evaluationFailed(parameter: parameter, error: error)
        }
        let expected = problem.testFunctionNames.count
        guard values.count == expected else {
            throw .evaluationFailed(
                parameter: parameter,
                error: ContinuationError.dimensionMismatch("\(values.count) test functions for \(expected) names"))
        }
        guard values.allSatisfy({ $0.isFinite }) else {
            throw .evaluationFailed(parameter: parameter, error: ScalarError.notFinite("a test function"))
        }
        return lifted(values, toPrecision: precision)
    }

    /// Newton's method on [F(y); constraint] = 0 from `guess`.
    ///
    /// Each iteration evaluates first and only then decides: the evaluation at the last iterate
    /// is the one returned, so the caller never evaluates the accepted point twice.
    @_specialize(kind: partial, where S == Double)
    func correct<S: Scalar>(
        from guess: [S], constraint: Constraint<S>, options: NewtonOptions<S>
    ) throws(StepFailure) -> CorrectedPoint<S> {
        let n = problem.dimension
        let one = S(1, precision: options.precision)
        var state = guess
        var updates: [S] = []
        var previousResidual: S?
        while true {
            let evaluation = try evaluate(state, precision: options.precision)
            let residualNorm = maxNorm(evaluation.residual)
            var equations = evaluation.residual
            if case let .hyperplane(normal, anchor) = constraint {
                equations.append(dot(normal, subtracting(state, anchor)))
            }
            let total = maxNorm(equations)
            if options.hasConverged(after: updates, scale: S.maximum(one, maxNorm(state))) {
                return CorrectedPoint(
                    state: state, evaluation: evaluation, iterations: updates.count, residualNorm: residualNorm)
            }
            if options.rejectsResidualGrowth, let previous = previousResidual, previous < total {
                throw .residualGrew(iteration: updates.count, residual: total.doubleValue)
            }
            guard updates.count < options.maxIterations else {
                throw .newtonDidNotConverge(iterations: updates.count, residual: total.doubleValue)
            }
            let update: [S]
            do {
                switch constraint {
                case let .hyperplane(normal, _):
                    update = try solveLinearSystem(borderedMatrix(evaluation, lastRow: normal), equations)
                case .fixedParameter:
                    update = try solveLinearSystem(evaluation.jacobian, equations) + [S(0, precision: options.precision)]
                }
            } catch {
                throw .singularSystem(parameter: state[n].doubleValue)
            }
            state = subtracting(state, update)
            updates.append(maxNorm(update))
            previousResidual = total
        }
    }

    /// The unit tangent t at an evaluated point, from [F_x F_lambda; row^T] t = [0; 1]: the
    /// derivative of the curve, oriented so that row . t > 0. With the previous tangent as the
    /// row the orientation carries on through folds, where dlambda/ds alone would flip, and
    /// through branch points, where det[F_x F_lambda; t^T] does.
    @_specialize(kind: partial, where S == Double)
    func tangent<S: Scalar>(
        at point: CorrectedPoint<S>, orientedAlong row: [S], precision: Int
    ) throws(StepFailure) -> CurveTangent<S> {
        let n = problem.dimension
        var unit = Array(repeating: S(0, precision: precision), count: n + 1)
        unit[n] = S(1, precision: precision)
        do {
            let factors = try LUDecomposition(borderedMatrix(point.evaluation, lastRow: row))
            let direction = factors.solve(unit)
            let length = try euclideanNorm(direction)
            // det[F_y; r^T] = r . k, k the cofactors of the last row, a kernel vector of F_y:
            // k = det[F_y; row^T] u for the solution u (row . u = 1), so for t = u / |u| the
            // determinant is det[F_y; row^T] |u|, with the sign of det[F_y; row^T].
            return CurveTangent(
                direction: direction.map { $0 / length }, borderedDeterminant: factors.determinant * length,
                borderedDeterminantSign: factors.determinantSign)
        } catch {
            throw .singularSystem(parameter: point.state[n].doubleValue)
        }
    }

    /// [F_x F_lambda; row^T], the (n + 1) x (n + 1) Jacobian of F with one more equation. It is
    /// regular at folds (where F_x alone is singular) as long as the row is not orthogonal to the
    /// curve, which is why pseudo-arclength passes folds.
    func borderedMatrix<S: Scalar>(_ evaluation: SystemEvaluation<S>, lastRow row: [S]) -> Matrix<S> {
        let n = problem.dimension
        var matrix = Matrix(rows: n + 1, columns: n + 1, repeating: S(0, precision: row[0].precision))
        for i in 0..<n {
            for j in 0..<n { matrix[i, j] = evaluation.jacobian[i, j] }
            matrix[i, n] = evaluation.parameterDerivative[i]
        }
        for j in 0...n { matrix[n, j] = row[j] }
        return matrix
    }
}
