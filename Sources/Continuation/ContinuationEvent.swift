/// Something that happens between accepted points of a sweep: found in `Double` during the
/// sweep, then located to any precision by ``PseudoArclength/locate(event:in:precision:digits:)``.
public struct ContinuationEvent: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// dlambda/ds changes sign: lambda turns back.
        case fold
        /// Test function `index` changes sign.
        case testFunction(index: Int)
        /// Test function `index` comes close to zero without changing sign: flagged, not located,
        /// since there may be two zeros or none between the points.
        case touch(index: Int)
    }

    public let kind: Kind
    /// "fold", or the test function's name.
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
        case .testFunction:
            return "\(name) changes sign between points \(bracket.lowerBound) and \(bracket.upperBound)"
        case .touch: return "\(name) touches zero near point \(bracket.lowerBound + 1)"
        }
    }
}
