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
    /// Pieces of work run at the same time (fixed spaces searched, families traced, events
    /// located and certified, branch analyses): the result does not depend on it.
    public var jobs: Int

    public init(families: Families, maxD: Double = 40, maxSteps: Int = 4000, digits: Int = 30, certify: Bool = false, jobs: Int = 1) {
        self.families = families
        self.maxD = maxD
        self.maxSteps = maxSteps
        self.digits = digits
        self.certify = certify
        self.jobs = jobs
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
    /// The spaces are searched, then FollowJob's steps run over every family at once (traces,
    /// locations, certificates, then each transition's branch analysis), each step's pieces
    /// `request.jobs` at a time and put back in order
    /// (``orderedParallelMap(_:jobs:startOrder:finished:_:)``).
    public static func run(
        _ request: TransitionsRequest, progress: some ProgressObserver & Sendable = NoProgress()
    ) async throws -> TransitionsResult {
        let families: [(family: Family, problem: FamilyProblem?, to: Double?)]
        var catalog: CatalogRequest?
        var emptySpaces: [Partition] = []
        switch request.families {
        case let .family(family, to):
            families = [(family, nil, to)]
        case let .catalog(search):
            catalog = search
            let searches = try await orderedParallelMap(
                search.partitions, jobs: request.jobs, startOrder: largestFirst(search.partitions)
            ) { partition in
                progress.report(.searching(partition: partition, d: search.at, starts: search.starts))
                return try Catalog.search(partition, at: search.at, starts: search.starts, rngSeed: search.rngSeed)
            }
            let found = Catalog.families(at: search.at, from: searches)
            families = found.map { ($0.family, $0.problem, nil) }
            emptySpaces = search.partitions.filter { space in !found.contains { $0.family.partition == space } }
        }
        let follows = families.map { family, problem, to in
            (FollowRequest(
                family: family, to: to, maxD: request.maxD, maxSteps: request.maxSteps, digits: request.digits, certify: request.certify),
             problem)
        }
        // FollowJob.run's steps, each over every family at once: the traces, then every event,
        // then every certificate. A failure is the one the families run in turn would meet first.
        let traces = try await orderedParallelMap(
            follows, jobs: request.jobs, startOrder: largestFirst(follows.map(\.0.family.partition))
        ) { follow, problem in
            Result {
                try FollowJob.trace(
                    follow, problem: problem ?? FamilyProblem(follow.family.partition), jobs: request.jobs, progress: progress)
            }
        }
        let events: [(family: Int, number: Int, of: Int, event: FamilyEvent)] = zip(follows, traces).enumerated().flatMap {
            index, pair in
            let events = (try? pair.1.get()).map { FollowJob.locatable($0, pair.0.0) } ?? []
            return events.enumerated().map { (family: index, number: $0, of: events.count, event: $1) }
        }
        // The branch column's pieces start from a rung of a transition's ladder that holds them
        // (`--digits` of 476 or more, docs/design.md section 4b); on one job all runs in turn.
        let predictionDigits = min(request.digits, BranchesJob.predictionDigits)
        let ahead = request.jobs > 1 ? PredictionsAhead(digits: predictionDigits, locationDigits: request.digits) : nil
        let locations = try await orderedParallelMap(
            Array(events.enumerated()), jobs: request.jobs,
            startOrder: largestFirst(events.map { follows[$0.family].0.family.partition })
        ) { index, event in
            Result {
                let trace = try traces[event.family].get()
                let subgroups = ahead == nil ? [] : BranchesJob.subgroupsAnalysed(at: event.event, of: trace, maxSplit: BranchesJob.predictionMaxSplit)
                return try FollowJob.locate(
                    event.event, number: event.number, of: event.of, in: trace, digits: request.digits,
                    jobs: request.jobs, progress: progress
                ) { rung in
                    ahead?.offer(rung, event: index, subgroups: subgroups)
                }
            }
        }
        var located: [[LocatedFamilyEvent]] = []
        for (family, trace) in traces.enumerated() {
            _ = try trace.get()
            located.append(try zip(events, locations).filter { $0.0.family == family }.map { try $0.1.get() })
        }
        let certifying = request.certify ? events : []
        let toCertify = located
        let certificates = try await orderedParallelMap(certifying, jobs: request.jobs) { event in
            FollowJob.certify(
                toCertify[event.family][event.number], number: event.number, of: event.of, trace: try traces[event.family].get(),
                digits: request.digits, progress: progress)
        }
        // Each transition's branches: their type and fine spaces (docs/design.md section 4b).
        let branches = await BranchesJob.predictions(
            at: located.flatMap { $0 }, digits: predictionDigits, jobs: request.jobs, maxSplit: BranchesJob.predictionMaxSplit,
            ahead: ahead, progress: progress)
        var next = 0
        let analysed = try traces.indices.map { family in
            FamilyRun(trace: try traces[family].get(), events: located[family].map { event in
                defer { next += 1 }
                return FamilyRun.Event(
                    located: event, certification: request.certify ? certificates[next] : nil, branches: branches[next])
            })
        }
        return TransitionsResult(runs: analysed, catalog: catalog, emptySpaces: emptySpaces)
    }
}
