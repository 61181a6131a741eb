/// How far and how finely to follow a curve: the knobs of the sweep, kept apart from the
/// problem (what is followed) and from the algorithm (how), as in AUTO-07p and
/// BifurcationKit.jl, so that one problem can be swept with several settings.
public struct ContinuationSettings: Sendable, Equatable {
    /// The sense in which lambda moves at the seed; afterwards the tangent carries the
    /// orientation, through folds where lambda turns back.
    public enum Direction: Sendable, Equatable {
        case increasing
        case decreasing

        /// +1 or -1.
        public var sign: Double { self == .increasing ? 1 : -1 }
    }

    /// Arclength of the first step.
    public var ds: Double
    /// Smallest step: a step that has to be halved below it ends the sweep.
    public var dsMin: Double
    /// Largest step, however easy the curve.
    public var dsMax: Double
    /// Where lambda is large, the largest step is this fraction of |lambda| instead, when that
    /// is more than dsMax: a curve whose features scale with lambda (coordinates that behave like
    /// powers of lambda) is then followed in steps uniform in log lambda, so that reaching
    /// lambda = 1e6 takes a few thousand steps, not millions. Zero: dsMax only.
    public var relativeMaximumStep: Double
    /// Accepted steps after the seed before the sweep stops.
    public var maxSteps: Int
    /// Lower end of the parameter range; the sweep ends on it when the curve leaves there.
    public var lambdaMin: Double
    /// Upper end of the parameter range.
    public var lambdaMax: Double
    /// Stop once this many folds have been passed (the point after the last one is kept, so
    /// that fold can be located); `nil` for no limit.
    public var maxFolds: Int?
    /// The corrector has converged when its last update is at most this, relative to
    /// max(1, |y|) in the max norm.
    public var newtonTolerance: Double
    /// Corrector iterations before a step is given up (and retried with half the step).
    public var newtonMaxIterations: Int
    /// Which way lambda moves at the seed.
    public var direction: Direction
    /// Corrector iterations the step control aims at: fewer make the next step longer, more
    /// make it shorter.
    public var targetIterations: Int
    /// A corrected point farther than this fraction of the step from its prediction is
    /// rejected: the corrector has probably been drawn to another part of the curve.
    public var maxCorrectionRatio: Double
    /// A test function whose magnitude has a local minimum below this without a sign change is
    /// flagged as a touch (two sign changes may hide between the points).
    public var touchThreshold: Double
    /// A step along which the unit tangent turns by more than this angle (radians) is rejected
    /// and retried shorter. A smooth curve turns by about its curvature times the step, so a
    /// larger turn means that the corrector has landed on another branch crossing this one (a
    /// prediction that passes close to a branch point lies about as close to the crossing
    /// branch as to this one) or has cut across a bend; either way a shorter step does better.
    /// The tangent's orientation cannot tell: it is taken along the previous tangent, so it
    /// never flips. By default 0.1 (about 6 degrees): a crossing branch usually meets the curve
    /// at a wider angle (0.2 and 1.4 radians in the tests' crossing curves), and a curve that
    /// bends further within one step is better followed in shorter steps anyway.
    public var maxTangentTurn: Double

    public init(
        ds: Double = 0.01,
        dsMin: Double = 1e-8,
        dsMax: Double = 0.1,
        relativeMaximumStep: Double = 0,
        maxSteps: Int = 1000,
        lambdaMin: Double = -Double.greatestFiniteMagnitude,
        lambdaMax: Double = Double.greatestFiniteMagnitude,
        maxFolds: Int? = nil,
        newtonTolerance: Double = 1e-10,
        newtonMaxIterations: Int = 8,
        direction: Direction = .increasing,
        targetIterations: Int = 3,
        maxCorrectionRatio: Double = 0.5,
        touchThreshold: Double = 1e-3,
        maxTangentTurn: Double = 0.1
    ) {
        self.ds = ds
        self.dsMin = dsMin
        self.dsMax = dsMax
        self.relativeMaximumStep = relativeMaximumStep
        self.maxSteps = maxSteps
        self.lambdaMin = lambdaMin
        self.lambdaMax = lambdaMax
        self.maxFolds = maxFolds
        self.newtonTolerance = newtonTolerance
        self.newtonMaxIterations = newtonMaxIterations
        self.direction = direction
        self.targetIterations = targetIterations
        self.maxCorrectionRatio = maxCorrectionRatio
        self.touchThreshold = touchThreshold
        self.maxTangentTurn = maxTangentTurn
    }

    /// Throws ``ContinuationError/invalidSettings(_:)`` naming the first inconsistent value.
    public func validate() throws {
        func require(_ condition: Bool, _ message: String) throws {
            guard condition else { throw ContinuationError.invalidSettings(message) }
        }
        try require(dsMin > 0 && dsMin.isFinite, "dsMin must be positive and finite (is \(dsMin))")
        try require(dsMax.isFinite && dsMin <= dsMax, "dsMax must be finite and at least dsMin (is \(dsMax))")
        try require(dsMin <= ds && ds <= dsMax, "ds must lie in dsMin...dsMax (is \(ds))")
        try require(
            relativeMaximumStep >= 0 && relativeMaximumStep.isFinite, "relativeMaximumStep must be non-negative and finite (is \(relativeMaximumStep))")
        try require(maxSteps >= 1, "maxSteps must be at least 1 (is \(maxSteps))")
        try require(
            lambdaMin.isFinite && lambdaMax.isFinite && lambdaMin < lambdaMax,
            "the parameter range \(lambdaMin)...\(lambdaMax) must be finite and non-empty")
        try require((maxFolds ?? 1) >= 1, "maxFolds must be at least 1 when given")
        try require(newtonTolerance > 0 && newtonTolerance < 1, "newtonTolerance must lie in (0, 1)")
        try require(newtonMaxIterations >= 1, "newtonMaxIterations must be at least 1")
        try require(targetIterations >= 1, "targetIterations must be at least 1")
        try require(maxCorrectionRatio > 0 && maxCorrectionRatio.isFinite, "maxCorrectionRatio must be positive")
        try require(touchThreshold >= 0 && touchThreshold.isFinite, "touchThreshold must be non-negative")
        try require(
            maxTangentTurn > 0 && maxTangentTurn <= .pi, "maxTangentTurn must lie in (0, pi] radians (is \(maxTangentTurn))")
    }
}
