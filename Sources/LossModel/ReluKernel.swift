import MultiPrecision

/// The closed-form expectation f(w, v) = E[relu(w.x) relu(v.x)], written in the three inner
/// products A = |w|^2, B = |v|^2, p = w.v (docs/design.md section 1):
///
///     g(A, B, p) = ( s + (pi - theta) p ) / (2 pi),   s = sqrt(u) = |w||v| sin theta,
///     u = AB - p^2,   pi - theta = atan2(s, -p)
///
/// with u given by the caller from its ``WedgeForm`` (accurate near parallel rows, where
/// AB - p^2 is not) and pi - theta taken as atan2(s, -p), accurate near both 0 and pi.
///
/// g depends on A and B only through u: g = G(u, p), and in (u, p) every partial is a plain
/// product, no difference of large terms, and only G_uu is unbounded as s -> 0:
///
///     G_u = s/(4 pi AB)   G_uu = (p^2 - u)/(8 pi s (AB)^2)   G_up = -p s/(2 pi (AB)^2)
///     G_pp = s^3/(pi (AB)^2)                                  (AB = u + p^2)
///
/// The chain rule through u = AB - p^2 gives the first partials the caller uses,
///
///     g_A = s/(4 pi A)   g_B = s/(4 pi B)   g_p = (pi - theta)/(2 pi),
///
/// and the second partials in (A, B, p) as G_uu (grad u)(grad u)^T plus the matrix
///
///     [ 0        G_u      B G_up ]
///     [ G_u      0        A G_up ]      R_pp = -2 G_u - 4 p G_up + G_pp = s (3p^2 + u)/(2 pi (AB)^2).
///     [ B G_up   A G_up   R_pp   ]
///
/// The G_uu part is what makes the individual second partials blow up like 1/s (g_pp =
/// 1/(2 pi s) = 4 p^2 G_uu + R_pp); composed with the quadratic forms it is
/// G_uu grad u grad u^T, where grad u = 2 s m with m bounded (|m_i| <= gamma_i, Cauchy-Schwarz
/// over the minors: ``WedgeForm/gradientBound(at:x:d:dIndex:pair:)``). So ``second(_:_:)`` holds only the matrix
/// above, every entry O(s), and the caller adds the curvature term ``curvatureTerm(_:bound:)``,
///
///     G_uu grad u grad u^T = kappa s m m^T,   kappa = (p^2 - u) / (2 pi (AB)^2),   m = grad u / (2 s),
///
/// also O(s): as G_uu (grad u)(grad u)^T where s > 0, and as kappa s m m^T with m enclosed by
/// its bound where an enclosure of s reaches 0. At s = 0, parallel (theta = 0) or
/// anti-parallel (theta = pi) rows, everything but g_p vanishes and the Hessian of g composed
/// with the forms is g_p grad^2 p, g_p = 1/2 or 0: the limits d2f/dw dv = I/2 or 0 and
/// d2f/dw2 = 0 of docs/design.md section 1, reached continuously (each term is bounded by a
/// multiple of s), so they need no branch.
///
/// Accuracy: s has an absolute error of a few eps |w||v| (``WedgeForm``), and every quantity
/// above is a product or quotient of accurate factors, so the gradient and Hessian are accurate
/// to a few eps at every angle. The one difference left is the value near theta = pi, where
/// s + (pi - theta) p ~ s^3/(3 p^2) comes out with an absolute error of about eps s: below the
/// rounding of the loss it is added to, so no series is needed for it. Cost: the wedge's minors
/// and one more outer product (of grad u) per term, 7% (MPFR) to 15% (Double) on the spectrum
/// benchmark against the former A B - p^2 kernel, which refused these points.
///
/// Intervals: with s's enclosure [0, s_hi] (u's enclosure reaching 0) every expression above is
/// continuous in s down to s = 0 and encloses the limit there; only m = grad u / (2 s) needs
/// care, and ``Scalar/boundedQuotient(_:_:bound:)`` encloses it by [-gamma_i, gamma_i] then.
///
/// Duals (third and fourth derivatives, ``ReducedLoss/hessianDerivative(at:d:direction:dDirection:)``):
/// every branch here is on a value and is constant near a point with s > 0 (A, B > 0; u > 0,
/// so the clamp is |u| = u; s > 0 in ``curvatureTerm(_:bound:)``), so a ``Dual`` evaluation
/// differentiates the closed forms above, which are analytic there. There is no series in s to
/// differentiate. At s = 0 sqrt(u) has no derivative and throws: the loss is not C^3 at
/// parallel rows (docs/design.md section 1).
struct ReluKernel<S: Scalar> {
    var value: S
    /// g_A, g_B, g_p (zero below order `.gradient`), read through ``first(_:)``.
    private var gA, gB, gp: S
    /// The entries of ``second(_:_:)`` that are not 0: G_u, B G_up, A G_up and R_pp (zero
    /// below order `.hessian`). Named values rather than a 3 x 3 array of arrays, which cost
    /// four heap allocations per kernel term and evaluation.
    private var gu, bGup, aGup, rpp: S
    /// 0 at the working precision.
    private let zero: S
    /// kappa = 4 s G_uu = (p^2 - u) / (2 pi (AB)^2) (see the type's notes).
    var curvature: S
    /// sqrt(u).
    var s: S

