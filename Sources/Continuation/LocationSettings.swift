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

    public init(coarseTolerance: Double = 0x1p-36, seedWidth: Double = 0x1p-40, widening: Int = 256, extraIterations: Int = 60) {
        self.coarseTolerance = coarseTolerance
        self.seedWidth = seedWidth
        self.widening = widening
        self.extraIterations = extraIterations
    }
}
