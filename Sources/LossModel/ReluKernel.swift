import MultiPrecision

/// The closed-form expectation f(w, v) = E[relu(w.x) relu(v.x)], written in the three inner
/// products A = |w|^2, B = |v|^2, p = w.v (docs/design.md section 1):
///
///     g(A, B, p) = ( s + (pi - theta) p ) / (2 pi),  s = sqrt(AB - p^2) = |w||v| sin theta,
///                                                     theta = acos(p / sqrt(AB)).
///
/// Its partial derivatives are short (they follow from ds/dA = B/(2s), dtheta/dp = -1/s,
/// dtheta/dA = p/(2As)) and are used for the exact gradient and Hessian:
///
///     g_A = s/(4 pi A)   g_B = s/(4 pi B)   g_p = (pi - theta)/(2 pi)
///     g_AA = (2p^2 - AB)/(8 pi A^2 s)   g_BB = (2p^2 - AB)/(8 pi B^2 s)   g_AB = 1/(8 pi s)
///     g_Ap = -p/(4 pi A s)   g_Bp = -p/(4 pi B s)   g_pp = 1/(2 pi s)
///
/// theta is computed as atan2(s, p), equal to the acos form but accurate near 0 and pi.
struct ReluKernel<S: Scalar> {
    var value: S
    /// (g_A, g_B, g_p).
    var first: [S] = []
    /// Symmetric 3 x 3 in the order A, B, p.
    var second: [[S]] = []

    /// `pi` at the working precision; `singularTolerance` bounds sin^2(theta) from below.
    init(a: S, b: S, p: S, pi: S, order: DerivativeOrder, singularTolerance: S, describe: () -> String) throws {
        let twoPi = pi * S(2)
        if order == .value && (a.signum <= 0 || b.signum <= 0) {
            value = S(0, precision: pi.precision)  // a zero row contributes nothing
            return
        }
        guard a.signum > 0, b.signum > 0 else { throw ModelError.singular("\(describe()): a row is zero") }
        let ab = a * b
        var s2 = ab - p * p
        if order == .hessian && s2 <= singularTolerance * ab {
            throw ModelError.singular("\(describe()): they are parallel or anti-parallel")
        }
        if s2.signum < 0 { s2 = S(0, precision: pi.precision) }  // rounding at exactly parallel rows
        let s = try S.sqrt(s2)
        let theta = S.atan2(y: s, x: p)
        value = (s + (pi - theta) * p) / twoPi
        guard order >= .gradient else { return }
        let fourPi = twoPi * S(2)
        first = [s / (fourPi * a), s / (fourPi * b), (pi - theta) / twoPi]
        guard order >= .hessian else { return }
        let eightPiS = fourPi * S(2) * s
        let fourPiS = fourPi * s
        let bend = p * p * S(2) - ab
        let aa = bend / (eightPiS * a * a)
        let bb = bend / (eightPiS * b * b)
        let abMixed = S(1) / eightPiS
        let ap = -p / (fourPiS * a)
        let bp = -p / (fourPiS * b)
        let pp = S(1) / (twoPi * s)
        second = [[aa, abMixed, ap], [abMixed, bb, bp], [ap, bp, pp]]
    }
}
