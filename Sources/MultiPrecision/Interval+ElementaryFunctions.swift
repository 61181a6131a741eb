import CMPFR

/// Enclosures of the elementary functions over an interval. Monotone functions take their
/// correctly rounded values at the two ends (down at one, up at the other); sin and cos also
/// take +-1 when the interval may contain a point where they reach it; atan2 and pow take the
/// extreme of their values at the corners of the box, which is where a function without
/// interior critical points, monotone along each edge, has its extremes.
///
/// An interval that leaves a function's domain even partly throws
/// ``ScalarError/domain(function:argument:)`` (sqrt of [-1e-30, 1], acos of [0.5, 1.1], tan of an
/// interval around pi/2): some point of the box has no real value.
extension Interval {
    /// [f(lower) rounded down, f(upper) rounded up] for a nondecreasing f, or the reverse ends
    /// for a nonincreasing one; one call of f for a point.
    static func monotone(_ x: Interval, _ f: BigFloat.UnaryOperation, increasing: Bool = true) -> Interval {
        let p = x.precision
        if x.lower.isIdentical(to: x.upper) {
            let (down, up) = BigFloat.directedPair(f, x.lower, precision: p)
            return Interval(lower: down, upper: up)
        }
        if increasing {
            return Interval(
                lower: BigFloat.directed(f, x.lower, MPFR_RNDD, precision: p),
                upper: BigFloat.directed(f, x.upper, MPFR_RNDU, precision: p))
        }
        return Interval(
            lower: BigFloat.directed(f, x.upper, MPFR_RNDD, precision: p),
            upper: BigFloat.directed(f, x.lower, MPFR_RNDU, precision: p))
    }

    /// Throws unless `x` lies in [minimum, maximum] (either bound may be absent).
    static func requireDomain(_ name: String, _ x: Interval, minimum: Int? = nil, maximum: Int? = nil, open: Bool = false) throws {
        let finite = !x.lower.isNaN && !x.upper.isNaN
        let aboveMinimum = minimum.map { m in
            let bound = BigFloat(m)
            return open ? bound < x.lower : bound <= x.lower
        } ?? true
        let belowMaximum = maximum.map { x.upper <= BigFloat($0) } ?? true
        guard finite && aboveMinimum && belowMaximum else {
            throw ScalarError.domain(function: name, argument: x.formatted(significantDigits: 17))
        }
    }

    /// Returns `x`, or throws when an end is NaN or infinite (an overflow, or an argument that
    /// was not finite).
    static func requireFiniteResult(_ name: String, _ result: Interval, argument: Interval) throws -> Interval {
        guard result.isFinite else {
            throw ScalarError.domain(function: name, argument: argument.formatted(significantDigits: 17))
        }
        return result
    }

    public static func sqrt(_ x: Interval) throws -> Interval {
        try requireDomain("sqrt", x, minimum: 0)
        return try requireFiniteResult("sqrt", monotone(x, mpfr_sqrt), argument: x)
    }

    public static func exp(_ x: Interval) throws -> Interval {
        try requireFiniteResult("exp", monotone(x, mpfr_exp), argument: x)
    }

    public static func log(_ x: Interval) throws -> Interval {
        try requireDomain("log", x, minimum: 0, open: true)
        return try requireFiniteResult("log", monotone(x, mpfr_log), argument: x)
    }

    public static func atan(_ x: Interval) -> Interval { monotone(x, mpfr_atan) }

    public static func asin(_ x: Interval) throws -> Interval {
        try requireDomain("asin", x, minimum: -1, maximum: 1)
        return monotone(x, mpfr_asin)
    }

    public static func acos(_ x: Interval) throws -> Interval {
        try requireDomain("acos", x, minimum: -1, maximum: 1)
        return monotone(x, mpfr_acos, increasing: false)
    }

