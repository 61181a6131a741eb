import MultiPrecision

/// A system F(x, lambda) = 0 with x in R^n and one real parameter lambda, whose solution set
/// near a regular point is a curve: what the pseudo-arclength engine follows.
///
/// The engine knows nothing else about the problem. It asks for F and its exact derivatives at
/// points it chooses, in `Double` for the sweep and in ``BigFloat`` when it locates an event,
/// which is why ``evaluate(_:parameter:)`` is generic: one formula serves every precision, and
/// derivatives are the problem's business because only it can make them exact.
public protocol ContinuationProblem: Sendable {
    /// n, the number of unknowns in x and of equations in F.
    var dimension: Int { get }

    /// F, F_x and F_lambda at (x, lambda). Throw when the point is outside the problem's domain
    /// (a singular point, where F is not differentiable): the engine stops there and reports the
    /// error instead of following numbers that mean nothing.
    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> ProblemEvaluation<S>

    /// Functions of the point whose sign changes the engine reports and locates (for instance
    /// the Hessian eigenvalues of each isotypic part). None by default.
    func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S]

    /// One name per test function, for reports; as many as ``testFunctions(_:parameter:)``
    /// returns.
    var testFunctionNames: [String] { get }

    /// Whether lambda is in the problem's valid range (for instance d > 1). The engine never
    /// evaluates outside it; every lambda is admissible by default.
    func isAdmissible(parameter: Double) -> Bool
}

extension ContinuationProblem {
    public func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] { [] }

    public var testFunctionNames: [String] { [] }

    public func isAdmissible(parameter: Double) -> Bool { true }
}
