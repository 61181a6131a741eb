import CMPFR

/// Directed rounding on ``BigFloat``: the building block of ``Interval``. MPFR rounds every
/// result correctly in the direction asked for, so a lower end computed with MPFR_RNDD is at
/// most the exact value and an upper end computed with MPFR_RNDU at least it.
extension BigFloat {
    /// operation(a, b) at `precision` bits, rounded in direction `mode`.
    @inlinable
    static func directed(_ operation: BinaryOperation, _ a: BigFloat, _ b: BigFloat, _ mode: mpfr_rnd_t, precision: Int) -> BigFloat {
        let result = BigFloat(uninitializedPrecision: precision)
        withExtendedLifetime((a, b)) {
            _ = operation(result.storage.value, a.storage.value, b.storage.value, mode)
        }
        return result
    }

    /// operation(x) at `precision` bits, rounded in direction `mode`.
    /// self = operation(self, b) rounded in `mode` at `precision` bits, in place: what
    /// ``directed(_:_:_:_:precision:)`` gives when self has at most `precision` bits.
    @inlinable
    mutating func applyDirected(_ operation: BinaryOperation, _ b: BigFloat, _ mode: mpfr_rnd_t, precision: Int) {
        precondition(self.precision <= precision, "an in-place directed operation narrower than its operand")
        prepareForWrite(precision: precision)
        withExtendedLifetime(b) {
            _ = operation(storage.value, storage.value, b.storage.value, mode)
        }
    }

    @inlinable
    static func directed(_ operation: UnaryOperation, _ x: BigFloat, _ mode: mpfr_rnd_t, precision: Int) -> BigFloat {
        x.withValue { v in make(precision: precision) { _ = operation($0, v, mode) } }
    }

    /// operation(a, b) at `precision` bits rounded down and rounded up, from one call: MPFR
    /// rounds correctly, so where the result rounded down is inexact (a non-zero ternary value)
    /// the result rounded up is the next number above it, and where it is exact the two are the
    /// same. The second call this saves is an arctangent in ``Interval/atan2(y:x:)``. Only for
    /// operations whose exact zero has a sign independent of the rounding direction (not a
    /// sum, where x - x is -0 rounded down and +0 rounded up).
    @inlinable
    static func directedPair(
        _ operation: BinaryOperation, _ a: BigFloat, _ b: BigFloat, precision: Int
    ) -> (down: BigFloat, up: BigFloat) {
        var ternary: Int32 = 0
        let down = BigFloat(uninitializedPrecision: precision)
        withExtendedLifetime((a, b)) {
            ternary = operation(down.storage.value, a.storage.value, b.storage.value, MPFR_RNDD)
        }
        return (down, ternary == 0 ? down : down.nextAbove)
    }

    /// operation(x) rounded down and up from one call; see the binary ``directedPair(_:_:_:precision:)``.
    @inlinable
    static func directedPair(_ operation: UnaryOperation, _ x: BigFloat, precision: Int) -> (down: BigFloat, up: BigFloat) {
        var ternary: Int32 = 0
        let down = x.withValue { v in make(precision: precision) { ternary = operation($0, v, MPFR_RNDD) } }
        return (down, ternary == 0 ? down : down.nextAbove)
    }

    /// The next number above at the same precision (+inf above the largest).
    @inlinable
    var nextAbove: BigFloat {
        withValue { v in BigFloat.make(precision: precision) { r in _ = mpfr_set(r, v, MPFR_RNDN); mpfr_nextabove(r) } }
    }

    /// x at `precision` bits, rounded in direction `mode` (exact when it fits).
    @inlinable
    static func directed(_ x: BigFloat, _ mode: mpfr_rnd_t, precision: Int) -> BigFloat {
        if x.precision == precision { return x }
        return x.withValue { v in make(precision: precision) { _ = mpfr_set($0, v, mode) } }
    }

    /// The smaller of two values (NaN if either is NaN, so that a NaN end is never dropped).
    @inlinable
    static func smaller(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        if a.isNaN { return a }
        if b.isNaN { return b }
        return b < a ? b : a
    }

    /// The larger of two values (NaN if either is NaN).
    @inlinable
    static func larger(_ a: BigFloat, _ b: BigFloat) -> BigFloat {
        if a.isNaN { return a }
        if b.isNaN { return b }
        return a < b ? b : a
    }

    /// Not a number.
    @inlinable
    var isNaN: Bool { withValue { mpfr_nan_p($0) != 0 } }
}

/// Outward-rounded arithmetic: the result contains every a op b with a and b in the operands.
extension Interval {
    public static func + (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        return Interval(
            lower: BigFloat.directed(mpfr_add, a.lower, b.lower, MPFR_RNDD, precision: p),
            upper: BigFloat.directed(mpfr_add, a.upper, b.upper, MPFR_RNDU, precision: p))
    }

