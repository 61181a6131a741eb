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

    /// psi^T F_yy at y = (x, lambda): the (n + 1) x (n + 1) matrix whose entry (j, l) is
    /// sum_i psi_i d^2 F_i / dy_j dy_l, the second derivatives in the Newton matrix of a branch
    /// point's augmented system (docs/design.md section 4, branch points). By default exact by
    /// forward mode: column l is psi^T times the derivative parts of F_y at the ``Dual`` point
    /// y + e_l, n + 1 evaluations. A problem with structure may give it for less: for the
    /// gradient of a potential it is the derivative of the potential's Hessian along psi, one
    /// evaluation.
    func secondDerivative<S: Scalar>(_ x: [S], parameter: S, weightedBy psi: [S]) throws -> Matrix<S>
}

extension ContinuationProblem {
    public func testFunctions<S: Scalar>(_ x: [S], parameter: S) throws -> [S] { [] }

    public var testFunctionNames: [String] { [] }

    public func isAdmissible(parameter: Double) -> Bool { true }

    public func secondDerivative<S: Scalar>(_ x: [S], parameter: S, weightedBy psi: [S]) throws -> Matrix<S> {
        let n = dimension
        let zero = S(0, precision: parameter.precision)
        let one = S(1, precision: parameter.precision)
        var result = Matrix(rows: n + 1, columns: n + 1, repeating: zero)
        for l in 0...n {
            let point = x.indices.map { Dual(x[$0], derivative: $0 == l ? one : zero) }
            let dual = try evaluate(point, parameter: Dual(parameter, derivative: l == n ? one : zero))
            for j in 0...n {
                var sum = zero
                for i in 0..<n { sum += psi[i] * (j < n ? dual.jacobian[i, j] : dual.parameterDerivative[i]).derivative }
                result[j, l] = sum
            }
        }
        return result
    }
}
