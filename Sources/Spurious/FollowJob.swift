import Certification
import Continuation
import Families
import LossModel
import MultiPrecision

/// What to follow: one family, how far, and to how many digits.
public struct FollowRequest: Sendable {
    public var family: Family
    /// Follow from the seed's d to this d only; nil: both ways, down to where the family's
    /// spectrum stops being defined and up to ``maxD``.
    public var to: Double?
    public var maxD: Double
    /// Continuation steps per direction.
    public var maxSteps: Int
    /// Proved significant digits of every located event.
    public var digits: Int
    /// Certify every transition with interval arithmetic.
    public var certify: Bool
    /// For a branch followed from its parent (`spurious branches`): the parent's transition d.
    /// Sign changes of test functions whose bracket contains it are the parent's crossing part
    /// seen in the finer space (its pieces all vanish there), already located on the parent:
    /// they are not located again (``FamilyRun/parentCrossing``). The branch point is.
    public var parentCrossing: Double?

    public init(
        family: Family, to: Double? = nil, maxD: Double = 40, maxSteps: Int = 2000, digits: Int = 20, certify: Bool = false,
        parentCrossing: Double? = nil
    ) {
        self.parentCrossing = parentCrossing
        self.family = family
        self.to = to
        self.maxD = maxD
        self.maxSteps = maxSteps
        self.digits = digits
        self.certify = certify
    }

    /// The range to follow, as the family's settings.
    var settings: FollowSettings {
        let seedD = family.seedD.double
        if let to {
            var settings = FollowSettings(lower: to < seedD ? to : nil, upper: to > seedD ? to : nil, maxSteps: maxSteps)
            settings.followsDown = to < seedD
            return settings
        }
        return FollowSettings(lower: nil, upper: maxD > seedD ? maxD : nil, maxSteps: maxSteps)
    }
}

/// `spurious follow`, and each family of `spurious transitions`: follow the family by
/// pseudo-arclength continuation (docs/design.md section 4), locate each fold, branch point
/// and transition to proved digits (section 6), and certify the transitions when asked
/// (section 7).
public enum FollowJob {
    /// Runs `request`; `problem` is the family's fixed space when the caller already has it
    /// (the catalog built it for its search). With `jobs` > 1 the sweep and each location use
    /// two threads (``trace(_:problem:jobs:progress:)``, ``locate(_:number:of:in:digits:jobs:progress:)``):
    /// the same result.
    public static func run(
        _ request: FollowRequest, problem: FamilyProblem? = nil, jobs: Int = 1, progress: some ProgressObserver = NoProgress()
    ) throws -> FamilyRun {
        let family = request.family
        let trace = try FollowJob.trace(request, problem: problem ?? FamilyProblem(family.partition), jobs: jobs, progress: progress)
        let locatable = FollowJob.locatable(trace, request)
        let located = try locatable.enumerated().map { number, event in
            try locate(event, number: number, of: locatable.count, in: trace, digits: request.digits, jobs: jobs, progress: progress)
        }
        let events = located.enumerated().map { number, event in
            FamilyRun.Event(
                located: event,
                certification: request.certify
                    ? certify(event, number: number, of: located.count, trace: trace, digits: request.digits, progress: progress)
                    : nil)
        }
        return FamilyRun(trace: trace, events: events)
    }

    /// The family followed both ways (or to `request.to`), its events found but not located;
    /// with `jobs` > 1 each sweep computes its spectra on a second thread (the same result).
    public static func trace(
        _ request: FollowRequest, problem: FamilyProblem, jobs: Int = 1, progress: some ProgressObserver = NoProgress()
    ) throws -> FamilyTrace {
        let family = request.family
        progress.report(.following(family: family.name, seedD: family.seedD))
        do {
            return try family.follow(request.settings, problem: problem, concurrently: jobs > 1) { d, count in
                progress.report(.followed(family: family.name, d: d, points: count))
            }
        } catch let error as FollowError {
            throw JobError.family(family.name, error)
        } catch let error as ModelError {
            throw JobError.family(family.name, error)
        }
    }

    /// Event `number` (from 0) of the `count` events of `trace` to locate, located to `digits`
    /// proved digits; on two threads when `jobs` > 1 (the same result).
    static func locate(
        _ event: FamilyEvent, number: Int, of count: Int, in trace: FamilyTrace, digits: Int, jobs: Int = 1,
        progress: some ProgressObserver, onRung: (LocatedEvent<BigFloat>) -> Void = { _ in }
    ) throws -> LocatedFamilyEvent {
        let family = trace.family
        progress.report(.locating(family: family.name, event: event.event.name, number: number + 1, of: count, digits: digits))
        do {
            return try trace.locate(event, digits: digits, concurrently: jobs > 1, onRung: onRung)
        } catch {
            throw JobError.location(family: family.name, event: event.event, nearD: trace.points[event.points.lowerBound].d, error)
        }
    }

    /// The events of `trace` that ``run(_:problem:progress:)`` locates: every locatable one but
    /// the parent's crossing part of a branch.
    public static func locatable(_ trace: FamilyTrace, _ request: FollowRequest) -> [FamilyEvent] {
        trace.events.filter { event in
            event.event.isLocatable && !FollowJob.isParentCrossing(event, of: trace, at: request.parentCrossing)
        }
    }

    /// Whether `event` is a test function's sign change bracketing the parent's transition.
    static func isParentCrossing(_ event: FamilyEvent, of trace: FamilyTrace, at d: Double?) -> Bool {
        guard let d, case .testFunction = event.event.kind else { return false }
        let ends = [trace.points[event.points.lowerBound].d, trace.points[event.points.upperBound].d]
        return (ends.min() ?? 0) <= d && d <= (ends.max() ?? 0)
    }

    /// The certificate of one located event, or why there is none.
    static func certify(
        _ event: LocatedFamilyEvent, number: Int, of count: Int, trace: FamilyTrace, digits: Int, progress: some ProgressObserver
    ) -> FamilyRun.Certification {
        switch event.kind {
        case .fold: return .fold
        case .branchPoint: return .branchPoint
        case .transition: break
        }
        progress.report(.certifying(family: event.family, number: number + 1, of: count, nearD: event.approximateD))
        do {
            return .certified(try TransitionCertifier.certify(event, of: trace, digits: digits))
        } catch {
            return .failed(error)
        }
    }
}
