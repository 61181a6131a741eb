import LinearAlgebra
import MultiPrecision

/// What Newton's method made of one start.
public enum NewtonOutcome<S: Scalar>: Sendable {
    /// The plain Newton step fell below the tolerance; the point after that last step.
    case converged([S])
    /// Newton met a point where the loss is not twice differentiable, with no earlier Hessian
    /// to step on from (or one where not even the gradient exists).
    case singular(String)
    /// No convergence within the iteration cap, a point left the region where critical points
    /// lie, or a linear system had no solution.
    case diverged(String)
}

/// The limits of one Newton run.
public struct NewtonLimits<S: Scalar>: Sendable {
    /// Iterations of the deflated phase, then of the polish.
    public var maxIterations: Int
    public var polishIterations: Int
    /// The deflated phase ends when the plain Newton step, in max-norm, is at most this times
    /// max(1, |x|); plain Newton polishes from there.
    public var deflationTolerance: S
    /// Converged when the plain Newton step is at most this times max(1, |x|).
    public var stepTolerance: S
    /// A longer step (max-norm, relative to max(1, |x|)) is shortened to this length, so that
    /// one step from a poorly conditioned point cannot throw the iterate far away.
    public var maxStep: S
    /// An iterate whose max-norm exceeds this has diverged.
    public var divergenceNorm: S

    public init(maxIterations: Int, polishIterations: Int, deflationTolerance: S, stepTolerance: S, maxStep: S, divergenceNorm: S) {
        self.maxIterations = maxIterations
        self.polishIterations = polishIterations
        self.deflationTolerance = deflationTolerance
        self.stepTolerance = stepTolerance
        self.maxStep = maxStep
        self.divergenceNorm = divergenceNorm
    }
}

extension ReducedLoss {
    /// Damped Newton's method on the gradient from `start` at fixed `d`: on the deflated system
    /// of `deflation` until the plain Newton step is below `limits.deflationTolerance`, then
    /// plain Newton (no deflation) until it is below `limits.stepTolerance`.
    ///
    /// Convergence is judged by the plain Newton step -H^-1 grad L, whatever step is taken, so
    /// that it means "a root of the gradient is this close". When an iterate lands on a
    /// singular point (a zero row: no gradient or Hessian there, see
    /// ``hessian(at:d:includingD:)``) the last Hessian is reused for the step when the
    /// gradient exists. Parallel rows, the global minimum W = I included, are regular points.
    ///
    /// `abandoned` is asked before every iteration; once it says yes the run stops as diverged
    /// (a run computed ahead whose deflation is out of date, ``NewtonRunsAhead``).
    @_specialize(where S == Double)
    public func newton<S: Scalar>(
        from start: [S], d: S, deflation: Deflation<S>, limits: NewtonLimits<S>, abandoned: () -> Bool = { false }
    ) -> NewtonOutcome<S> {
        var x = start
        // Every step is at this d: its counts once (a point of another precision ignores them).
        let counts = self.counts.values(at: d)
        var lastHessian: Matrix<S>?
        var deflating = true
        var iterations = 0
        while iterations < (deflating ? limits.maxIterations : limits.polishIterations) {
            guard !abandoned() else { return .diverged("abandoned") }
            iterations += 1
            let scale = x.reduce(S(1)) { S.maximum($0, $1.magnitude) }
            guard x.allSatisfy(\.isFinite), scale <= limits.divergenceNorm else {
                return .diverged("the iterate left the region |x| <= \(limits.divergenceNorm)")
            }
            let gradient: [S]
            let hessian: Matrix<S>
            do {
                let evaluation = try self.hessian(at: x, d: d, counts: counts)
                gradient = evaluation.gradient
                hessian = evaluation.hessian
                lastHessian = evaluation.hessian
            } catch let error as ModelError where error.isZeroRow {
                guard let frozen = lastHessian,
                      let first = try? self.gradient(at: x, d: d)
                else { return .singular("\(error)") }
                gradient = first.gradient
                hessian = frozen
            } catch {
                return .diverged("\(error)")
            }
            let newtonStep: [S]
            do {
                newtonStep = try solveLinearSystem(hessian, gradient.map { -$0 })
            } catch {
                return .diverged("singular Hessian: \(error)")
            }
            let newtonLength = newtonStep.reduce(S(0)) { S.maximum($0, $1.magnitude) }
            guard newtonLength.isFinite else { return .diverged("non-finite Newton step") }
            if newtonLength <= limits.stepTolerance * scale {
                return .converged(zip(x, newtonStep).map { $0 + $1 })
            }
            if deflating && newtonLength <= limits.deflationTolerance * scale {
                deflating = false
                iterations = 0
            }
            var step = newtonStep
            if deflating && !deflation.roots.isEmpty {
                do {
                    step = try deflation.step(hessian: hessian, gradient: gradient, at: x)
                } catch {
                    return .diverged("singular deflated Jacobian: \(error)")
                }
            }
            let length = step.reduce(S(0)) { S.maximum($0, $1.magnitude) }
            guard length.isFinite else { return .diverged("non-finite deflated step") }
            let limit = limits.maxStep * scale
            if limit < length {
                let shrink = limit / length
                step = step.map { $0 * shrink }
            }
            x = zip(x, step).map { $0 + $1 }
        }
        return .diverged(deflating
            ? "no convergence in \(limits.maxIterations) iterations"
            : "the polish did not converge in \(limits.polishIterations) iterations")
    }
}
