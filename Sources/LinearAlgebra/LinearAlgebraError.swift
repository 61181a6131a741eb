/// Why a linear-algebra routine has no answer.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The matrix is singular to working precision; `column` is where elimination broke down.
    case singular(column: Int)
    /// An iteration did not converge within its sweep limit.
    case notConverged(String)
    /// Shapes that do not fit together.
    case dimensionMismatch(String)
    /// A weight of a pencil's metric that is not positive.
    case nonPositiveMetric(index: Int)
    /// Fewer independent directions than asked for: `found` vectors were independent to
    /// working precision where `expected` were needed.
    case rankDeficient(expected: Int, found: Int)

    public var description: String {
        switch self {
        case let .singular(column):
            return "the matrix is singular to working precision (no usable pivot in column \(column))"
        case let .notConverged(what): return "\(what) did not converge"
        case let .dimensionMismatch(what): return "dimension mismatch: \(what)"
        case let .nonPositiveMetric(index): return "metric weight \(index) is not positive"
        case let .rankDeficient(expected, found):
            return "only \(found) of the \(expected) directions asked for are independent to working precision"
        }
    }
}
