import Foundation

/// How many bits each computation runs at for a number of decimal digits: every margin in the
/// tool, with its reason, in one place (docs/design.md section 6).
///
/// A proved digit needs two computations that agree (``ProvedValue``), so most jobs have a
/// working precision and a check precision, twice the working one: doubling the bits changes
/// every rounding error by a factor of about 2^-working, so a digit that is an artefact of
/// rounding cannot survive both.
public enum PrecisionPolicy {
    /// Bits that carry `digits` significant decimal digits: ceil(digits log2 10).
    public static func bits(forDigits digits: Int) -> Int {
        Int((Double(digits) * 3.321928094887362).rounded(.up))
    }

    /// The check precision for a working precision: twice it.
    public static func check(_ working: Int) -> Int { 2 * working }

    /// `body` computed at the working precision and again at the check precision: the two
    /// computations whose agreement a ``ProvedValue`` keeps.
    public static func recomputed<T>(working: Int, _ body: (Int) throws -> T) rethrows -> (working: T, check: T) {
        (try body(working), try body(check(working)))
    }

    /// A value recomputed at two precisions (a spectrum, a polished critical point): the digits
    /// plus 32 guard bits, enough for the few digits a Newton correction and a Jacobi
    /// eigensolver lose on these small, well-scaled systems.
    public static func recomputation(digits: Int) -> Int { bits(forDigits: digits) + recomputationGuard }
    public static let recomputationGuard = 32

    /// The same at a d where the reduced loss cancels: its terms are of size d^2 while the
    /// quantities at a critical point are of size 1/d or smaller, so about 3 digits cancel per
    /// decade of d. Up to d = 100 the 32 guard bits (about 10 digits) absorb it; beyond, the
    /// digits lost are added.
    public static func recomputation(digits: Int, d: Double) -> Int {
        let lost = d > 100 ? Int((3 * Foundation.log10(d) - 6).rounded(.up)) : 0
        return recomputation(digits: digits + lost)
    }

    /// Locating an event (a fold or a sign change of an eigenvalue along a family): the location
    /// drives a bracket below 10^-(digits + 5) (``locationGuardDigits``), and its corrector
    /// loses about a third of the bits near a fold (eps^(2/3) tolerances), hence 64 guard bits
    /// on top.
    public static func location(digits: Int) -> Int { bits(forDigits: digits + locationGuardDigits) + locationGuardBits }
    /// The digits of each rung of a location's precision ladder, ending with `digits`: each
    /// rung doubles the digits of the one below, from at least ``locationLadderBase``, so that
    /// the secant's iterations run at the precision their accuracy needs and only the last few
    /// samples cost the full precision (docs/design.md section 6). Up to twice the base digits
    /// the ladder is the single rung `digits`.
    public static func locationLadder(digits: Int) -> [Int] {
        var rungs = [digits]
        while let lowest = rungs.first, lowest / 2 >= locationLadderBase { rungs.insert(lowest / 2, at: 0) }
        return rungs
    }
    /// Below this many digits one rung is as cheap as two: the `Double` stage's estimate reaches
    /// them in a few secant steps.
    public static let locationLadderBase = 60

    /// Decimal digits the location's bracket is narrower than the digits asked for, so that the
    /// rounding of the reported d is decided by the bracket, not by its ends.
    public static let locationGuardDigits = 5
    public static let locationGuardBits = 64
    /// The least precision the locator accepts for `digits`: the bracket's width must be
    /// representable with 10 bits to spare, or the secant steps are rounding noise.
    public static func locationMinimum(digits: Int) -> Int { bits(forDigits: digits + locationGuardDigits) + 10 }

    /// A certified point (`spectrum --certify`): 10 digits beyond the proved ones for the width
    /// the Krawczyk box and the Gershgorin discs add, and 64 bits for the outward rounding of a
    /// few thousand interval operations.
    public static func pointCertificate(digits: Int) -> Int { bits(forDigits: digits + 10) + 64 }

    /// A certified transition over an interval of d of width about 10^-`intervalDigits`: 12
    /// digits beyond the interval's, since the enclosures over the box must still decide the
    /// sign of an eigenvalue that is only about 10^-intervalDigits at the ends.
    public static func transitionCertificate(intervalDigits: Int) -> Int { bits(forDigits: intervalDigits + 12) + 64 }

    /// A certificate that fails is tried again at these multiples of its first precision (or of
    /// its interval's digits): a step that fails by rounding succeeds at a higher precision, one
    /// that fails for a mathematical reason fails at every precision, and three attempts tell
    /// them apart at a bounded cost.
    public static let certificateRetries = [1, 2, 4]

    /// `spurious doctor`: pi to `digits` digits with 32 guard bits, so that the binary rounding
    /// of pi cannot change its decimal rounding unless pi's digits after digit N read
    /// 5000000000... or 4999999999...
    public static func doctor(digits: Int) -> Int { bits(forDigits: digits) + doctorGuard }
    public static let doctorGuard = 32

    /// A closed-form search on a coefficient with `digits` proved digits: 10 more, so that PSLQ
    /// sees the relation hold to every proved digit and not just to rounding.
    public static func closedForm(digits: Int) -> Int { bits(forDigits: digits + 10) }

    /// The first precision of a ladder to d = 10^topExponent whose quantity needs
    /// `neededDigits` relative digits at the top: the loss at d is a difference of terms of size
    /// d^2, so three digits cancel per decade of d; 10 digits and 32 bits more for Newton's
    /// tolerances relative to coordinates that shrink like powers of d.
    public static func ladder(neededDigits: Int, topExponent: Int) -> Int {
        bits(forDigits: neededDigits + 3 * Swift.max(topExponent, 0) + 10) + 32
    }
}
