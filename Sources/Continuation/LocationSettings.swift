/// How an event is located (``PseudoArclength/locate(event:in:precision:digits:settings:)``):
/// the algorithm's knobs, kept apart from the sweep's ``ContinuationSettings`` as BifurcationKit
/// keeps its event-location parameters apart, each with its reason.
public struct LocationSettings: Sendable, Equatable {
    /// The `Double` stage stops when the bracket is this narrow (relative): about 11 digits,
    /// where `Double`'s corrector still converges cleanly; the full-precision stage adds the rest.
    public var coarseTolerance: Double
    /// The full-precision stage starts from the coarse bracket widened by this fraction of the
    /// secant as well, so that a coarse bracket that closed on an exact zero is still a bracket.
    public var seedWidth: Double
    /// A bracket taken from a lower precision is widened by this factor until the event
    /// function changes sign over it: the earlier bracket may lie inside the new precision's
    /// rounding noise of the curve.
    public var widening: Int
    /// The safeguarded secant may take the working precision in bits plus this many iterations:
    /// bisection alone gains a bit per iteration, so this bounds a stalled refinement.
    public var extraIterations: Int
    /// Near a branch point the curve is sampled no closer than eps^branchPointWindow (relative,
    /// eps the working precision's): two branches cross there, so a point of the curve at a
    /// distance delta from it is determined only to about eps / delta, and no better than
    /// sqrt(eps) at the crossing. At eps^(1/3) a point is good to eps^(2/3), far below its
    /// distance from the branch point, and a guess along the tangent is off by about eps^(2/3),
    /// far closer to this branch than to the crossing one, so the corrector stays on it.
    public var branchPointWindow: Double
    /// Newton iterations on the augmented system before it is given up: from the `Double`
    /// stage's solution a few suffice at any precision, so this only bounds a failing start.
    public var branchPointIterations: Int

    public init(
        coarseTolerance: Double = 0x1p-36, seedWidth: Double = 0x1p-40, widening: Int = 256, extraIterations: Int = 60,
        branchPointWindow: Double = 1.0 / 3, branchPointIterations: Int = 40
    ) {
        self.coarseTolerance = coarseTolerance
        self.seedWidth = seedWidth
        self.widening = widening
        self.extraIterations = extraIterations
        self.branchPointWindow = branchPointWindow
        self.branchPointIterations = branchPointIterations
    }
}
