/// Why a sweep ended. Every sweep ends with one of these and keeps the points accepted so far.
public enum StopReason: Sendable, CustomStringConvertible {
    /// The curve left lambdaMin...lambdaMax; the last point lies exactly on `bound` when a point
    /// there could be found.
    case parameterRangeLeft(bound: Double)
    /// maxSteps steps were accepted.
    case maxSteps
    /// maxFolds folds were passed.
    case maxFolds
    /// The step had to be halved below dsMin; the failure that forced the last halving.
    case stepTooSmall(StepFailure)
    /// The curve runs into parameters the problem declares invalid, first met at `parameter`.
    case notAdmissible(parameter: Double)
    /// The problem threw as the sweep approached `parameter` (a singular point, say) and kept
    /// throwing however small the step; its error is kept.
    case evaluationFailed(parameter: Double, error: any Error)

    /// The stop reason for a step that cannot be made smaller after `failure`: failures that
    /// belong to the problem get their own case, numerical ones stay a small step.
    init(stepFailure failure: StepFailure) {
        switch failure {
        case let .evaluationFailed(parameter, error): self = .evaluationFailed(parameter: parameter, error: error)
        case let .notAdmissible(parameter): self = .notAdmissible(parameter: parameter)
        default: self = .stepTooSmall(failure)
        }
    }

    public var description: String {
        switch self {
        case let .parameterRangeLeft(bound): return "left the parameter range at \(bound)"
        case .maxSteps: return "reached the maximum number of steps"
        case .maxFolds: return "passed the maximum number of folds"
        case let .stepTooSmall(failure): return "step below dsMin: \(failure)"
        case let .notAdmissible(parameter): return "parameter \(parameter) is outside the problem's valid range"
        case let .evaluationFailed(parameter, error):
            return "the problem could not be evaluated near parameter \(parameter): \(error)"
        }
    }
}
