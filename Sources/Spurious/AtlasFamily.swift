import Continuation
import Families
import LossModel
import MultiPrecision

/// A family of the atlas at one integer k where it is a spurious minimum of its own isotropy,
/// with proved digits (docs/design.md section 6).
public struct AtlasMinimum: Sendable, Codable {
    public let k: Int
    public let d: Int
    public let loss: ProvedValue
    public let minEigenvalue: ProvedValue
    /// Sum of the multiplicities of the negative eigenvalues: 0, as the row is a minimum.
    public let index: Double
    /// The point of the family's trace at d, corrected in Double, from which the proved digits
    /// were polished: where anyone can start to check the row.
    public let x: [Double]

    public init(k: Int, d: Int, loss: ProvedValue, minEigenvalue: ProvedValue, index: Double, x: [Double]) {
        self.k = k
        self.d = d
        self.loss = loss
        self.minEigenvalue = minEigenvalue
        self.index = index
        self.x = x
    }
}

/// Where a family of the atlas was followed: the d range of its trace, how many points, why
/// each direction stopped, and whether its lowest point is a minimum.
public struct AtlasFollowed: Sendable, Codable {
    public let from: Double
    public let to: Double
    public let points: Int
    public let lowerStop: FamilyStop?
    public let upperStop: FamilyStop?
    /// The lowest point of the trace is a minimum (with no d*, the family stays one down to
    /// where its sweep stopped).
    public let minimumAtLowerEnd: Bool

    init(_ trace: FamilyTrace) {
        let ds = trace.points.map(\.d)
        from = ds.min() ?? .nan
        to = ds.max() ?? .nan
        points = trace.points.count
        lowerStop = trace.lowerStop
        upperStop = trace.upperStop
        minimumAtLowerEnd = trace.points.min(by: { $0.d < $1.d })?.stability == .minimum
    }
}

/// One event of an atlas family: located to proved digits, or, when its location failed, the
/// sweep's estimate of where it lies and the reason.
public struct AtlasEvent: Sendable, Codable {
    /// What a located event's report needs.
    public struct Location: Sendable, Codable {
        public let d: ProvedValue
        public let digits: Int
        public let loss: ProvedValue
        public let irrep: String
        public let multiplicity: CountPolynomial
        /// The index just below and just above d (transitions and branch points).
        public let indexBelow: Double?
        public let indexAbove: Double?
        public let foldSide: LocatedFamilyEvent.FoldSide?
        public let verified: Bool
    }

    public let kind: LocatedFamilyEvent.Kind
    /// The sweep's d of the event (the bracket's lower point): for ordering, and for an event
    /// that could not be located.
    public let nearD: Double
    /// The sweep event's name ("standard of S_{d-1} #1 changes sign").
    public let name: String
    public let location: Location?
    public let failure: RecordedError?

    init(_ event: LocatedFamilyEvent) {
        kind = event.kind
        nearD = event.approximateD
        name = event.sweepEvent.event.name
        location = Location(
            d: event.d, digits: event.digits, loss: event.loss, irrep: event.irrep, multiplicity: event.multiplicity,
            indexBelow: event.signCheck?.indexBelow, indexAbove: event.signCheck?.indexAbove, foldSide: event.foldSide,
            verified: event.verified)
        failure = nil
    }

    init(failed event: FamilyEvent, of trace: FamilyTrace, _ error: any Error) {
        kind =
            switch event.event.kind {
            case .fold: .fold
            case .branchPoint: .branchPoint
            case .testFunction, .touch: .transition
            }
        nearD = trace.points[event.points.lowerBound].d
        name = event.event.name
        location = nil
        failure = RecordedError(error)
    }

    /// The located d, or the sweep's estimate.
    public var approximateD: Double { location?.d.approximate ?? nearD }
}

/// One family of the atlas: where the search found it, the family followed both ways with its
/// events located, and its spurious minima at integer k. A value: it goes to a partial result
/// file and back unchanged (``AtlasPart``).
public struct AtlasFamily: Sendable, Codable {
    /// The catalog's kind of name ("d-2,2 two-flipped", "#2" for a second family of the same
    /// partition and flipped rows), unique within the atlas. The seed's `family.name` is the
    /// name given while its space was surveyed, which may number differently where a copy of
    /// another space's family was left out.
    public let name: String
    public let family: Family
    /// The ladder d at which the search found a spurious minimum on this family (or a copy of
    /// one under a symmetry of the problem), ascending.
    public let foundAt: [Int]
    /// The trace's range and stops; nil when the family could not be followed (``failure``).
    public let followed: AtlasFollowed?
    public let failure: RecordedError?
    public let events: [AtlasEvent]
    public let minima: [AtlasMinimum]

    public init(
        name: String, family: Family, foundAt: [Int], followed: AtlasFollowed?, failure: RecordedError?, events: [AtlasEvent],
        minima: [AtlasMinimum]
    ) {
        self.name = name
        self.family = family
        self.foundAt = foundAt
        self.followed = followed
        self.failure = failure
        self.events = events
        self.minima = minima
    }

    public var partition: Partition { family.partition }

    func renamed(_ name: String, foundAt: [Int]? = nil) -> AtlasFamily {
        AtlasFamily(
            name: name, family: family, foundAt: foundAt ?? self.foundAt, followed: followed, failure: failure, events: events,
            minima: minima)
    }

    /// d*: the lowest located transition where the family turns from saddle into minimum as d
    /// increases (index above 0 just below, 0 just above). Nil when it has none: it is then a
    /// minimum down to the lower end of its sweep (``isMinimumAtLowerEnd``) or never turns into
    /// one through a located transition.
    public var onset: AtlasEvent? {
        events.filter { event in
            guard event.kind == .transition, let below = event.location?.indexBelow, let above = event.location?.indexAbove
            else { return false }
            return below > 0 && above == 0
        }.min { $0.approximateD < $1.approximateD }
    }

    /// The located fold where the trace reaches its lowest d and turns back towards larger d:
    /// a family without ``onset`` that has one is born there (with a saddle branch), not at a
    /// transition.
    public var foldAtLowerEnd: AtlasEvent? {
        guard let from = followed?.from else { return nil }
        return events.first { event in
            guard event.kind == .fold, let location = event.location, location.foldSide == .largerD else { return false }
            return abs(location.d.approximate - from) <= 1e-6 * Swift.max(1, abs(from))
        }
    }

    /// True when the lowest point of the followed family is a minimum: with no ``onset`` the
    /// family stays a minimum down to where its sweep stopped.
    public var isMinimumAtLowerEnd: Bool { followed?.minimumAtLowerEnd ?? false }
}
