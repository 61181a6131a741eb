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
    /// The augmented system of a branch point has its solution at `sigma` along a secant of
    /// length `length`, outside the bracket: the sweep's step held more than one singular point.
    case branchPointOutsideBracket(sigma: Double, length: Double)
    /// The augmented system converged with mu = `unfolding`, not zero: its solution is a branch
    /// point of a perturbed F, not a point of this curve.
    case notABranchPoint(unfolding: Double)
    /// The event changes sign within eps^(1/3) of a branch point at `bits` bits without
    /// vanishing at it: the curve's points there cannot tell the two apart.
    case tooCloseToBranchPoint(ContinuationEvent, bits: Int)

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
        case let .branchPointOutsideBracket(sigma, length):
            return "the branch point's augmented system has its solution at \(sigma) along a secant of length \(length), outside the bracket: the step held more than one singular point; follow with a smaller maximum step"
        case let .notABranchPoint(unfolding):
            return "the branch point's augmented system converged with mu = \(unfolding), not 0: no branch point of this curve was found there"
        case let .tooCloseToBranchPoint(event, bits):
            return "\(event) lies too close to a branch point to be told apart from it at \(bits) bits: raise the precision"
        }
    }
}
