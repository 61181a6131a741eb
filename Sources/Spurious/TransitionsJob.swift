import Families
import LossModel

/// Where the catalog looks for spurious minima.
public struct CatalogRequest: Sendable {
    public var partitions: [Partition]
    /// The reference d of the search.
    public var at: Double
    /// Newton starts per fixed space, and their seed.
    public var starts: Int
    public var rngSeed: UInt64

    public init(partitions: [Partition] = Catalog.defaultPartitions(), at: Double = 10, starts: Int = 200, rngSeed: UInt64 = 1) {
        self.partitions = partitions
        self.at = at
        self.starts = starts
        self.rngSeed = rngSeed
    }
}

/// What `spurious transitions` reports on: the catalog's families, or one family.
public struct TransitionsRequest: Sendable {
    public enum Families: Sendable {
        case catalog(CatalogRequest)
        /// One family, followed both ways (`to` nil) or to `to` only.
        case family(Family, to: Double?)
    }

    public var families: Families
    /// The upper end when a family is followed both ways.
    public var maxD: Double
    public var maxSteps: Int
    public var digits: Int
    public var certify: Bool

    public init(families: Families, maxD: Double = 40, maxSteps: Int = 4000, digits: Int = 30, certify: Bool = false) {
        self.families = families
        self.maxD = maxD
        self.maxSteps = maxSteps
        self.digits = digits
        self.certify = certify
    }
}

/// Every family followed, in order, and for the catalog the fixed spaces where it found no
/// spurious minimum of their own isotropy.
public struct TransitionsResult: Sendable {
    public let runs: [FamilyRun]
    /// The catalog's request, nil for one family.
    public let catalog: CatalogRequest?
    public let emptySpaces: [Partition]

    public init(runs: [FamilyRun], catalog: CatalogRequest?, emptySpaces: [Partition]) {
        self.runs = runs
        self.catalog = catalog
        self.emptySpaces = emptySpaces
    }

    /// Every located event, family by family, along each family.
    public var events: [FamilyRun.Event] { runs.flatMap(\.events) }
}

/// The tool's main job (`spurious transitions`): find the spurious minima of the catalog's
/// fixed spaces at a reference d (docs/design.md section 9), follow each family both ways
/// (section 4), and locate every fold and saddle/minimum transition to proved digits
/// (section 6), certified when asked (section 7).
public enum TransitionsJob {
    public static func run(_ request: TransitionsRequest, progress: some ProgressObserver = NoProgress()) throws -> TransitionsResult {
        let families: [(family: Family, problem: FamilyProblem?, to: Double?)]
        var catalog: CatalogRequest?
        var emptySpaces: [Partition] = []
        switch request.families {
        case let .family(family, to):
            families = [(family, nil, to)]
        case let .catalog(search):
            catalog = search
            let found = try Catalog.discover(
                partitions: search.partitions, at: search.at, starts: search.starts, rngSeed: search.rngSeed
            ) { partition in
                progress.report(.searching(partition: partition, d: search.at, starts: search.starts))
            }
            families = found.map { ($0.family, $0.problem, nil) }
            emptySpaces = search.partitions.filter { space in !found.contains { $0.family.partition == space } }
        }
        let runs = try families.map { family, problem, to in
            let run = try FollowJob.run(
                FollowRequest(
                    family: family, to: to, maxD: request.maxD, maxSteps: request.maxSteps, digits: request.digits,
                    certify: request.certify),
                problem: problem, progress: progress)
            // Each transition's branches: their type and fine spaces (docs/design.md section 4b).
            return FamilyRun(trace: run.trace, events: run.events.map { event in
                FamilyRun.Event(
                    located: event.located, certification: event.certification,
                    branches: BranchesJob.predictions(at: event.located, digits: request.digits))
            })
        }
        return TransitionsResult(runs: runs, catalog: catalog, emptySpaces: emptySpaces)
    }
}
