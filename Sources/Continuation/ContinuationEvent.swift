/// Something that happens between accepted points of a sweep: found in `Double` during the
/// sweep, then located to any precision by ``PseudoArclength/locate(event:in:precision:digits:)``.
public struct ContinuationEvent: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// dlambda/ds changes sign: lambda turns back.
        case fold
        /// det[F_x F_lambda; t^T] changes sign: the Jacobian [F_x F_lambda] loses rank between
        /// the points, where a second branch crosses this one and this one goes straight on
        /// (at a fold the determinant keeps its sign and dlambda/ds changes; here it is the
        /// other way round, unless a fold lies in the same step too).
        case branchPoint
        /// Test function `index` changes sign.
        case testFunction(index: Int)
        /// Test function `index` comes close to zero without changing sign: flagged, not located,
        /// since there may be two zeros or none between the points.
        case touch(index: Int)
    }

    public let kind: Kind
    /// "fold", "branch point", or the test function's name.
    public let name: String
    /// Indices of the points that show the event: two neighbours with opposite signs, or for a
    /// touch the three around the smallest magnitude.
    public let bracket: ClosedRange<Int>

    public init(kind: Kind, name: String, bracket: ClosedRange<Int>) {
        self.kind = kind
        self.name = name
        self.bracket = bracket
    }

    /// Whether the event has a sign change to locate.
    public var isLocatable: Bool {
        if case .touch = kind { return false }
        return true
    }

    public var description: String {
        switch kind {
        case .fold: return "fold between points \(bracket.lowerBound) and \(bracket.upperBound)"
        case .branchPoint: return "branch point between points \(bracket.lowerBound) and \(bracket.upperBound)"
        case .testFunction:
            return "\(name) changes sign between points \(bracket.lowerBound) and \(bracket.upperBound)"
        case .touch: return "\(name) touches zero near point \(bracket.lowerBound + 1)"
        }
    }
}
