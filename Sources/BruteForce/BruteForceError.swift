/// Why the brute-force reference model has no answer.
///
/// The reference model is used to judge the fast reduced model, so it refuses rather than
/// returns numbers that mean nothing (docs/design.md section 1: a singular point must be said so).
public enum BruteForceError: Error, Equatable, CustomStringConvertible {
    /// The loss is not differentiable here: a zero row (or a non-finite entry). The text says
    /// which. Parallel and anti-parallel rows are not singular (docs/design.md section 1).
    case singular(String)
    /// A partition text that the simple parser does not understand.
    case malformedPartition(String)
    /// A block list that does not describe a fixed-point space.
    case invalidLayout(String)
    /// A number of fixed-space values different from the number of variables.
    case valueCount(expected: Int, got: Int)

    public var description: String {
        switch self {
        case let .singular(what): return "singular point: \(what)"
        case let .malformedPartition(what): return "malformed partition: \(what)"
        case let .invalidLayout(what): return "invalid fixed-space layout: \(what)"
        case let .valueCount(expected, got): return "\(expected) fixed-space values expected, got \(got)"
        }
    }
}
