import MultiPrecision

/// The kernel's square root and arctangent, s = sqrt(u) and pi - theta = atan2(s, -p), computed
/// once for each (u, p) that one evaluation meets, and reused by every term whose u and p are
/// identical (``Scalar/isIdentical(to:)``), so that the result is the one the term would have
/// computed itself.
///
/// Why: the spectrum evaluates the Hessian of each refined fixed space at the lifted point,
/// where rows of the blocks split from one block are equal, so terms that are different pairs
/// of blocks in the refined space are the same pair of rows. For the one-flipped family at its
/// seed the 14 terms of the 10-variable refined space have 9 distinct (u, p), the 24 of the
/// 17-variable one 11; for the two-flipped family 16 have 9 and 26 have 11. The fixed space
/// itself shares none (7 of 7, 9 of 9). An arctangent costs 150 to 500 multiplications
/// (docs/mpfr.md, "Arb against MPFR"); the lookup is a few comparisons per term.
struct KernelAngles<S: Scalar> {
    struct Angle {
        /// max(u, 0) (see ``ReluKernel/angle(u:p:zero:)``).
        let clamped: S
        /// sqrt(clamped).
        let s: S
        /// pi - theta = atan2(s, -p).
        let supplement: S
    }

    private var known: [(u: S, p: S, angle: Angle)] = []

    /// Room for `terms` angles, so that the table is allocated once per evaluation (growing it
    /// cost more than a `Double` arctangent).
    init(terms: Int) {
        known.reserveCapacity(terms)
    }

    /// The angle of (u, p), computed on first sight; `zero` at the evaluation's precision.
    mutating func angle(u: S, p: S, zero: S) throws -> Angle {
        if let seen = known.first(where: { $0.u.isIdentical(to: u) && $0.p.isIdentical(to: p) }) {
            return seen.angle
        }
        let angle = try ReluKernel.angle(u: u, p: p, zero: zero)
        known.append((u, p, angle))
        return angle
    }
}