    /// sin is monotone between its extreme points pi/2 + 2k pi (value 1) and -pi/2 + 2k pi
    /// (value -1): each end of the enclosure is +-1 when such a point may lie in `x`, and the
    /// extreme of the values at the two ends otherwise.
    public static func sin(_ x: Interval) -> Interval {
        let p = x.precision
        let halfPi = pi(precision: p) / Interval(2)
        return periodicExtremes(x, f: mpfr_sin, maximumAt: halfPi, minimumAt: -halfPi)
    }

    /// cos reaches 1 at 2k pi and -1 at pi + 2k pi; see ``sin(_:)``.
    public static func cos(_ x: Interval) -> Interval {
        let p = x.precision
        return periodicExtremes(x, f: mpfr_cos, maximumAt: Interval(BigFloat(0, precision: p)), minimumAt: pi(precision: p))
    }

    /// tan is increasing between its poles pi/2 + k pi; an interval that may contain a pole throws.
    public static func tan(_ x: Interval) throws -> Interval {
        let p = x.precision
        let piInterval = pi(precision: p)
        guard x.isFinite, !mayContain(x, pointsAt: piInterval / Interval(2), period: piInterval) else {
            throw ScalarError.domain(function: "tan", argument: x.formatted(significantDigits: 17))
        }
        return try requireFiniteResult("tan", monotone(x, mpfr_tan), argument: x)
    }

    /// The angle of the points of the box y x x, in [-pi, pi].
    ///
    /// atan2 has no critical point and is monotone along each edge of a box (its partial
    /// derivatives x/r^2 and -y/r^2 keep their signs along an edge), so on a box where it is
    /// continuous its extremes are at the corners. It is not continuous across the negative
    /// x-axis, where it jumps from pi to -pi, nor at the origin: a box meeting either gets the
    /// whole range [-pi, pi]. A box in the closed upper half-plane is taken with y >= +0, where
    /// atan2(+0, x < 0) = pi continues the values above it.
    public static func atan2(y: Interval, x: Interval) -> Interval {
        let p = Swift.max(y.precision, x.precision)
        let piInterval = pi(precision: p)
        let whole = Interval(lower: -piInterval.upper, upper: piInterval.upper)
        let yMeetsZero = y.lower.signum <= 0 && y.upper.signum >= 0
        let xMeetsZero = x.lower.signum <= 0 && x.upper.signum >= 0
        if yMeetsZero && xMeetsZero { return whole }
        if x.lower.signum < 0 && y.lower.signum < 0 && y.upper.signum >= 0 { return whole }
        // An end at zero is +0: MPFR's atan2 reads the sign of a zero y. A point has one
        // corner, and each corner costs one arctangent for both roundings.
        let zero = BigFloat(0, precision: p)
        let ys = distinctEnds(y).map { $0.signum == 0 && !$0.isNaN ? zero : $0 }
        var low: BigFloat?
        var high: BigFloat?
        for yy in ys {
            for xx in distinctEnds(x) {
                let (down, up) = BigFloat.directedPair(mpfr_atan2, yy, xx, precision: p)
                low = low.map { BigFloat.smaller($0, down) } ?? down
                high = high.map { BigFloat.larger($0, up) } ?? up
            }
        }
        guard let low, let high else { return whole }
        return Interval(lower: low, upper: high)
    }

    /// [lower, upper], or [lower] when the two are identical.
    static func distinctEnds(_ x: Interval) -> [BigFloat] {
        x.lower.isIdentical(to: x.upper) ? [x.lower] : [x.lower, x.upper]
    }

