import Continuation

/// Why a job stopped, with the family or event it was working on.
public enum JobError: Error, CustomStringConvertible {
    /// A family could not be followed (a bad seed, a d outside the fixed space's range).
    case family(String, any Error)
    /// An event of a family could not be located to the digits asked for.
    case location(family: String, event: ContinuationEvent, nearD: Double, any Error)

    public var description: String {
        switch self {
        case let .family(name, error):
            return "\(name): \(error)"
        case let .location(name, event, d, error):
            return "\(name): could not locate the \(event) near d = \(d.formatted(significantDigits: 6)): \(error)"
        }
    }
}
