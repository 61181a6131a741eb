import Families
import LossModel
import MultiPrecision

/// A family of the atlas at one integer k where it is a spurious minimum of its own isotropy,
/// with proved digits (docs/design.md section 6).
public struct AtlasMinimum: Sendable {
    public let k: Int
    public let d: Int
    public let loss: ProvedValue
    public let minEigenvalue: ProvedValue
    /// Sum of the multiplicities of the negative eigenvalues: 0, as the row is a minimum.
    public let index: Double

    public init(k: Int, d: Int, loss: ProvedValue, minEigenvalue: ProvedValue, index: Double) {
        self.k = k
        self.d = d
        self.loss = loss
        self.minEigenvalue = minEigenvalue
        self.index = index
    }
}

/// One family of the atlas: where the search found it, the family followed both ways with its
/// events located, and its spurious minima at integer k.
public struct AtlasFamily: Sendable {
    /// The catalog's kind of name ("d-2,2 two-flipped", "#2" for a second family of the same
    /// partition and flipped rows), unique within the atlas. The seed's `family.name`, and the
    /// name its events carry, are those given while its space was surveyed, which may number
    /// differently where a copy of another space's family was left out.
    public let name: String
    public let family: Family
    /// The ladder d at which the search found a spurious minimum on this family (or a copy of
    /// one under a symmetry of the problem), ascending.
    public let foundAt: [Int]
    /// The family followed and located; the error when following or locating failed.
    public let run: Result<FamilyRun, any Error>
    public let minima: [AtlasMinimum]

    public init(name: String, family: Family, foundAt: [Int], run: Result<FamilyRun, any Error>, minima: [AtlasMinimum]) {
        self.name = name
        self.family = family
        self.foundAt = foundAt
        self.run = run
        self.minima = minima
    }

    public var partition: Partition { family.partition }

    /// The located events along the family (none when it could not be followed).
    public var events: [LocatedFamilyEvent] { (try? run.get())?.located ?? [] }

    /// d*: the lowest located transition where the family turns from saddle into minimum as d
    /// increases (index above 0 just below, 0 just above). Nil when it has none: it is then a
    /// minimum down to the lower end of its sweep (``isMinimumAtLowerEnd``) or never turns into
    /// one through a located transition.
    public var onset: LocatedFamilyEvent? {
        events.filter { event in
            guard event.kind == .transition, let check = event.signCheck else { return false }
            return check.indexBelow > 0 && check.indexAbove == 0
        }.min { $0.approximateD < $1.approximateD }
    }

    /// True when the lowest point of the followed family is a minimum: with no ``onset`` the
    /// family stays a minimum down to where its sweep stopped.
    public var isMinimumAtLowerEnd: Bool {
        guard let trace = try? run.get().trace, let lowest = trace.points.min(by: { $0.d < $1.d }) else { return false }
        return lowest.stability == .minimum
    }
}

/// One fixed space of the atlas: the ladder d at which it was searched, and its families.
public struct AtlasSpace: Sendable {
    public let partition: Partition
    /// The ladder d at which the space's spectrum is fully defined, where it was searched.
    public let searchedAt: [Int]
    /// Its families, in the order they were found (ladder d, then loss).
    public let families: [AtlasFamily]

    public init(partition: Partition, searchedAt: [Int], families: [AtlasFamily]) {
        self.partition = partition
        self.searchedAt = searchedAt
        self.families = families
    }
}

/// A family of a finer space that is a copy of an earlier space's family under a symmetry of
/// the problem outside the finer group (same loss and full spectrum at a common ladder d), and
/// so not listed again.
public struct AtlasCopy: Sendable {
    /// The finer space, and the ladder d at which its minimum was found.
    public let partition: Partition
    public let d: Int
    /// The listed family it is a copy of.
    public let of: String

    public init(partition: Partition, d: Int, of: String) {
        self.partition = partition
        self.d = d
        self.of = of
    }
}

/// The atlas: every space in the request's order, each with the families listed for it.
public struct AtlasResult: Sendable {
    public let request: AtlasRequest
    public let spaces: [AtlasSpace]
    public let copies: [AtlasCopy]

    public init(request: AtlasRequest, spaces: [AtlasSpace], copies: [AtlasCopy]) {
        self.request = request
        self.spaces = spaces
        self.copies = copies
    }

    /// Every family, by space in the request's order, then by d* (families that are minima down
    /// to the lower end of their sweep, without a d*, first at that end's d).
    public var families: [AtlasFamily] {
        spaces.flatMap { space in
            space.families.enumerated().sorted { a, b in
                let (x, y) = (AtlasResult.sortD(a.element), AtlasResult.sortD(b.element))
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
    }

    static func sortD(_ family: AtlasFamily) -> Double {
        if let onset = family.onset { return onset.approximateD }
        guard let trace = try? family.run.get().trace, let lowest = trace.points.map(\.d).min() else { return .infinity }
        return lowest
    }
}
