import LossModel
import MultiPrecision

/// What a long job is doing, as it goes: the report layer puts it in words, the command line
/// shows it on stderr.
public enum JobProgress: Sendable {
    /// The catalog searches a fixed space for spurious minima.
    case searching(partition: Partition, d: Double, starts: Int)
    /// The critical-point search runs its starts.
    case start(partition: Partition, number: Int, of: Int)
    /// A family is about to be followed from its seed.
    case following(family: String, seedD: DecimalLiteral)
    /// A family's sweep has accepted another point.
    case followed(family: String, d: Double, points: Int)
    /// An event of a family is being located.
    case locating(family: String, event: String, number: Int, of: Int, digits: Int)
    /// A point of a fixed space is being corrected, and its spectrum computed, at a precision.
    case spectrum(partition: Partition, bits: Int)
    /// A series' ladder has reached a rung at a precision.
    case ladder(d: DecimalLiteral, bits: Int)
    /// A transition of a family is being certified.
    case certifying(family: String, number: Int, of: Int, nearD: Double)
    /// The bifurcation equation of a transition in a finer fixed space is being computed at a
    /// precision.
    case analysing(family: String, fine: Partition, bits: Int)
    /// The branch in a finer fixed space is being switched to and followed.
    case branching(family: String, fine: Partition, nearD: Double)
    /// The atlas has finished `done` of its fixed spaces, with `families` families so far,
    /// `seconds` after it started.
    case atlas(done: Int, of: Int, families: Int, seconds: Double)
}

/// Whoever watches a job's progress.
public protocol ProgressObserver {
    func report(_ progress: JobProgress)
}

/// Progress nobody watches: for scripts and tests.
public struct NoProgress: ProgressObserver, Sendable {
    public init() {}
    public func report(_ progress: JobProgress) {}
}
