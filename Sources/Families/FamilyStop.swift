import Continuation

/// Why one direction of a family's sweep stopped, in the problem's terms (the report layer puts
/// them in words).
public enum FamilyStop: Sendable {
    /// The end of the requested range, d = `d`.
    case reachedRangeEnd(d: Double)
    /// The end of the range where every isotypic part is defined, near d = `near`.
    case leftDefinedRange(near: Double)
    /// The model could not be evaluated near d = `near` (a singular point, say).
    case evaluationFailed(near: Double, error: any Error)
    /// Any other reason the engine gives (too many steps, a step below the minimum).
    case engine(StopReason)

    init(_ reason: StopReason) {
        switch reason {
        case let .parameterRangeLeft(bound): self = .reachedRangeEnd(d: bound)
        case let .notAdmissible(parameter): self = .leftDefinedRange(near: parameter)
        case let .evaluationFailed(parameter, error): self = .evaluationFailed(near: parameter, error: error)
        default: self = .engine(reason)
        }
    }
}
