import CMPFR

/// A closed interval [lower, upper] of real numbers with ``BigFloat`` endpoints: a rigorous
/// enclosure. Every operation rounds its lower end down and its upper end up (MPFR_RNDD and
/// MPFR_RNDU), so the result contains the exact result of the operation applied to every point
/// of the operands. Evaluating a formula with intervals therefore encloses the formula's value
/// over a whole box of inputs, which is what a computer-assisted proof needs: a sign that holds
/// for the whole enclosure holds for the true value.
///
/// It conforms to ``Scalar`` so that the tool's generic mathematics (the reduced loss with its
/// gradient and Hessian) runs on it unchanged. Where generic code branches, the conformance
/// decides only what the interval decides:
///
/// - `<`, `<=`, `>`, `>=` hold only when they hold for every pair of points of the two
///   intervals ("certainly less"); overlapping intervals compare false both ways. `==` is
///   equality of the two sets. Intervals are therefore not totally ordered: never sort them.
/// - ``signum`` is 1 or -1 only when the interval excludes 0, and 0 otherwise, which means
///   "zero is not excluded" rather than "zero"; ``sign`` returns `nil` there. Read through the
///   model's branches, 0 is the conservative answer: a row norm whose sign is undecided is
///   treated as zero and the kernel throws "singular" instead of going on.
/// - Functions whose domain the interval leaves even partly (sqrt of [-1e-30, 1], acos of
///   [0.5, 1.1], log of [0, 1]) throw ``ScalarError/domain(function:argument:)``: part of the box
///   has no real value, so there is nothing to enclose.
/// - Division by an interval containing 0 gives the whole line [-inf, +inf], which encloses
///   every quotient but is not finite, so ``Scalar/requireFinite(_:_:)`` and the finiteness
///   checks of generic code reject it.
///
/// Precision: both ends of a result carry the larger precision of the operands, like
/// ``BigFloat``. Integer and exactly representable constants are point intervals; pi and decimal
/// text become the tightest enclosing interval at the precision asked for.
public struct Interval: Sendable {
    /// The lower end; rounded down wherever it was computed.
    public internal(set) var lower: BigFloat
    /// The upper end; rounded up wherever it was computed.
    public internal(set) var upper: BigFloat

    /// The interval [lower, upper]; the caller guarantees lower <= upper.
    public init(lower: BigFloat, upper: BigFloat) {
        self.lower = lower
        self.upper = upper
    }

    /// The point interval [x, x], exact.
    public init(_ x: BigFloat) {
        self.init(lower: x, upper: x)
    }

    /// Bits of the endpoints (the larger, should they differ).
    public var precision: Int { Swift.max(lower.precision, upper.precision) }

    /// The interval [-inf, +inf]: what a quotient by an interval containing 0 can be.
    static func entireLine(precision: Int) -> Interval {
        Interval(
            lower: BigFloat.make(precision: precision) { mpfr_set_inf($0, -1) },
            upper: BigFloat.make(precision: precision) { mpfr_set_inf($0, 1) })
    }
}

extension Interval {
    /// 1 when every point is positive, -1 when every point is negative, `nil` when the
    /// interval contains 0 (for the point interval [0, 0] as well: no sign).
    public var sign: Int? {
        if lower.signum > 0 { return 1 }
        if upper.signum < 0 { return -1 }
        return nil
    }

    /// True when `x` lies in the interval.
    public func contains(_ x: BigFloat) -> Bool { lower <= x && x <= upper }

    /// True when `other` lies in the interval.
    public func contains(_ other: Interval) -> Bool { lower <= other.lower && other.upper <= upper }

    /// True when `other` lies strictly inside: both of its ends away from both of these.
    public func containsInInterior(_ other: Interval) -> Bool { lower < other.lower && other.upper < upper }

    /// True when the two intervals share at least one point.
    public func overlaps(_ other: Interval) -> Bool { lower <= other.upper && other.lower <= upper }

    /// The common part, or `nil` when the intervals are disjoint. Intersecting two enclosures
    /// of one quantity gives a tighter enclosure of it.
    public func intersection(_ other: Interval) -> Interval? {
        let low = other.lower < lower ? lower : other.lower
        let high = upper < other.upper ? upper : other.upper
        guard low <= high else { return nil }
        return Interval(lower: low, upper: high)
    }

    /// The smallest interval containing both.
    public func hull(_ other: Interval) -> Interval {
        Interval(lower: other.lower < lower ? other.lower : lower, upper: upper < other.upper ? other.upper : upper)
    }

    /// The midpoint (lower + upper) / 2 rounded to nearest: a point inside the interval (up to
    /// that one rounding), for the floating-point parts of an algorithm.
    public var midpoint: BigFloat {
        let p = precision
        let sum = BigFloat.directed(mpfr_add, lower, upper, MPFR_RNDN, precision: p + 1)
        return BigFloat.make(precision: p) { r in sum.withValue { _ = mpfr_div_2ui(r, $0, 1, MPFR_RNDN) } }
    }

    /// upper - lower, rounded up.
    public var width: BigFloat { BigFloat.directed(mpfr_sub, upper, lower, MPFR_RNDU, precision: precision) }

    /// An upper bound of |x| over the interval: max(|lower|, |upper|).
    public var magnitudeBound: BigFloat {
        let a = lower.magnitude
        let b = upper.magnitude
        return a < b ? b : a
    }
}

extension Interval: CustomStringConvertible {
    /// "[lower, upper]" with enough digits to tell the endpoints apart from their neighbours.
    public var description: String {
        formatted(significantDigits: Int((Double(precision) * 0.30102999566398120).rounded(.up)) + 1)
    }
}

extension Interval: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
