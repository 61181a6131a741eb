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
}

/// An event seen along a family before location: which sweep saw it, and between which
/// points of the trace.
public struct FamilyEvent: Sendable {
    public let event: ContinuationEvent
    /// 0 for the branch towards smaller d, 1 for the branch towards larger d.
    let branch: Int
    /// Indices in ``FamilyTrace/points`` of the two points around the event (three for a touch).
    public let points: ClosedRange<Int>
}

/// A followed family: its points ordered from one end to the other, the events between them,
/// and why each branch stopped.
public struct FamilyTrace: Sendable {
    public let family: Family
    public let names: [String]
    public let partNames: [String]
    public let points: [FamilyPoint]
    public let events: [FamilyEvent]
    /// Why the sweep towards smaller d stopped, and why the one towards larger d stopped
    /// (nil for a branch not followed).
    public let lowerStop: String?
    public let upperStop: String?
    /// The raw sweeps, kept for locating events.
    let branches: [ContinuationResult?]
}