    public static func - (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        return Interval(
            lower: BigFloat.directed(mpfr_sub, a.lower, b.upper, MPFR_RNDD, precision: p),
            upper: BigFloat.directed(mpfr_sub, a.upper, b.lower, MPFR_RNDU, precision: p))
    }

    /// The product, from the endpoint products that can be extreme for the operands' signs
    /// (two of the four unless both operands contain 0).
    public static func * (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        func down(_ x: BigFloat, _ y: BigFloat) -> BigFloat { BigFloat.directed(mpfr_mul, x, y, MPFR_RNDD, precision: p) }
        func up(_ x: BigFloat, _ y: BigFloat) -> BigFloat { BigFloat.directed(mpfr_mul, x, y, MPFR_RNDU, precision: p) }
        let (a1, a2, b1, b2) = (a.lower, a.upper, b.lower, b.upper)
        if a1.signum >= 0 && !a1.isNaN {
            if b1.signum >= 0 { return Interval(lower: down(a1, b1), upper: up(a2, b2)) }
            if b2.signum <= 0 { return Interval(lower: down(a2, b1), upper: up(a1, b2)) }
            return Interval(lower: down(a2, b1), upper: up(a2, b2))
        }
        if a2.signum <= 0 && !a2.isNaN {
            if b1.signum >= 0 { return Interval(lower: down(a1, b2), upper: up(a2, b1)) }
            if b2.signum <= 0 { return Interval(lower: down(a2, b2), upper: up(a1, b1)) }
            return Interval(lower: down(a1, b2), upper: up(a1, b1))
        }
        if b1.signum >= 0 && !b1.isNaN { return Interval(lower: down(a1, b2), upper: up(a2, b2)) }
        if b2.signum <= 0 && !b2.isNaN { return Interval(lower: down(a2, b1), upper: up(a1, b1)) }
        return Interval(
            lower: BigFloat.smaller(down(a1, b2), down(a2, b1)),
            upper: BigFloat.larger(up(a1, b1), up(a2, b2)))
    }

    /// The quotient; the whole line [-inf, +inf] when the divisor contains 0 (it then encloses
    /// every quotient, and is not finite).
    public static func / (a: Interval, b: Interval) -> Interval {
        let p = Swift.max(a.precision, b.precision)
        guard let divisorSign = b.sign else { return entireLine(precision: p) }
        func down(_ x: BigFloat, _ y: BigFloat) -> BigFloat { BigFloat.directed(mpfr_div, x, y, MPFR_RNDD, precision: p) }
        func up(_ x: BigFloat, _ y: BigFloat) -> BigFloat { BigFloat.directed(mpfr_div, x, y, MPFR_RNDU, precision: p) }
        let (a1, a2, b1, b2) = (a.lower, a.upper, b.lower, b.upper)
        if divisorSign > 0 {
            if a1.signum >= 0 && !a1.isNaN { return Interval(lower: down(a1, b2), upper: up(a2, b1)) }
            if a2.signum <= 0 && !a2.isNaN { return Interval(lower: down(a1, b1), upper: up(a2, b2)) }
            return Interval(lower: down(a1, b1), upper: up(a2, b1))
        }
        if a1.signum >= 0 && !a1.isNaN { return Interval(lower: down(a2, b2), upper: up(a1, b1)) }
        if a2.signum <= 0 && !a2.isNaN { return Interval(lower: down(a2, b1), upper: up(a1, b2)) }
        return Interval(lower: down(a2, b2), upper: up(a1, b2))
    }

    /// [-upper, -lower], exact.
    public static prefix func - (x: Interval) -> Interval {
        Interval(lower: -x.upper, upper: -x.lower)
    }

    /// ``+(_:_:)`` written into a's ends where their storage is unshared: the same directed
    /// roundings at the same precision, without two new values per sum (an enclosure's
    /// accumulations are most of its operations).
    public static func += (a: inout Interval, b: Interval) {
        let p = Swift.max(a.precision, b.precision)
        a.lower.applyDirected(mpfr_add, b.lower, MPFR_RNDD, precision: p)
        a.upper.applyDirected(mpfr_add, b.upper, MPFR_RNDU, precision: p)
    }

    /// ``-(_:_:)`` written into a's ends (see ``+=(_:_:)``).
    public static func -= (a: inout Interval, b: Interval) {
        let p = Swift.max(a.precision, b.precision)
        a.lower.applyDirected(mpfr_sub, b.upper, MPFR_RNDD, precision: p)
        a.upper.applyDirected(mpfr_sub, b.lower, MPFR_RNDU, precision: p)
    }
    public static func *= (a: inout Interval, b: Interval) { a = a * b }
    public static func /= (a: inout Interval, b: Interval) { a = a / b }

    /// {|x|}: the interval itself when it is nonnegative, its negation when nonpositive, and
    /// [0, max(|lower|, |upper|)] when it contains 0.
    public var magnitude: Interval {
        if lower.signum >= 0 { return self }
        if upper.signum <= 0 { return -self }
        return Interval(lower: BigFloat(0, precision: precision), upper: magnitudeBound)
    }
}
