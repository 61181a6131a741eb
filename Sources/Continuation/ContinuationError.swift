/// Why a sweep could not start. Once it has started, a sweep always returns its points with a
/// ``StopReason``, so that nothing followed so far is lost.
public enum ContinuationError: Error, CustomStringConvertible {
    /// Settings that contradict each other or make no sense.
    case invalidSettings(String)
    /// Vectors or matrices whose sizes do not match the problem's dimension.
    case dimensionMismatch(String)
    /// The seed's parameter lies outside lambdaMin...lambdaMax.
    case seedOutsideRange(parameter: Double)
    /// Newton's method at the seed's fixed parameter failed, so there is no point to start from.
    case seedFailed(StepFailure)

    public var description: String {
        switch self {
        case let .invalidSettings(message): return "invalid continuation settings: \(message)"
        case let .dimensionMismatch(message): return "dimension mismatch: \(message)"
        case let .seedOutsideRange(parameter):
            return "the seed's parameter \(parameter) lies outside the parameter range"
        case let .seedFailed(failure): return "the seed could not be corrected: \(failure)"
        }
    }
}
