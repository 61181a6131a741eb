import Certification
import Families

/// A family followed, its events located, and (when asked for) its transitions certified:
/// what `follow` and each family of `transitions` produce.
public struct FamilyRun: Sendable {
    /// A located event with its certificate, when certificates were asked for.
    public struct Event: Sendable {
        public let located: LocatedFamilyEvent
        /// Nil when no certificate was asked for.
        public let certification: Certification?
        /// For a transition in `spurious transitions`: the branch each axial subgroup of the
        /// crossing part predicts (type, coefficients, side; not followed). Empty otherwise.
        public let branches: [BranchOutcome]

        public init(located: LocatedFamilyEvent, certification: Certification?, branches: [BranchOutcome] = []) {
            self.located = located
            self.certification = certification
            self.branches = branches
        }
    }

    /// The outcome of certifying one event.
    public enum Certification: Sendable {
        case certified(TransitionCertificate)
        /// Folds are not certified, only transitions.
        case fold
        /// Branch points are not certified, only transitions.
        case branchPoint
        /// Every attempt failed; the error says which step failed, at which precision.
        case failed(any Error)
    }

    public let trace: FamilyTrace
    public let events: [Event]

    public init(trace: FamilyTrace, events: [Event]) {
        self.trace = trace
        self.events = events
    }

    public var family: Family { trace.family }

    /// The sweep's events not located because they are a parent's crossing seen in a finer
    /// space (``FollowRequest/parentCrossing``): the names of the parts that cross there.
    public func parentCrossing(at d: Double?) -> [String] {
        trace.events.filter { FollowJob.isParentCrossing($0, of: trace, at: d) }.map(\.event.name)
    }
    public var located: [LocatedFamilyEvent] { events.map(\.located) }
}
