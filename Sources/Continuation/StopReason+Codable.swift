/// Stop reasons and step failures in files (`spurious atlas --shard`): the cases as they are,
/// with a problem's error kept as a ``RecordedError``.
extension StepFailure: Codable {
    private enum Recorded: Codable {
        case newtonDidNotConverge(iterations: Int, residual: Double)
        case residualGrew(iteration: Int, residual: Double)
        case correctionTooLarge(distance: Double, step: Double)
        case tangentTurned(angle: Double, step: Double)
        case singularSystem(parameter: Double)
        case evaluationFailed(parameter: Double, error: RecordedError)
        case notAdmissible(parameter: Double)
        case boundaryNotReached(bound: Double)
    }

    public func encode(to encoder: any Encoder) throws {
        let recorded: Recorded =
            switch self {
            case let .newtonDidNotConverge(iterations, residual): .newtonDidNotConverge(iterations: iterations, residual: residual)
            case let .residualGrew(iteration, residual): .residualGrew(iteration: iteration, residual: residual)
            case let .correctionTooLarge(distance, step): .correctionTooLarge(distance: distance, step: step)
            case let .tangentTurned(angle, step): .tangentTurned(angle: angle, step: step)
            case let .singularSystem(parameter): .singularSystem(parameter: parameter)
            case let .evaluationFailed(parameter, error): .evaluationFailed(parameter: parameter, error: RecordedError(error))
            case let .notAdmissible(parameter): .notAdmissible(parameter: parameter)
            case let .boundaryNotReached(bound): .boundaryNotReached(bound: bound)
            }
        try recorded.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        self =
            switch try Recorded(from: decoder) {
            case let .newtonDidNotConverge(iterations, residual): .newtonDidNotConverge(iterations: iterations, residual: residual)
            case let .residualGrew(iteration, residual): .residualGrew(iteration: iteration, residual: residual)
            case let .correctionTooLarge(distance, step): .correctionTooLarge(distance: distance, step: step)
            case let .tangentTurned(angle, step): .tangentTurned(angle: angle, step: step)
            case let .singularSystem(parameter): .singularSystem(parameter: parameter)
            case let .evaluationFailed(parameter, error): .evaluationFailed(parameter: parameter, error: error)
            case let .notAdmissible(parameter): .notAdmissible(parameter: parameter)
            case let .boundaryNotReached(bound): .boundaryNotReached(bound: bound)
            }
    }
}

extension StopReason: Codable {
    private enum Recorded: Codable {
        case parameterRangeLeft(bound: Double)
        case maxSteps
        case maxFolds
        case stepTooSmall(StepFailure)
        case notAdmissible(parameter: Double)
        case evaluationFailed(parameter: Double, error: RecordedError)
    }

    public func encode(to encoder: any Encoder) throws {
        let recorded: Recorded =
            switch self {
            case let .parameterRangeLeft(bound): .parameterRangeLeft(bound: bound)
            case .maxSteps: .maxSteps
            case .maxFolds: .maxFolds
            case let .stepTooSmall(failure): .stepTooSmall(failure)
            case let .notAdmissible(parameter): .notAdmissible(parameter: parameter)
            case let .evaluationFailed(parameter, error): .evaluationFailed(parameter: parameter, error: RecordedError(error))
            }
        try recorded.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        self =
            switch try Recorded(from: decoder) {
            case let .parameterRangeLeft(bound): .parameterRangeLeft(bound: bound)
            case .maxSteps: .maxSteps
            case .maxFolds: .maxFolds
            case let .stepTooSmall(failure): .stepTooSmall(failure)
            case let .notAdmissible(parameter): .notAdmissible(parameter: parameter)
            case let .evaluationFailed(parameter, error): .evaluationFailed(parameter: parameter, error: error)
            }
    }
}
