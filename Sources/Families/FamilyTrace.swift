import Continuation
import LossModel

/// Whether a point of a family is a minimum (all Hessian eigenvalues positive), a saddle
/// (some negative) or degenerate (the smallest is zero to the sweep's accuracy).
public enum Stability: String, Sendable {
    case minimum, saddle, degenerate
}

/// One accepted point of a followed family, with its spectrum summary (computed in Double
/// during the sweep).
public struct FamilyPoint: Sendable {
    public let step: Int
    /// Arclength from the seed: negative on the branch followed towards smaller d.
    public let arclength: Double
    public let d: Double
    public let x: [Double]
    public let loss: Double
    public let minEigenvalue: Double
    /// Sum of the multiplicities of the negative eigenvalues (a polynomial in d, so not
    /// always an integer).
    public let index: Double
    public let stability: Stability
    public let newtonIterations: Int
    public let residual: Double
    /// Smallest eigenvalue of each isotypic part, in ``FamilyTrace/partNames`` order.
    public let partMinima: [Double]

    public init(
        step: Int, arclength: Double, d: Double, x: [Double], loss: Double, minEigenvalue: Double, index: Double,
        stability: Stability, newtonIterations: Int, residual: Double, partMinima: [Double]
    ) {
        self.step = step
        self.arclength = arclength
        self.d = d
        self.x = x
        self.loss = loss
        self.minEigenvalue = minEigenvalue
        self.index = index
        self.stability = stability
        self.newtonIterations = newtonIterations
        self.residual = residual
        self.partMinima = partMinima
    }
}

/// An event seen along a family before location: which sweep saw it, and between which
/// points of the trace.
public struct FamilyEvent: Sendable {
    public let event: ContinuationEvent
    /// 0 for the branch towards smaller d, 1 for the branch towards larger d.
    let branch: Int
    /// Indices in ``FamilyTrace/points`` of the two points around the event (three for a touch).
    public let points: ClosedRange<Int>

    public init(event: ContinuationEvent, branch: Int, points: ClosedRange<Int>) {
        self.event = event
        self.branch = branch
        self.points = points
    }

    /// A touch: an eigenvalue came close to zero without changing sign (flagged, not located).
    public var isTouch: Bool {
        if case .touch = event.kind { return true }
        return false
    }
}

/// A followed family: its points ordered from one end to the other, the events between them,
/// and why each branch stopped.
public struct FamilyTrace: Sendable {
    public let family: Family
    /// The family's problem (its model), shared by the location of every event and the
    /// certificates.
    public let problem: FamilyProblem
    public let points: [FamilyPoint]
    public let events: [FamilyEvent]
    /// Why the sweep towards smaller d stopped, and why the one towards larger d stopped
    /// (nil for a branch not followed).
    public let lowerStop: FamilyStop?
    public let upperStop: FamilyStop?
    /// The raw sweeps, kept for locating events.
    let branches: [ContinuationResult?]

    public init(
        family: Family, problem: FamilyProblem, points: [FamilyPoint], events: [FamilyEvent],
        lowerStop: FamilyStop?, upperStop: FamilyStop?, branches: [ContinuationResult?] = [nil, nil]
    ) {
        self.family = family
        self.problem = problem
        self.points = points
        self.events = events
        self.lowerStop = lowerStop
        self.upperStop = upperStop
        self.branches = branches
    }

    /// The fixed space's variable names, in coordinate order.
    public var names: [String] { problem.model.loss.space.names }
    /// The isotypic parts' display names, in the order of ``FamilyPoint/partMinima``.
    public var partNames: [String] { problem.parts.map { problem.model.partNames[$0] } }
}