    /// x^y. For an exact integer exponent n, any base (0 excluded when n < 0): x^n is monotone
    /// on each side of 0, so its extremes over x are at the ends, plus 0 for an even power of an
    /// interval around 0. Otherwise the base must be positive and the extremes are at the
    /// corners of the box (x^y is monotone in x for fixed y and in y for fixed x).
    public static func pow(_ x: Interval, _ y: Interval) throws -> Interval {
        let p = Swift.max(x.precision, y.precision)
        let argument = { "\(x.formatted(significantDigits: 17)), \(y.formatted(significantDigits: 17))" }
        let integerExponent = y.lower == y.upper && y.lower.withValue { mpfr_integer_p($0) != 0 }
        let bases: [BigFloat]
        let exponents: [BigFloat]
        if integerExponent {
            if y.lower.signum < 0 && x.sign == nil {
                throw ScalarError.domain(function: "pow", argument: argument())
            }
            bases = [x.lower, x.upper]
            exponents = [y.lower]
        } else {
            guard x.lower.signum > 0 else { throw ScalarError.domain(function: "pow", argument: argument()) }
            bases = [x.lower, x.upper]
            exponents = [y.lower, y.upper]
        }
        var low: BigFloat?
        var high: BigFloat?
        for base in bases {
            for exponent in exponents {
                let down = BigFloat.directed(mpfr_pow, base, exponent, MPFR_RNDD, precision: p)
                let up = BigFloat.directed(mpfr_pow, base, exponent, MPFR_RNDU, precision: p)
                low = low.map { BigFloat.smaller($0, down) } ?? down
                high = high.map { BigFloat.larger($0, up) } ?? up
            }
        }
        guard var low, let high else { throw ScalarError.domain(function: "pow", argument: argument()) }
        if integerExponent && x.sign == nil && y.lower.signum > 0 && y.lower.isEvenInteger {
            low = BigFloat(0, precision: p)
        }
        return try requireFiniteResult("pow", Interval(lower: low, upper: high), argument: x)
    }

    /// f over `x` for a 2 pi-periodic f that is monotone between its maxima (at `maximumAt` +
    /// 2k pi) and minima (at `minimumAt` + 2k pi), with values +-1 there.
    static func periodicExtremes(_ x: Interval, f: BigFloat.UnaryOperation, maximumAt: Interval, minimumAt: Interval) -> Interval {
        let p = x.precision
        let one = BigFloat(1, precision: p)
        guard x.isFinite else { return Interval(lower: -one, upper: one) }
        let period = pi(precision: p) * Interval(2)
        let atEnds = [x.lower, x.upper]
        let high = mayContain(x, pointsAt: maximumAt, period: period)
            ? one : atEnds.map { BigFloat.directed(f, $0, MPFR_RNDU, precision: p) }.reduce(-one, BigFloat.larger)
        let low = mayContain(x, pointsAt: minimumAt, period: period)
            ? -one : atEnds.map { BigFloat.directed(f, $0, MPFR_RNDD, precision: p) }.reduce(one, BigFloat.smaller)
        return Interval(lower: low, upper: high)
    }

    /// False only when no point offset + k period (k an integer) can lie in `x`: there is an
    /// integer between (x.lower - offset) / period and (x.upper - offset) / period unless the
    /// enclosures of those quotients, widened outward, fall strictly between two integers.
    static func mayContain(_ x: Interval, pointsAt offset: Interval, period: Interval) -> Bool {
        let first = (Interval(x.lower) - offset) / period
        let last = (Interval(x.upper) - offset) / period
        let p = x.precision
        let firstInteger = BigFloat.make(precision: p) { r in first.lower.withValue { _ = mpfr_ceil(r, $0) } }
        let lastInteger = BigFloat.make(precision: p) { r in last.upper.withValue { _ = mpfr_floor(r, $0) } }
        return firstInteger <= lastInteger || !first.isFinite || !last.isFinite
    }
}

extension BigFloat {
    /// An integer divisible by 2 (halving is exact, so the test is too).
    var isEvenInteger: Bool {
        let half = BigFloat.make(precision: precision) { r in withValue { _ = mpfr_div_2ui(r, $0, 1, MPFR_RNDN) } }
        return half.withValue { mpfr_integer_p($0) != 0 }
    }
}
