import LossModel
import MultiPrecision

/// What `spurious critical` searches: one fixed space at one d.
public struct CriticalRequest: Sendable {
    public var partition: Partition
    public var d: DecimalLiteral
    public var starts: Int
    public var rngSeed: UInt64
    /// Proved digits of the loss, the coordinates and the smallest eigenvalue.
    public var digits: Int
    /// Points polished at the same time; the result does not depend on it.
    public var jobs: Int

    public init(partition: Partition, d: DecimalLiteral, starts: Int = 200, rngSeed: UInt64 = 1, digits: Int = 15, jobs: Int = 1) {
        self.partition = partition
        self.d = d
        self.starts = starts
        self.rngSeed = rngSeed
        self.digits = digits
        self.jobs = jobs
    }
}

/// The distinct critical points found, each polished to proved digits.
public struct CriticalResult: Sendable {
    public let search: CriticalPointSearchResult
    public let points: [PolishedCriticalPoint]
    /// The fixed space's variable names, in coordinate order.
    public let names: [String]
    public let request: CriticalRequest

    public init(search: CriticalPointSearchResult, points: [PolishedCriticalPoint], names: [String], request: CriticalRequest) {
        self.search = search
        self.points = points
        self.names = names
        self.request = request
    }
}

/// `spurious critical`: multi-start Newton with deflation in `Double` (docs/design.md section
/// 9), then every distinct point polished at two precisions in MPFR (section 6). Each start of
/// the search deflates the points found before it; with `request.jobs` > 1 the next starts' runs
/// are computed ahead on other threads and run again when a point was found meanwhile, and each
/// point is polished on another thread as soon as it is found (``PolishesDuringSearch``),
/// `request.jobs` at a time once the search ends, sharing the spectrum frames of their d.
public enum CriticalJob {
    public static func run(_ request: CriticalRequest, progress: some ProgressObserver = NoProgress()) async throws -> CriticalResult {
        let search = CriticalPointSearch(request.partition)
        let digits = request.digits, d = request.d
        let polishes = PolishesDuringSearch(lanes: request.jobs - 1, frames: { search.polishFrames(d: d, digits: digits) }) {
            point, frames in try search.polish(point, d: d, digits: digits, frames: frames)
        }
        let result = try search.run(
            d: request.d.double, settings: .init(starts: request.starts, rngSeed: request.rngSeed),
            concurrently: request.jobs > 1,
            progress: { number in progress.report(.start(partition: request.partition, number: number, of: request.starts)) },
            found: polishes.add)
        let points = try polishes.polished(result.points)
        return CriticalResult(search: result, points: points, names: search.model.loss.space.names, request: request)
    }
}
