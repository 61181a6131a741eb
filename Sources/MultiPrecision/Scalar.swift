/// A real number type that the tool's mathematics is written against, once.
///
/// `Double` conforms for fast sweeps; ``BigFloat`` conforms for refinements to any number of
/// digits; ``Dual`` over either carries an exact derivative through the same code (forward mode). Generic code must not assume a precision: constants that are not exact in binary
/// (pi, 1/3) are created with ``init(_:precision:)-(Double,_)`` or ``pi(precision:)`` at the
/// precision of the data they meet. Arithmetic between two values rounds to the larger of
/// their precisions.
///
/// Operations whose result can leave the reals (square root of a negative, acos(2), log(0))
/// `throw` ``ScalarError`` instead of returning NaN, so that a NaN can never reach a report
/// unannounced. Plain arithmetic follows IEEE rules; check results that leave a computation
/// with ``requireFinite(_:)``.
///
/// Generic code should branch on comparisons rarely and visibly: a later interval type takes
/// part in the same code, and a comparison of two overlapping intervals has no answer.
public protocol Scalar: Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The exact value of an integer.
    init(_ value: Int)
    /// The exact value of a `Double` (which must be finite).
    init(_ value: Double)
    /// `value` rounded to nearest at `precision` bits (exact when it fits).
    init(_ value: Double, precision: Int)
    /// `value` rounded to nearest at `precision` bits (exact when it fits).
    init(_ value: Int, precision: Int)

    /// Bits of the significand: 53 for `Double`, per value for ``BigFloat``.
    var precision: Int { get }
    /// Pi rounded to nearest at `precision` bits.
    static func pi(precision: Int) -> Self
    /// 2^(1 - precision): the spacing of representable numbers just above 1.
    static func epsilon(precision: Int) -> Self
    /// This value rounded to nearest at another precision (a no-op for fixed-precision types).
    func rounded(toPrecision precision: Int) -> Self

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
    static func -= (lhs: inout Self, rhs: Self)
    static func *= (lhs: inout Self, rhs: Self)
    static func /= (lhs: inout Self, rhs: Self)
    /// self += x * y, rounded as written: the product, then the sum (not a fused multiply-add,
    /// whose single rounding would give other bits). ``BigFloat`` keeps the product in a stack
    /// temporary instead of a new heap value.
    mutating func add(_ x: Self, times y: Self)
    /// self -= x * y, rounded as written (see ``add(_:times:)``).
    mutating func subtract(_ x: Self, times y: Self)
    /// buffer[first] += x * y, then buffer[second] += x * y, with the product rounded once for
    /// both: as `let e = x * y` and two `+=` are written (`first == second` adds it twice).
    /// ``BigFloat`` keeps the product in a stack temporary instead of a new heap value: the
    /// symmetric outer products of a Hessian evaluation make one for every pair of entries.
    static func addProduct(_ x: Self, _ y: Self, to buffer: UnsafeMutableBufferPointer<Self>, at first: Int, _ second: Int)
    /// The same number at the same precision, down to the sign of a zero (both ends, for an
    /// interval); NaN is identical to nothing. Any function of the one gives what it gives of
    /// the other, so an identical argument may reuse a result. `false` is always a sound
    /// answer: it only forgoes the reuse (the default, for types that do not say).
    func isIdentical(to other: Self) -> Bool

    /// |self|.
    var magnitude: Self { get }
    /// Neither NaN nor infinite.
    var isFinite: Bool { get }
    /// -1, 0 or 1.
    var signum: Int { get }
    /// The nearest `Double`.
    var doubleValue: Double { get }

    static func sqrt(_ x: Self) throws -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) throws -> Self
    static func asin(_ x: Self) throws -> Self
    static func acos(_ x: Self) throws -> Self
    static func atan(_ x: Self) -> Self
    static func atan2(y: Self, x: Self) -> Self
    static func exp(_ x: Self) throws -> Self
    static func log(_ x: Self) throws -> Self
    /// x^y for x > 0, or any x when y is an integer.
    static func pow(_ x: Self, _ y: Self) throws -> Self

    /// `numerator / denominator` for a quotient known to lie in [-bound, bound] wherever the
    /// denominator is not 0, such as a gradient over a norm that Cauchy-Schwarz bounds. Where
    /// the denominator may be 0 the quotient can be any value of that range: an enclosure type
    /// returns the whole range; a point type, whose denominator is then exactly 0, returns 0,
    /// so callers use this only where the quotient is multiplied by something that vanishes
    /// with the denominator. `bound` is evaluated only there (by a point type, never), so it
    /// may throw where the bound is not known to hold.
    static func boundedQuotient(_ numerator: Self, _ denominator: Self, bound: () throws -> Self) rethrows -> Self

    /// Decimal text of `value`, parsed and rounded to nearest at `precision` bits.
    init(parsing text: String, precision: Int) throws
    /// The value correctly rounded to `digits` significant decimal digits.
    func formatted(significantDigits digits: Int) -> String
}

extension Scalar {
    /// Returns `x`, or throws when it is NaN or infinite; `what` names the quantity.
    @inlinable
    public static func requireFinite(_ x: Self, _ what: @autoclosure () -> String) throws -> Self {
        guard x.isFinite else { throw ScalarError.notFinite(what()) }
        return x
    }

    /// x * x.
    @inlinable
    public var squared: Self { self * self }

    /// The written-out form, for types whose temporaries cost nothing.
    @inlinable
    public mutating func add(_ x: Self, times y: Self) { self += x * y }

    @inlinable
    public mutating func subtract(_ x: Self, times y: Self) { self -= x * y }

    @inlinable
    public static func addProduct(_ x: Self, _ y: Self, to buffer: UnsafeMutableBufferPointer<Self>, at first: Int, _ second: Int) {
        let product = x * y
        buffer[first] += product
        buffer[second] += product
    }

    /// Never known identical: a type that does not say which of its values are the same to the
    /// bit gets no shared results (each caller computes again), never a wrong one.
    @inlinable
    public func isIdentical(to other: Self) -> Bool { false }

    /// The point-type ``boundedQuotient(_:_:bound:)``: 0 for a zero denominator, else the
    /// quotient (rounding cannot take it far outside the range, so no clamping). ``Interval``
    /// and ``Dual`` have their own (a Dual's value follows its base's rule).
    @inlinable
    public static func boundedQuotient(_ numerator: Self, _ denominator: Self, bound: () throws -> Self) rethrows -> Self {
        guard denominator.signum != 0 else { return Self(0, precision: Swift.max(numerator.precision, denominator.precision)) }
        return numerator / denominator
    }

    /// The larger of two values; NaN-free inputs assumed.
    @inlinable
    public static func maximum(_ a: Self, _ b: Self) -> Self { a < b ? b : a }
}

