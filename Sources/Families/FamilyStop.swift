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

/// In files (`spurious atlas --shard`): the cases as they are, the model's error kept as a
/// ``RecordedError``.
extension FamilyStop: Codable {
    private enum Recorded: Codable {
        case reachedRangeEnd(d: Double)
        case leftDefinedRange(near: Double)
        case evaluationFailed(near: Double, error: RecordedError)
        case engine(StopReason)
    }

    public func encode(to encoder: any Encoder) throws {
        let recorded: Recorded =
            switch self {
            case let .reachedRangeEnd(d): .reachedRangeEnd(d: d)
            case let .leftDefinedRange(near): .leftDefinedRange(near: near)
            case let .evaluationFailed(near, error): .evaluationFailed(near: near, error: RecordedError(error))
            case let .engine(reason): .engine(reason)
            }
        try recorded.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        self =
            switch try Recorded(from: decoder) {
            case let .reachedRangeEnd(d): .reachedRangeEnd(d: d)
            case let .leftDefinedRange(near): .leftDefinedRange(near: near)
            case let .evaluationFailed(near, error): .evaluationFailed(near: near, error: error)
            case let .engine(reason): .engine(reason)
            }
    }
}
