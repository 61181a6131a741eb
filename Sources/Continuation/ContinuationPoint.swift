/// One accepted point of a sweep, with what is needed to report it and to locate events
/// between it and its neighbours.
public struct ContinuationPoint: Sendable, Equatable {
    /// 0 for the seed, then one more per accepted step.
    public let step: Int
    /// Pseudo-arclength from the seed: the sum of the accepted steps, each measured along the
    /// tangent it was predicted with.
    public let arclength: Double
    /// The solution x (n entries).
    public let x: [Double]
    /// The parameter lambda.
    public let parameter: Double
    /// The unit tangent (dx/ds, dlambda/ds), n + 1 entries, oriented along the sweep.
    public let tangent: [Double]
    /// The step ds that reached this point (0 for the seed).
    public let stepSize: Double
    /// Corrector iterations (linear solves) this point took.
    public let newtonIterations: Int
    /// max|F(x, lambda)| at this point.
    public let residualNorm: Double
    /// The problem's test functions here, in the order of its names.
    public let testFunctionValues: [Double]
    /// The sign (+1 or -1) of det[F_x F_lambda; t^T] with this point's tangent t: it changes
    /// between two points across a branch point, and not across a fold.
    public let borderedDeterminantSign: Int

    public init(
        step: Int, arclength: Double, x: [Double], parameter: Double, tangent: [Double], stepSize: Double,
        newtonIterations: Int, residualNorm: Double, testFunctionValues: [Double], borderedDeterminantSign: Int
    ) {
        self.step = step
        self.arclength = arclength
        self.x = x
        self.parameter = parameter
        self.tangent = tangent
        self.stepSize = stepSize
        self.newtonIterations = newtonIterations
        self.residualNorm = residualNorm
        self.testFunctionValues = testFunctionValues
        self.borderedDeterminantSign = borderedDeterminantSign
    }

    /// dlambda/ds: its sign change between two points is a fold.
    public var parameterTangent: Double { tangent[x.count] }

    /// The state y = (x, lambda), lambda last.
    var state: [Double] { x + [parameter] }
}
