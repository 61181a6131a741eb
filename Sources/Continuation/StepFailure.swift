/// Why one predictor-corrector step was rejected. The sweep halves the step and tries again;
/// when the step falls below dsMin the last failure becomes the sweep's ``StopReason``.
public enum StepFailure: Error, CustomStringConvertible {
    /// The corrector used up its iterations; `residual` is max|F| at the last iterate.
    case newtonDidNotConverge(iterations: Int, residual: Double)
    /// The residual grew from one corrector iterate to the next: Newton is diverging.
    case residualGrew(iteration: Int, residual: Double)
    /// The corrected point lies `distance` from its prediction, too far for a step of `step`:
    /// the corrector has probably been drawn to another part of the curve.
    case correctionTooLarge(distance: Double, step: Double)
    /// The tangent turned by `angle` radians over a step of `step`, more than the settings
    /// allow: the corrector has probably landed on a branch crossing this one.
    case tangentTurned(angle: Double, step: Double)
    /// The bordered (or fixed-parameter) Jacobian is singular to working precision at
    /// `parameter`.
    case singularSystem(parameter: Double)
    /// The problem threw while being evaluated at `parameter`; its error is kept.
    case evaluationFailed(parameter: Double, error: any Error)
    /// The problem declared `parameter` outside its valid range.
    case notAdmissible(parameter: Double)
    /// The curve left the parameter range but no point exactly on `bound` could be found
    /// between the last two points.
    case boundaryNotReached(bound: Double)

    public var description: String {
        switch self {
        case let .newtonDidNotConverge(iterations, residual):
            return "Newton did not converge in \(iterations) iterations (residual \(residual))"
        case let .residualGrew(iteration, residual):
            return "the Newton residual grew at iteration \(iteration) (to \(residual))"
        case let .correctionTooLarge(distance, step):
            return "the corrector moved \(distance) from the prediction, too far for a step of \(step)"
        case let .tangentTurned(angle, step):
            return "the tangent turned by \(angle) radians over a step of \(step): the corrector has probably landed on a crossing branch"
        case let .singularSystem(parameter):
            return "the Jacobian is singular to working precision at parameter \(parameter)"
        case let .evaluationFailed(parameter, error):
            return "the problem could not be evaluated at parameter \(parameter): \(error)"
        case let .notAdmissible(parameter):
            return "parameter \(parameter) is outside the problem's valid range"
        case let .boundaryNotReached(bound):
            return "no point exactly on the parameter bound \(bound) was found"
        }
    }
}
