import LinearAlgebra
import MultiPrecision

/// The reduced bifurcation equation on a kernel line (Lyapunov-Schmidt reduction,
/// docs/design.md section 4b). Near the transition (y*, d*) the critical points of the finer
/// space are y = y*(d) + t v + W(t, d), W M-orthogonal to v, with t and lambda = d - d* solving
///
///     g(t, lambda) = v^T F(y) = t (a lambda + q t + c t^2 + ...) + (terms in lambda^2 t) = 0.
///
/// With v^T M v = 1: a = d mu / dd, the rate at which the crossing eigenvalue mu of the pencil
/// (H, M) passes through 0 along the family; q = D^3 L[v, v, v] / 2; and
/// c = D^4 L[v, v, v, v] / 6 + u^T W_2 / 2, where u = D^3 L[v, v, .] and H W_2 = -(u - (v^T u) M v),
/// v^T M W_2 = 0 (the second-order correction off the line). The branch: lambda = -q t / a
/// (transcritical), or lambda = -c t^2 / a when q = 0 (a pitchfork, on the side where lambda has
/// the sign of -a c). Every derivative is exact: forward-mode (``Dual``) through the system's
/// own Hessian, nested once for the fourth.
public struct BifurcationEquation<S: Scalar>: Sendable {
    /// a, q and c.
    public let slope: S
    public let quadratic: S
    public let cubic: S
    /// The family's tangent dy*/dd at the transition (in the finer space).
    public let familyTangent: [S]

    public init<System: GradientSystem>(_ kernel: BranchKernel<System, S>) throws {
        let system = kernel.system, y = kernel.point, d = kernel.d, v = kernel.direction
        let n = system.dimension
        let p = d.precision
        let zero = S(0, precision: p)
        let at = kernel.evaluation
        let weighted = zip(v, system.metric(parameter: d)).map { $0 * $1 }
        // [H  Mv; (Mv)^T  0]: regular at a simple transition, and its solutions are M-orthogonal
        // to v; the multiplier absorbs the component of the right-hand side along v.
        var bordered = Matrix(rows: n + 1, columns: n + 1, repeating: zero)
        for i in 0..<n {
            for j in 0..<n { bordered[i, j] = at.jacobian[i, j] }
            bordered[i, n] = weighted[i]
            bordered[n, i] = weighted[i]
        }
        let lu = try LUDecomposition(bordered)
        func offLine(_ rhs: [S]) -> [S] { Array(lu.solve(rhs.map { -$0 } + [zero]).prefix(n)) }

        // The family stays in its own space, so H ydot = -F_d has a solution there.
        let tangent = offLine(at.parameterDerivative)
        // Each coefficient is a derivative of F along directions, at nested Dual points of the
        // gradient alone (one level per direction): a = d/de d/dt v.F(y + e ydot + t v, d + e),
        // u = d^2/dt^2 F(y + t v), D^4 L[v, v, v, v] = d^3/dt^3 v.F(y + t v).
        let one = S(1, precision: p)
        let constant = Dual(zero, derivative: zero)
        let alongFamily = try system.gradient(
            zip(y, zip(v, tangent)).map { Dual(Dual($0, derivative: $1.0), derivative: Dual($1.1, derivative: zero)) },
            parameter: Dual(Dual(d, derivative: zero), derivative: Dual(one, derivative: zero)))
        slope = dot(v, alongFamily.map(\.derivative.derivative))

        let alongLine = try system.gradient(
            zip(y, v).map { Dual(Dual($0, derivative: $1), derivative: Dual($1, derivative: zero)) },
            parameter: Dual(Dual(d, derivative: zero), derivative: constant))
        let u = alongLine.map(\.derivative.derivative)
        quadratic = dot(v, u) / S(2, precision: p)

        let thrice = try system.gradient(
            zip(y, v).map { y, v in
                Dual(
                    Dual(Dual(y, derivative: v), derivative: Dual(v, derivative: zero)),
                    derivative: Dual(Dual(v, derivative: zero), derivative: constant))
            },
            parameter: Dual(Dual(Dual(d, derivative: zero), derivative: constant), derivative: Dual(constant, derivative: constant)))
        let fourth = dot(v, thrice.map(\.derivative.derivative.derivative))
        let correction = offLine(u)
        cubic = fourth / S(6, precision: p) + dot(u, correction) / S(2, precision: p)
        familyTangent = tangent
    }

    /// lambda = d - d* at amplitude t on the branch, to leading order: -q t / a, or -c t^2 / a
    /// for a pitchfork (where q is 0 by symmetry and its computed value is rounding).
    public func predictedShift(amplitude t: S, pitchfork: Bool) -> S {
        pitchfork ? -cubic * t * t / slope : -quadratic * t / slope
    }
}

private func dot<S: Scalar>(_ a: [S], _ b: [S]) -> S {
    var sum = S(0, precision: a.first?.precision ?? 53)
    for (x, y) in zip(a, b) { sum += x * y }
    return sum
}