    /// `u` is AB - p^2 from the pair's wedge form; `pi` at the working precision; `angles` the
    /// square roots and arctangents of this evaluation so far, shared between terms.
    ///
    /// Throws ``ModelError/zeroRow(block:)`` for a zero row (A or B not certainly positive) when
    /// derivatives are asked for: f(w, v) is not differentiable at w = 0 (docs/design.md section 1).
    init(
        a: S, b: S, p: S, u: S, pi: S, order: DerivativeOrder, angles: inout KernelAngles<S>,
        zeroRow: (_ first: Bool) -> Int
    ) throws {
        let zero = S(0, precision: pi.precision)
        self.zero = zero
        (gA, gB, gp, gu, bGup, aGup, rpp) = (zero, zero, zero, zero, zero, zero, zero)
        curvature = zero
        s = zero
        let twoPi = pi * S(2)
        if order == .value && (a.signum <= 0 || b.signum <= 0) {
            value = zero  // a zero row contributes nothing
            return
        }
        guard a.signum > 0, b.signum > 0 else {
            throw ModelError.zeroRow(block: zeroRow(a.signum <= 0))
        }
        let angle = try angles.angle(u: u, p: p, zero: zero)
        let (clamped, supplement) = (angle.clamped, angle.supplement)
        s = angle.s
        value = (s + supplement * p) / twoPi
        guard order >= .gradient else { return }
        let fourPi = twoPi * S(2)
        (gA, gB, gp) = (s / (fourPi * a), s / (fourPi * b), supplement / twoPi)
        guard order >= .hessian else { return }
        let ab = a * b
        let twoPiAB2 = twoPi * ab * ab
        gu = s / (fourPi * ab)
        let gup = -(p * s) / twoPiAB2
        rpp = s * (p * p * S(3) + clamped) / twoPiAB2
        (bGup, aGup) = (b * gup, a * gup)
        curvature = (p * p - clamped) / twoPiAB2
    }

    /// g_A, g_B or g_p for k = 0, 1, 2.
    func first(_ k: Int) -> S {
        switch k {
        case 0: gA
        case 1: gB
        default: gp
        }
    }

    /// Entry (k, l) of the symmetric 3 x 3 matrix in the order A, B, p: the second partials
    /// without their G_uu part.
    func second(_ k: Int, _ l: Int) -> S {
        switch (Swift.min(k, l), Swift.max(k, l)) {
        case (0, 1): gu
        case (0, 2): bGup
        case (1, 2): aGup
        case (2, 2): rpp
        default: zero
        }
    }

    /// max(u, 0), its square root s and pi - theta = atan2(s, -p), at the precision of `zero`.
    static func angle(u: S, p: S, zero: S) throws -> KernelAngles<S>.Angle {
        // u >= 0 while the counts are positive (a sum of squares); it can be negative only for
        // a block of fractional size below 2, where the model has always used u = 0. |u| keeps
        // an enclosure that reaches below 0 an enclosure of max(u, 0).
        let clamped = u.signum < 0 ? zero : u.magnitude
        let s = try S.sqrt(clamped)
        return KernelAngles.Angle(clamped: clamped, s: s, supplement: S.atan2(y: s, x: -p))
    }

    /// G_uu grad u grad u^T as coefficient * direction direction^T, from grad u (`gradient`,
    /// one entry per index): (G_uu, nil: the direction is grad u itself) where s > 0,
    /// G_uu = kappa / (4 s); (kappa s, m) where s may be 0, each m_i = grad u_i / (2 s) any
    /// value of [-gamma_i, gamma_i] (0 for a point type, whose s is then exactly 0), gamma_i
    /// from `bound` (``WedgeForm/gradientBound(at:x:d:dIndex:pair:)``). There an enclosure
    /// throws ``ModelError/noEnclosure(_:)`` when gamma is not a bound.
    func curvatureTerm(
        _ gradient: UnsafeBufferPointer<(Int, S)>, bound: (Int) throws -> S
    ) throws -> (coefficient: S, bounded: [(Int, S)]?) {
        if s.signum > 0 { return (curvature / (s * S(4)), nil) }
        let twoS = s * S(2)
        let m = try gradient.map { index, derivative in
            (index, try S.boundedQuotient(derivative, twoS) { try bound(index) })
        }
        return (curvature * s, m)
    }
}
