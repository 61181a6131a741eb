import Continuation
import Families
import LossModel
import MultiPrecision
import Synchronization

/// The `transitions` report's branch column, started while its transitions are still being
/// located (docs/design.md section 4b, "Ahead of the location"). The column's pieces need a
/// transition only at the precisions of a location to ``BranchesJob/predictionDigits`` digits
/// (``TransitionAnalysis/precisions(of:digits:)``), and a rung of a longer location's precision
/// ladder already holds it to more digits than those precisions carry. The pieces are computed
/// from the first such rung, one by one on an idle thread (``runOnIdleThread(_:)``), while the
/// location climbs on. The column takes those finished by the time it runs, and only when the
/// located transition rounds to the same bits as the rung did; it computes the rest itself. Each
/// piece is the same bits wherever it is computed, so the column is the same bytes either way.
final class PredictionsAhead: Sendable {
    /// The digits the column proves its coefficients to.
    let digits: Int
    /// Started analyses, by the number of the event in the job's list of events.
    private let started = Mutex<[Int: Started]>([:])

    private final class Started: Sendable {
        let subgroups: [AxialSubgroup]
        /// The rung's point rounded as the column rounds a located transition.
        let points: [(x: [BigFloat], d: BigFloat)]
        /// For each subgroup in turn, its piece at each of `points` once it is finished; and
        /// whether the rest is still wanted.
        let work: Mutex<(pieces: [TransitionAnalysis.Piece?], wanted: Bool)>

        init(subgroups: [AxialSubgroup], points: [(x: [BigFloat], d: BigFloat)]) {
            self.subgroups = subgroups
            self.points = points
            work = Mutex((Array(repeating: nil, count: subgroups.count * points.count), true))
        }
    }

    /// The digits the transitions are located to.
    let locationDigits: Int
    /// Where the pieces are computed: ``runOnIdleThread(_:)``, or as a test needs.
    private let run: @Sendable (@escaping @Sendable () -> Void) -> Void

    init(
        digits: Int, locationDigits: Int, run: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = runOnIdleThread
    ) {
        self.digits = digits
        self.locationDigits = locationDigits
        self.run = run
    }

    /// Whether a point located to `rungDigits` digits rounds, at the pieces' precisions, to the
    /// bits a transition located to more digits does, bar a value within 2^-32 of a rounding
    /// boundary (which ``take(for:subgroups:points:)`` catches): 32 bits beyond the check
    /// precision's.
    func suffices(digits rungDigits: Int) -> Bool {
        PrecisionPolicy.bits(forDigits: rungDigits)
            >= PrecisionPolicy.check(PrecisionPolicy.location(digits: digits)) + PrecisionPolicy.recomputationGuard
    }

    /// Whether the rest of a location from a rung of `rungDigits` digits leaves the idle thread
    /// time for the pieces: at least two more rungs and the check (`rungDigits` at most a quarter
    /// of ``locationDigits``). Measured: pieces started later are mostly computed again by the
    /// column, and the idle thread's work then slows the location (150 and 300 digits, 4-6%).
    func leavesTime(digits rungDigits: Int) -> Bool {
        rungDigits <= locationDigits / 4
    }

    /// Starts the pieces of event `index` for its `subgroups` from `rung`, a rung of the event's
    /// location, unless they were started from an earlier rung, or the rung is not accurate
    /// enough (``suffices(digits:)``) or too late (``leavesTime(digits:)``).
    func offer(_ rung: LocatedEvent<BigFloat>, event index: Int, subgroups: [AxialSubgroup]) {
        guard !subgroups.isEmpty, suffices(digits: rung.digits), leavesTime(digits: rung.digits) else { return }
        // The rung's curve point is a critical point at its d to its own precision, far beyond
        // what the pieces' precisions keep.
        let points = TransitionAnalysis.precisions(
            working: (rung.x, rung.parameter), check: (rung.x, rung.parameter), digits: digits)
        let analysis = Started(subgroups: subgroups, points: points)
        let isNew = started.withLock { started in
            guard started[index] == nil else { return false }
            started[index] = analysis
            return true
        }
        guard isNew else { return }
        let digits = digits
        run {
            for (s, subgroup) in subgroups.enumerated() {
                for (p, point) in points.enumerated() {
                    guard analysis.work.withLock({ $0.wanted }) else { return }
                    let piece = TransitionAnalysis.piece(subgroup, at: point, digits: digits)
                    analysis.work.withLock { $0.pieces[s * points.count + p] = piece }
                }
            }
        }
    }

    /// The pieces of event `index` finished so far (nil where not), when they were started for
    /// these `subgroups` from a point that rounds to exactly these `points`; nil when none were
    /// started or they differ. The rest are no longer computed.
    func take(
        for index: Int, subgroups: [AxialSubgroup], points: [(x: [BigFloat], d: BigFloat)]
    ) -> [TransitionAnalysis.Piece?]? {
        guard let analysis = started.withLock({ $0[index] }) else { return nil }
        let finished = analysis.work.withLock { work in
            work.wanted = false
            return work.pieces
        }
        guard analysis.subgroups == subgroups, PredictionsAhead.identical(analysis.points, points) else { return nil }
        return finished
    }

    private static func identical(_ a: [(x: [BigFloat], d: BigFloat)], _ b: [(x: [BigFloat], d: BigFloat)]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { a, b in
                a.d.isIdentical(to: b.d) && a.x.count == b.x.count && zip(a.x, b.x).allSatisfy { $0.isIdentical(to: $1) }
            }
    }
}
