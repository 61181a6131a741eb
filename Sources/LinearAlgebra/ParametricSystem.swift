import MultiPrecision

/// A system of n equations F(x, lambda) = 0 in n unknowns x with one real parameter lambda,
/// evaluated with its exact first derivatives in any ``Scalar``: the one shape shared by the
/// continuation engine (which follows the solution curve in `Double` and locates events on it
/// in `BigFloat`), Krawczyk's test (which proves things about it in `Interval`) and the
/// asymptotic ladders (which follow it to d = 1e30 in `BigFloat`).
///
/// It lives here, the lowest layer with matrices, because every solver above uses it; the
/// derivatives are the system's business because only it can make them exact (no differencing
/// anywhere: docs/design.md section 4).
public protocol ParametricSystem: Sendable {
    /// n, the number of unknowns in x and of equations in F.
    var dimension: Int { get }
    /// F, F_x and F_lambda at (x, lambda), at the precision of the inputs. Throw where the point
    /// is outside the system's domain (where F is not differentiable), never return numbers
    /// that mean nothing.
    func evaluate<S: Scalar>(_ x: [S], parameter: S) throws -> SystemEvaluation<S>
}

/// What a ``ParametricSystem`` returns at one point (x, lambda): the residual and its exact
/// first derivatives, computed in one pass because every Newton iterate needs all three.
public struct SystemEvaluation<S: Scalar>: Sendable {
    /// F(x, lambda): one entry per equation, n of them.
    public var residual: [S]
    /// F_x: the n x n Jacobian with respect to x.
    public var jacobian: Matrix<S>
    /// F_lambda: the derivative with respect to the parameter, n entries.
    public var parameterDerivative: [S]

    public init(residual: [S], jacobian: Matrix<S>, parameterDerivative: [S]) {
        self.residual = residual
        self.jacobian = jacobian
        self.parameterDerivative = parameterDerivative
    }
}
