import LinearAlgebra
import MultiPrecision

/// A system F(x, lambda) = 0 with x in R^n and one real parameter lambda, whose solution set
/// near a regular point is a curve: what the pseudo-arclength engine follows.
///
/// The engine knows nothing else about the problem. It asks for F and its exact derivatives at
/// points it chooses (``ParametricSystem/evaluate(_:parameter:)``), in `Double` for the sweep
/// and in ``BigFloat`` when it locates an event: one formula serves every precision. Where the
/// system throws (a singular point, where F is not differentiable) the engine stops and
/// reports the error instead of following numbers that mean nothing.
public protocol ContinuationProblem: ParametricSystem {
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
