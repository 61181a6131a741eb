import LinearAlgebra
import MultiPrecision

/// A simple branch point of F(y) = 0, y = (x, lambda), as the regular solution of Moore's
/// augmented system in the 2n + 2 unknowns (y, psi, mu):
///
///     F(y) + mu psi = 0,   F_y(y)^T psi = 0,   (psi . psi - 1) / 2 = 0.
///
/// At a simple branch point F_y = [F_x F_lambda] has rank n - 1, psi spans its left kernel and
/// mu = 0. Why a system rather than a zero along the curve: two branches cross there, so a
/// point of the curve at a distance delta from the branch point is determined only to about
/// eps / delta, and bracketing a sign change along the curve stops at sqrt(eps), half the
/// bits. This system is regular there (its Jacobian is invertible when the quadratic form
/// psi^T F_yy on the two-dimensional kernel of F_y is nondegenerate: two branches crossing at
/// an angle), so Newton's method finds the branch point to working precision.
///
/// The Jacobian holds psi^T F_yy, exact: the problem's
/// ``ContinuationProblem/secondDerivative(_:parameter:weightedBy:)``, by default forward mode
/// through its generic evaluation at ``Dual`` points (n + 1 of them), for a gradient system one
/// Dual evaluation of its potential's Hessian. Each iteration costs that and one evaluation of
/// F and F_y (docs/design.md section 4, branch points).
struct BranchPointSystem<P: ContinuationProblem> {
    let corrector: Corrector<P>

    /// A solution of the augmented system.
    struct Solution<S: Scalar>: Sendable {
        /// The branch point y = (x, lambda).
        let state: [S]
        /// psi, the unit left null vector of F_y there.
        let nullVector: [S]
        /// mu: zero at a branch point of F itself, to the working precision.
        let unfolding: S
        /// Linear solves used.
        let iterations: Int
    }

    private var n: Int { corrector.problem.dimension }

    /// A start for psi where no better one is known: the unit eigenvector of the smallest
    /// eigenvalue of F_y F_y^T at `state`, the direction F_y comes closest to annihilating from
    /// the left. The eigensolver is Jacobi's, robust however close that eigenvalue is to zero.
    func nullVectorGuess(at state: [Double]) throws(StepFailure) -> [Double] {
        let evaluation = try corrector.evaluate(state, precision: 53)
        var gram = Matrix(rows: n, columns: n, repeating: 0.0)
        for i in 0..<n {
            for k in 0...i {
                var sum = evaluation.parameterDerivative[i] * evaluation.parameterDerivative[k]
                for j in 0..<n { sum += evaluation.jacobian[i, j] * evaluation.jacobian[k, j] }
                gram[i, k] = sum
                gram[k, i] = sum
            }
        }
        do {
            return try SymmetricEigendecomposition(symmetric: gram).vectors.column(0)
        } catch {
            throw .singularSystem(parameter: state[n])
        }
    }

    /// Newton's method on the augmented system from (`state`, `nullVector`, mu = 0), with the
    /// convergence and stall rules of the corrector (`options`).
    func solve<S: Scalar>(from state: [S], nullVector: [S], options: NewtonOptions<S>) throws(StepFailure) -> Solution<S> {
        let p = options.precision
        let one = S(1, precision: p)
        var y = state
        var psi = nullVector
        var mu = S(0, precision: p)
        var updates: [S] = []
        while true {
            let evaluation = try corrector.evaluate(y, precision: p)
            let equations = residual(evaluation, psi: psi, mu: mu)
            if options.hasConverged(after: updates, scale: S.maximum(one, maxNorm(y + psi + [mu]))) {
                return Solution(state: y, nullVector: psi, unfolding: mu, iterations: updates.count)
            }
            guard updates.count < options.maxIterations else {
                throw .newtonDidNotConverge(iterations: updates.count, residual: maxNorm(equations).doubleValue)
            }
            let matrix = try jacobian(evaluation, at: y, psi: psi, mu: mu, precision: p)
            let update: [S]
            do {
                update = try solveLinearSystem(matrix, equations)
            } catch {
                throw .singularSystem(parameter: y[n].doubleValue)
            }
            y = subtracting(y, Array(update[0...n]))
            psi = subtracting(psi, Array(update[(n + 1)..<(2 * n + 1)]))
            mu -= update[2 * n + 1]
            updates.append(maxNorm(update))
        }
    }

    /// [F + mu psi; F_y^T psi; (psi . psi - 1) / 2].
    private func residual<S: Scalar>(_ evaluation: SystemEvaluation<S>, psi: [S], mu: S) -> [S] {
        let half = S(1, precision: mu.precision) / 2
        let first = adding(evaluation.residual, mu, times: psi)
        return first + leftProduct(evaluation, psi) + [(dot(psi, psi) - 1) * half]
    }

    /// psi^T F_y: n + 1 entries, the last one psi . F_lambda.
    private func leftProduct<S: Scalar>(_ evaluation: SystemEvaluation<S>, _ psi: [S]) -> [S] {
        (0...n).map { j in
            var sum = psi[0] * (j < n ? evaluation.jacobian[0, j] : evaluation.parameterDerivative[0])
            for i in 1..<n { sum += psi[i] * (j < n ? evaluation.jacobian[i, j] : evaluation.parameterDerivative[i]) }
            return sum
        }
    }

    /// The (2n + 2) x (2n + 2) Jacobian in the unknowns' order (y, psi, mu):
    ///
    ///     [ F_y          mu I   psi ]
    ///     [ psi^T F_yy   F_y^T  0   ]
    ///     [ 0            psi^T  0   ]
    ///
    /// with psi^T F_yy from the problem, checked for its size and finiteness and lifted to `p` bits.
    private func jacobian<S: Scalar>(
        _ evaluation: SystemEvaluation<S>, at y: [S], psi: [S], mu: S, precision p: Int
    ) throws(StepFailure) -> Matrix<S> {
        let size = 2 * n + 2
        var matrix = Matrix(rows: size, columns: size, repeating: S(0, precision: p))
        for i in 0..<n {
            for j in 0...n {
                let entry = j < n ? evaluation.jacobian[i, j] : evaluation.parameterDerivative[i]
                matrix[i, j] = entry
                matrix[n + j, n + 1 + i] = entry
            }
            matrix[i, n + 1 + i] = mu
            matrix[i, 2 * n + 1] = psi[i]
            matrix[2 * n + 1, n + 1 + i] = psi[i]
        }
        let second: Matrix<S>
        do {
            second = try corrector.problem.secondDerivative(Array(y[0..<n]), parameter: y[n], weightedBy: psi)
        } catch {
            throw .evaluationFailed(parameter: y[n].doubleValue, error: error)
        }
        guard second.rows == n + 1, second.columns == n + 1 else {
            throw .evaluationFailed(
                parameter: y[n].doubleValue,
                error: ContinuationError.dimensionMismatch(
                    "second derivative \(second.rows)x\(second.columns) for a problem of dimension \(n)"))
        }
        guard second.elements.allSatisfy(\.isFinite) else {
            throw .evaluationFailed(parameter: y[n].doubleValue, error: ScalarError.notFinite("a second derivative of the problem"))
        }
        for j in 0...n {
            for l in 0...n { matrix[n + j, l] = second[j, l].rounded(toPrecision: p) }
        }
        return matrix
    }
}
