import LinearAlgebra
import MultiPrecision

/// Third and fourth derivatives of the reduced loss along directions, for the coefficients of
/// an equivariant bifurcation (docs/design.md section 4b): the Lyapunov-Schmidt reduction on a
/// kernel line v needs D^3 L[v, v, v], D^3 L[v, w, .] and D^4 L[v, v, v, v]. They come from the
/// exact Hessian (``hessian(at:d:includingD:)``) evaluated at ``Dual`` points, forward mode
/// through the same closed form, never by differencing.
///
/// Where rows are parallel or anti-parallel (sin theta = 0) the loss is twice but not three
/// times differentiable (docs/design.md section 1): both throw ``ModelError/notSmooth(_:)``.
extension ReducedLoss {
    /// d/dt H(x + t v, d + t dDirection) at t = 0, H the Hessian in the fixed-space variables
    /// (with `includingD` in (x, d), d last): v^T (this) v with dDirection = 0 is D^3 L[v, v, v],
    /// and (this) w is D^3 L[v, w, .].
    public func hessianDerivative<S: Scalar>(
        at x: [S], d: S, direction v: [S], dDirection: S, includingD: Bool = false
    ) throws -> Matrix<S> {
        try requireDimension(x, v)
        let point = zip(x, v).map { Dual($0, derivative: $1) }
        let hessian = try hessian(at: point, d: Dual(d, derivative: dDirection), includingD: includingD).hessian
        return try parts(of: hessian, \.derivative)
    }

    /// d^2/dt^2 H(x + t v, d) at t = 0: v^T (this) v is D^4 L[v, v, v, v]. Through
    /// Dual<Dual<S>>, x + (t1 + t2) v, whose mixed derivative in t1 and t2 is the second one in t.
    public func hessianSecondDerivative<S: Scalar>(at x: [S], d: S, direction v: [S]) throws -> Matrix<S> {
        try requireDimension(x, v)
        let zero = S(0, precision: d.precision)
        let point = zip(x, v).map { Dual(Dual($0, derivative: $1), derivative: Dual($1, derivative: zero)) }
        let constantD = Dual(Dual(d, derivative: zero), derivative: Dual(zero, derivative: zero))
        let hessian = try hessian(at: point, d: constantD).hessian
        return try parts(of: hessian, \.derivative.derivative)
    }

    private func requireDimension<S: Scalar>(_ x: [S], _ v: [S]) throws {
        for vector in [x, v] where vector.count != space.dimension {
            throw ModelError.wrongNumberOfValues(expected: space.names, got: vector.count)
        }
    }

    /// One part of every entry, each required to be finite.
    private func parts<D: Scalar, S: Scalar>(of matrix: Matrix<D>, _ part: KeyPath<D, S>) throws -> Matrix<S> {
        let entries = try matrix.elements.map { try S.requireFinite($0[keyPath: part], "a derivative of the Hessian") }
        var result = Matrix(rows: matrix.rows, columns: matrix.columns, repeating: S(0))
        result.elements = entries
        return result
    }
}
