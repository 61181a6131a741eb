import Families
import LossModel
import MultiPrecision

/// One fixed space of the atlas: the ladder d at which it was searched, and its families.
public struct AtlasSpace: Sendable, Codable {
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
public struct AtlasCopy: Sendable, Codable {
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
        family.onset?.approximateD ?? family.followed?.from ?? .infinity
    }
}
