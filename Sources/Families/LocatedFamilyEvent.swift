import LossModel

/// A fold or a saddle/minimum transition of a family, located and printed with proved digits
/// only (DESIGN.md section 4).
public struct LocatedFamilyEvent: Sendable {
    public enum Kind: String, Sendable {
        case transition, fold
    }

    public let family: String
    public let partition: Partition
    public let kind: Kind
    /// d with every printed digit proved (agreement at two precisions, and for a transition
    /// opposite signs of the crossing eigenvalue one unit of the last digit either side).
    public let d: String
    /// Significant digits in ``d``.
    public let digits: Int
    public let k: Double
    public let loss: String
    public let coordinates: [(name: String, value: String)]
    /// The isotypic part whose eigenvalue vanishes ("trivial" at a fold).
    public let irrep: String
    public let multiplicity: CountPolynomial
    public let multiplicityValue: Double
    /// Index just below and just above d (transitions).
    public let indexBelow: Double?
    public let indexAbove: Double?
    /// The crossing eigenvalue one unit of the last digit below and above d (transitions).
    public let eigenvalueBelow: String?
    public let eigenvalueAbove: String?
    /// E.g. "saddle -> minimum" as d increases; for a fold, which side the family lives on.
    public let direction: String
    /// True when every check passed for all printed digits.
    public let verified: Bool
    /// d as a Double, for sorting and plotting.
    public let approximateD: Double
}
