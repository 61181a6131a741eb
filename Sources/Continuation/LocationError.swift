/// Why an event could not be located to the digits asked for.
public enum LocationError: Error, CustomStringConvertible {
    /// A touch has no sign change to locate.
    case notLocatable(ContinuationEvent)
    /// The event does not refer to two neighbouring points of this result, or to a test
    /// function of this problem.
    case eventNotInResult(ContinuationEvent)
    /// Fewer than one digit asked for.
    case invalidDigits(Int)
    /// `bits` of precision cannot carry `digits` digits plus the guard digits: `required` are
    /// needed.
    case precisionTooLow(bits: Int, digits: Int, required: Int)
    /// The two bracketing points coincide.
    case degenerateBracket
    /// At working precision the event function has the same sign at both ends of the widest
    /// bracket: the sign change seen in `Double` was not there (or there were two).
    case bracketLost(lowerValue: Double, upperValue: Double)
    /// A point of the curve could not be found at `sigma` along the secant.
    case correctorFailed(sigma: Double, StepFailure)
    /// The bracket stopped shrinking at working precision before reaching the digits asked
    /// for: the event is ill-conditioned at this precision; raise it.
    case precisionExhausted(bits: Int, digits: Int)
    /// The safeguarded secant used up its iterations.
    case notConverged(iterations: Int)

    public var description: String {
        switch self {
        case let .notLocatable(event): return "\(event) is a touch, not a sign change: it cannot be located"
        case let .eventNotInResult(event): return "\(event) does not belong to this continuation result"
        case let .invalidDigits(digits): return "at least one digit must be asked for (asked \(digits))"
        case let .precisionTooLow(bits, digits, required):
            return "\(bits) bits cannot carry \(digits) digits with guard digits: at least \(required) bits are needed"
        case .degenerateBracket: return "the two points bracketing the event coincide"
        case let .bracketLost(lowerValue, upperValue):
            return "the event function has the same sign at both ends of the bracket (\(lowerValue), \(upperValue))"
        case let .correctorFailed(sigma, failure):
            return "no point of the curve found at \(sigma) along the secant: \(failure)"
        case let .precisionExhausted(bits, digits):
            return "\(bits) bits were exhausted before \(digits) digits were reached: raise the precision"
        case let .notConverged(iterations): return "the event was not located in \(iterations) iterations"
        }
    }
}
