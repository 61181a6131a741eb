import LossModel

/// What `spurious atlas` surveys (issue 14): which fixed spaces, at which integer d the
/// critical-point search runs, how far families are reported, and to how many digits.
public struct AtlasRequest: Sendable, Codable, Equatable {
    /// The fixed spaces, in the order of the summary.
    public var spaces: [Partition]
    /// The integer d at which each space is searched for spurious minima (a d at which a
    /// space's spectrum is not fully defined is skipped for that space).
    public var ladder: [Int]
    /// Rows of spurious minima are reported for every integer k in 6...maxK; families are
    /// followed up to d = max(maxK, the ladder's top).
    public var maxK: Int
    /// Proved significant digits of every located event and of every minimum's loss and
    /// smallest eigenvalue.
    public var digits: Int
    /// Newton starts per space and ladder d, and their seed (the search is reproducible).
    public var starts: Int
    public var rngSeed: UInt64
    /// Fixed spaces surveyed at the same time; the result does not depend on it.
    public var jobs: Int
    /// Continuation steps per direction of a family.
    public var maxSteps: Int

    /// The smallest k of the minima rows: Safran and Shamir's spurious minima start at k = 6.
    public static let smallestK = 6
    /// The default ladder of issue 14: dense where the transitions of the catalog lie (d < 8),
    /// sparser above, where the families found are mostly continued ones.
    public static let defaultLadder = [6, 7, 8, 10, 12, 14, 17, 20, 25, 30, 40]

    public init(
        spaces: [Partition] = AtlasSpaces.defaults(maxSize: 9), ladder: [Int] = AtlasRequest.defaultLadder,
        maxK: Int = 40, digits: Int = 20, starts: Int = 100, rngSeed: UInt64 = 1, jobs: Int = 1, maxSteps: Int = 4000
    ) {
        self.spaces = spaces
        self.ladder = ladder
        self.maxK = maxK
        self.digits = digits
        self.starts = starts
        self.rngSeed = rngSeed
        self.jobs = jobs
        self.maxSteps = maxSteps
    }

    /// Whether `other` asks for the same atlas: everything but ``jobs`` equal.
    public func describesTheSameWork(as other: AtlasRequest) -> Bool {
        var other = other
        other.jobs = jobs
        return self == other
    }

    /// The upper end of every family's sweep.
    public var maxD: Int { Swift.max(maxK, ladder.max() ?? maxK) }
}
