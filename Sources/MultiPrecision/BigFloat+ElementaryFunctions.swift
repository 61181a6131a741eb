import CMPFR

/// Correctly rounded elementary functions. Each result has the argument's precision. A result
/// that is not a finite real (sqrt(-1), acos(2), log(0), exp overflow) throws
/// ``ScalarError/domain(function:argument:)`` instead of producing a NaN.
extension BigFloat {
    public typealias UnaryOperation = (mpfr_ptr, mpfr_srcptr, mpfr_rnd_t) -> Int32

    @inlinable
    static func unary(_ x: BigFloat, _ operation: UnaryOperation) -> BigFloat {
        x.withValue { v in make(precision: x.precision) { _ = operation($0, v, MPFR_RNDN) } }
    }

    @inlinable
    static func checked(_ name: String, _ x: BigFloat, _ operation: UnaryOperation) throws -> BigFloat {
        let result = unary(x, operation)
        guard result.isFinite else {
            throw ScalarError.domain(function: name, argument: x.formatted(significantDigits: 17))
        }
        return result
    }

    public static func sqrt(_ x: BigFloat) throws -> BigFloat { try checked("sqrt", x, mpfr_sqrt) }
    public static func sin(_ x: BigFloat) -> BigFloat { unary(x, mpfr_sin) }
    public static func cos(_ x: BigFloat) -> BigFloat { unary(x, mpfr_cos) }
    public static func tan(_ x: BigFloat) throws -> BigFloat { try checked("tan", x, mpfr_tan) }
    public static func asin(_ x: BigFloat) throws -> BigFloat { try checked("asin", x, mpfr_asin) }
    public static func acos(_ x: BigFloat) throws -> BigFloat { try checked("acos", x, mpfr_acos) }
    public static func atan(_ x: BigFloat) -> BigFloat { unary(x, mpfr_atan) }
    public static func exp(_ x: BigFloat) throws -> BigFloat { try checked("exp", x, mpfr_exp) }
    public static func log(_ x: BigFloat) throws -> BigFloat { try checked("log", x, mpfr_log) }

    /// The angle of the point (x, y), in (-pi, pi]; atan2(0, 0) = 0.
    public static func atan2(y: BigFloat, x: BigFloat) -> BigFloat {
        apply(mpfr_atan2, y, x)
    }

    /// x^y; throws when the result is not a finite real (a negative base with a non-integer
    /// exponent, 0 to a negative power).
    public static func pow(_ x: BigFloat, _ y: BigFloat) throws -> BigFloat {
        let result = apply(mpfr_pow, x, y)
        guard result.isFinite else {
            throw ScalarError.domain(
                function: "pow",
                argument: "\(x.formatted(significantDigits: 17)), \(y.formatted(significantDigits: 17))")
        }
        return result
    }

    /// a / b, throwing when the quotient is not finite (b = 0).
    public func dividing(by divisor: BigFloat) throws -> BigFloat {
        let result = self / divisor
        guard result.isFinite else {
            throw ScalarError.domain(
                function: "divide",
                argument: "\(formatted(significantDigits: 17)), \(divisor.formatted(significantDigits: 17))")
        }
        return result
    }
}
