import Continuation
import LossModel
import MultiPrecision

/// A fold, a branch point or a saddle/minimum transition of a family, located with proved
/// digits (docs/design.md sections 4 and 6). Every value is a ``ProvedValue``: produced here
/// once, read as it is by certification, reports, diagrams and data files.
public struct LocatedFamilyEvent: Sendable {
    /// The raw value is the reports' word for the kind.
    public enum Kind: String, Sendable, Codable {
        case transition, fold
        /// A trivial-part eigenvalue crosses zero while the family goes straight on (d keeps
        /// its direction): another branch of critical points of the same fixed space crosses
        /// the family there.
        case branchPoint = "branch point"
    }

    /// For a transition or a branch point: the index and the crossing eigenvalue one unit of
    /// the last printed digit of d below and above it, where the eigenvalue must have opposite
    /// signs.
    public struct SignCheck: Sendable {
        public let indexBelow: Double
        public let indexAbove: Double
        public let eigenvalueBelow: BigFloat
        public let eigenvalueAbove: BigFloat

        public init(indexBelow: Double, indexAbove: Double, eigenvalueBelow: BigFloat, eigenvalueAbove: BigFloat) {
            self.indexBelow = indexBelow
            self.indexAbove = indexAbove
            self.eigenvalueBelow = eigenvalueBelow
            self.eigenvalueAbove = eigenvalueAbove
        }
    }

    /// For a fold: the side of it on which the family lives.
    public enum FoldSide: Sendable, Codable {
        /// The family comes from and returns to smaller d.
        case smallerD
        case largerD
    }

    public let family: String
    public let partition: Partition
    public let kind: Kind
    /// The sweep's event that was located: its bracket of trace points.
    public let sweepEvent: FamilyEvent
    /// d with every printed digit proved (agreement at two precisions, and for a transition or
    /// a branch point opposite signs of the crossing eigenvalue one unit of the last digit
    /// either side).
    public let d: ProvedValue
    public let loss: ProvedValue
    /// The fixed space's variable names, and the coordinates in that order.
    public let names: [String]
    public let coordinates: [ProvedValue]
    /// The isotypic part whose eigenvalue vanishes (the trivial part at a fold or a branch
    /// point).
    public let part: IsotypicPartID
    public let irrep: String
    public let multiplicity: CountPolynomial
    public let multiplicityValue: Double
    /// The sign check of a transition or a branch point (nil for a fold, or when no digit
    /// survived it).
    public let signCheck: SignCheck?
    /// For a fold, where the family lives.
    public let foldSide: FoldSide?
    /// True when every check passed for all printed digits.
    public let verified: Bool
    /// The location at the check precision, which a certificate refines further instead of
    /// locating the event again.
    public let location: LocatedEvent<BigFloat>

    public init(
        family: String, partition: Partition, kind: Kind, sweepEvent: FamilyEvent, d: ProvedValue, loss: ProvedValue,
        names: [String], coordinates: [ProvedValue], part: IsotypicPartID, irrep: String, multiplicity: CountPolynomial,
        multiplicityValue: Double, signCheck: SignCheck?, foldSide: FoldSide?, verified: Bool, location: LocatedEvent<BigFloat>
    ) {
        self.family = family
        self.partition = partition
        self.kind = kind
        self.sweepEvent = sweepEvent
        self.d = d
        self.loss = loss
        self.names = names
        self.coordinates = coordinates
        self.part = part
        self.irrep = irrep
        self.multiplicity = multiplicity
        self.multiplicityValue = multiplicityValue
        self.signCheck = signCheck
        self.foldSide = foldSide
        self.verified = verified
        self.location = location
    }

    /// Significant digits proved in ``d``.
    public var digits: Int { d.digits }
    /// d as a Double, for sorting and plotting.
    public var approximateD: Double { d.approximate }
    /// k at the event (a real number when d is fractional).
    public var k: Double { partition.k.value(at: approximateD) }
}
