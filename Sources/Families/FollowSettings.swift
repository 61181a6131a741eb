/// How far and how finely a family is followed (`follow`, `transitions`): the range, and every
/// knob of the continuation with its reason, so that the code path holds no literal tolerance.
public struct FollowSettings: Sendable, Equatable {
    /// Follow towards smaller d down to this d (nil: as far as the family's spectrum is
    /// defined, when ``followsDown``).
    public var lower: Double?
    /// False: do not follow towards smaller d at all (`--to` above the seed's d).
    public var followsDown = true
    /// Follow towards larger d up to this d (nil: do not follow upwards).
    public var upper: Double?
    /// Accepted steps per direction before the sweep stops.
    public var maxSteps: Int
    /// Largest arclength step: a family's spectrum changes over a few tenths in d, and a longer
    /// step could step over two sign changes of one eigenvalue.
    public var maxStep: Double
    /// Beyond d = maxStep / relativeStep (40 for the defaults: the catalog's range) the largest
    /// step grows with d: the families' coordinates behave like powers of d at large d, so
    /// steps uniform in log d follow them equally well, and d = 1e6 is a few thousand steps
    /// away instead of millions.
    public var relativeStep = 0.25 / 40
    /// The first step: short enough that Newton converges from a seed typed with five digits.
    public var initialStep = 0.05
    /// The smallest step before the sweep gives up: far below any feature of the families, far
    /// above the rounding of d near 10.
    public var minimumStep = 1e-7
    /// The corrector's relative tolerance: near `Double`'s limit for these well-conditioned
    /// systems, so that the sweep's points are good starts for the location in MPFR.
    public var newtonTolerance = 1e-11
    public var newtonMaxIterations = 10
    /// An eigenvalue whose magnitude dips below this between points without changing sign is
    /// flagged as a touch (two sign changes may hide there).
    public var touchThreshold = 1e-4
    /// The sweep in one direction may wander this far to the other side of the seed (it
    /// starts there, and a fold may carry it back) before it stops.
    public var overshoot = 1.0
    /// Without a lower end, the sweep stops this far (relative) above the bound under which
    /// some isotypic part is undefined, where every part still is.
    public var boundaryMargin = 1e-9
    /// Bisection steps that find that bound below the seed: 60 halvings pin it to the
    /// rounding of a `Double`.
    public var boundaryBisections = 60
    /// A step along which the tangent turns by more than this (radians) is retried shorter:
    /// the catalog's families turn by at most 0.013 per step, while at the branch point of
    /// `d-2,1,1` on the one-flipped family the crossing branch meets it at 0.30, so a corrector
    /// drawn onto that branch is caught and the sweep stays on the family.
    public var maxTangentTurn = 0.1
    /// A point whose smallest eigenvalue has magnitude at most this is called degenerate, not
    /// a minimum or a saddle: the sweep's eigenvalues carry about this much rounding.
    public var degeneracy = 1e-8

    public init(lower: Double?, upper: Double?, maxSteps: Int = 2000, maxStep: Double = 0.25) {
        self.lower = lower
        self.upper = upper
        self.maxSteps = maxSteps
        self.maxStep = maxStep
    }
}
