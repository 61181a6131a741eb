import MultiPrecision

/// One end of the final bracket of a located event: a point of the curve on the secant's
/// orthogonal plane at `sigma`.
public struct BracketEnd<T: Scalar>: Sendable {
    /// Distance along the secant between the two continuation points that bracket the event.
    public let sigma: T
    public let x: [T]
    public let parameter: T
    /// The event function here (dlambda/ds of the unit tangent for a fold, det[F_x F_lambda;
    /// t^T] for a branch point, else the test function).
    public let value: T

    public init(sigma: T, x: [T], parameter: T, value: T) {
        self.sigma = sigma
        self.x = x
        self.parameter = parameter
        self.value = value
    }
}

/// Why the location stopped.
public enum LocationCriterion: Sendable, Equatable {
    /// The bracket is below 10^-(digits + 5), relative, in lambda and in every coordinate.
    case bracketBelowTolerance
    /// The event function is exactly zero at working precision at the located point.
    case exactZero
    /// A branch point: the regular solution of its augmented system (``BranchPointSystem``) at
    /// working precision, with mu zero to its noise, inside a bracket whose ends are points of
    /// the curve eps^(1/3) either side (``LocationSettings/branchPointWindow``) where
    /// det[F_x F_lambda; t^T] has opposite signs.
    case branchPointSystem
    /// An event whose sign change lies between the ends of a branch point's bracket: its
    /// function vanishes at the branch point to within 10^-(digits + 5), by its value there
    /// and its slope across that bracket, so it is located at the branch point.
    case atBranchPoint
}

/// An event located at `precision` bits, with the evidence: a bracket whose ends carry event
/// function values of opposite signs.
public struct LocatedEvent<T: Scalar>: Sendable {
    public let event: ContinuationEvent
    /// The located point: the bracket end with the smaller |event function|, or the exact zero.
    public let x: [T]
    public let parameter: T
    /// The event function at the located point; for a branch point, where that function
    /// vanishes by construction, mu of its augmented system instead (zero at a branch point of
    /// F: what is left is the solver's error).
    public let value: T
    /// The final bracket, ends ordered along the secant; their values have opposite signs.
    public let lowerEnd: BracketEnd<T>
    public let upperEnd: BracketEnd<T>
    public let criterion: LocationCriterion
    /// Working precision of the final stage, in bits.
    public let precision: Int
    /// Decimal digits asked for.
    public let digits: Int
    /// Event-function evaluations (each a corrected point) in the `Double` stage.
    public let coarseIterations: Int
    /// Event-function evaluations at full precision.
    public let fineIterations: Int

    public init(
        event: ContinuationEvent, x: [T], parameter: T, value: T, lowerEnd: BracketEnd<T>, upperEnd: BracketEnd<T>,
        criterion: LocationCriterion, precision: Int, digits: Int, coarseIterations: Int, fineIterations: Int
    ) {
        self.event = event
        self.x = x
        self.parameter = parameter
        self.value = value
        self.lowerEnd = lowerEnd
        self.upperEnd = upperEnd
        self.criterion = criterion
        self.precision = precision
        self.digits = digits
        self.coarseIterations = coarseIterations
        self.fineIterations = fineIterations
    }
}
