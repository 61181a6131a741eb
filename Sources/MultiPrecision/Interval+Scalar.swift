import CMPFR

/// ``Interval`` as a ``Scalar``, so that the generic model evaluates with it. Where the protocol
/// says "rounded to nearest" (a `Double` or an integer at a precision, pi, decimal text), an
/// interval gives the tightest enclosing interval at that precision instead: the two directed
/// roundings, equal when the value is representable.
extension Interval: Scalar {
    /// The exact value of an integer (64 bits).
    public init(_ value: Int) { self.init(BigFloat(value)) }

    /// The exact value of a finite `Double` (53 bits).
    public init(_ value: Double) { self.init(BigFloat(value)) }

    /// The tightest interval at `precision` bits around `value` (a point when it fits).
    public init(_ value: Double, precision: Int) {
        precondition(value.isFinite, "Interval from a non-finite Double")
        self.init(
            lower: BigFloat.make(precision: precision) { _ = mpfr_set_d($0, value, MPFR_RNDD) },
            upper: BigFloat.make(precision: precision) { _ = mpfr_set_d($0, value, MPFR_RNDU) })
    }

    /// The tightest interval at `precision` bits around `value` (a point when it fits).
    public init(_ value: Int, precision: Int) {
        self.init(
            lower: BigFloat.make(precision: precision) { _ = mpfr_set_si($0, value, MPFR_RNDD) },
            upper: BigFloat.make(precision: precision) { _ = mpfr_set_si($0, value, MPFR_RNDU) })
    }

    /// Pi rounded down and up at `precision` bits: an interval one unit wide that contains pi.
    public static func pi(precision: Int) -> Interval {
        Interval(
            lower: BigFloat.make(precision: precision) { _ = mpfr_const_pi($0, MPFR_RNDD) },
            upper: BigFloat.make(precision: precision) { _ = mpfr_const_pi($0, MPFR_RNDU) })
    }

    /// The exact point 2^(1 - precision).
    public static func epsilon(precision: Int) -> Interval { Interval(BigFloat.epsilon(precision: precision)) }

    /// The interval at another precision, rounded outward (exact when the precision grows).
    public func rounded(toPrecision precision: Int) -> Interval {
        Interval(
            lower: BigFloat.directed(lower, MPFR_RNDD, precision: precision),
            upper: BigFloat.directed(upper, MPFR_RNDU, precision: precision))
    }

    /// Both ends are finite numbers.
    public var isFinite: Bool { lower.isFinite && upper.isFinite }

    /// 1 or -1 when every point has that sign; 0 when the interval contains 0, which means
    /// "zero not excluded" (see ``sign`` for a `nil` there).
    public var signum: Int { sign ?? 0 }

    /// The midpoint as the nearest `Double`, for orientation only.
    public var doubleValue: Double { midpoint.doubleValue }

    /// numerator / denominator when the denominator excludes 0; else [-b, b], b the upper
    /// bound of |bound()|, where the division alone would give the entire line.
    public static func boundedQuotient(_ numerator: Interval, _ denominator: Interval, bound: () throws -> Interval) rethrows -> Interval {
        guard denominator.sign == nil else { return numerator / denominator }
        let b = try bound().magnitudeBound
        return Interval(lower: -b, upper: b)
    }

    /// The tightest interval at `precision` bits around the decimal number in `text` (a point
    /// when it is representable, e.g. "0.5"; two neighbours around "0.1").
    public init(parsing text: String, precision: Int) throws {
        let trimmed = text.trimmingWhitespace()
        guard DecimalSyntax.isValid(trimmed) else { throw ScalarError.malformedNumber(text) }
        let ends = [MPFR_RNDD, MPFR_RNDU].map { mode -> (BigFloat, Int32) in
            let result = BigFloat(uninitializedPrecision: precision)
            let status = trimmed.withCString { mpfr_set_str(result.storage.value, $0, 10, mode) }
            return (result, status)
        }
        guard ends.allSatisfy({ $0.1 == 0 && $0.0.isFinite }) else { throw ScalarError.malformedNumber(text) }
        self.init(lower: ends[0].0, upper: ends[1].0)
    }

    /// "[lower, upper]" with the lower end rounded down and the upper end rounded up to
    /// `digits` significant decimal digits, so that the printed interval still contains this one.
    public func formatted(significantDigits digits: Int) -> String {
        "[\(Interval.decimal(lower, digits, MPFR_RNDD)), \(Interval.decimal(upper, digits, MPFR_RNDU))]"
    }

    /// The lower end rounded down to `digits` significant digits, as decimal text.
    public func lowerText(significantDigits digits: Int) -> String { Interval.decimal(lower, digits, MPFR_RNDD) }

    /// The upper end rounded up to `digits` significant digits, as decimal text.
    public func upperText(significantDigits digits: Int) -> String { Interval.decimal(upper, digits, MPFR_RNDU) }

    /// The digits shared by every point of the interval once correctly rounded: the longest
    /// prefix, at most `digits` significant digits, to which both ends round alike (rounding to
    /// nearest is monotone, so every point in between rounds the same way); `nil` when the
    /// interval contains 0 or not even one digit is shared. These are proved digits of any
    /// quantity the interval encloses.
    public func provedDigits(upTo digits: Int) -> String? {
        guard isFinite else { return nil }
        if lower.signum == 0 && upper.signum == 0 { return "0" }
        guard sign != nil else { return nil }
        return lower.agreeingDigits(with: upper, upTo: digits)
    }

    /// `x` rounded in direction `mode` to `digits` significant decimal digits, laid out as
    /// ``BigFloat/formatted(significantDigits:)`` lays out a number.
    static func decimal(_ x: BigFloat, _ digits: Int, _ mode: mpfr_rnd_t) -> String {
        precondition(digits >= 1, "at least one significant digit")
        guard x.isFinite else { return x.isNaN ? "nan" : (x.signum < 0 ? "-inf" : "inf") }
        if x.signum == 0 { return digits == 1 ? "0" : "0." + String(repeating: "0", count: digits - 1) }
        var exponent: mpfr_exp_t = 0
        let raw: String = x.withValue { v in
            guard let chars = mpfr_get_str(nil, &exponent, 10, digits, v, mode) else { return "" }
            defer { mpfr_free_str(chars) }
            return String(cString: chars)
        }
        let negative = raw.hasPrefix("-")
        let mantissa = Array(negative ? raw.dropFirst() : Substring(raw))
        return (negative ? "-" : "") + DecimalLayout.layout(digits: mantissa, exponent: Int(exponent) - 1)
    }
}
