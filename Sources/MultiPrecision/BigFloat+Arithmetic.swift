import CMPFR

/// Correctly rounded arithmetic. A new result is rounded at the larger precision of the two
/// operands; the compound assignments write in place when the left operand's storage is
/// unshared and wide enough, which saves the allocation that dominates at low precision
/// (docs/mpfr.md, "Speed").
extension BigFloat {
    public typealias BinaryOperation = (mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t) -> Int32

    @inlinable
    static func apply(_ operation: BinaryOperation, _ a: BigFloat, _ b: BigFloat) -> BigFloat {
        let result = BigFloat(uninitializedPrecision: Swift.max(a.precision, b.precision))
        withExtendedLifetime((a, b)) {
            _ = operation(result.storage.value, a.storage.value, b.storage.value, MPFR_RNDN)
        }
        return result
    }

    @inlinable
    static func applyInPlace(_ operation: BinaryOperation, _ a: inout BigFloat, _ b: BigFloat) {
        a.prepareForWrite(precision: b.precision)
        withExtendedLifetime(b) {
            _ = operation(a.storage.value, a.storage.value, b.storage.value, MPFR_RNDN)
        }
    }

    @inlinable public static func + (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_add, a, b) }
    @inlinable public static func - (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_sub, a, b) }
    @inlinable public static func * (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_mul, a, b) }
    /// Division; x/0 follows IEEE rules (infinity or NaN): use ``dividing(by:)`` where the
    /// divisor may vanish and that must be an error.
    @inlinable public static func / (a: BigFloat, b: BigFloat) -> BigFloat { apply(mpfr_div, a, b) }

    @inlinable public static func += (a: inout BigFloat, b: BigFloat) { applyInPlace(mpfr_add, &a, b) }
    @inlinable public static func -= (a: inout BigFloat, b: BigFloat) { applyInPlace(mpfr_sub, &a, b) }
    @inlinable public static func *= (a: inout BigFloat, b: BigFloat) { applyInPlace(mpfr_mul, &a, b) }
    @inlinable public static func /= (a: inout BigFloat, b: BigFloat) { applyInPlace(mpfr_div, &a, b) }

    @inlinable
    public static prefix func - (x: BigFloat) -> BigFloat {
        x.withValue { v in make(precision: x.precision) { _ = mpfr_neg($0, v, MPFR_RNDN) } }
    }

    /// self += x * y with the product rounded at the larger precision of x and y, then the sum,
    /// exactly as written out, but with the product in a stack temporary: no heap value for it.
    @inlinable
    public mutating func add(_ x: BigFloat, times y: BigFloat) { accumulate(mpfr_add, x, y) }

    /// self -= x * y, rounded as written out (see ``add(_:times:)``).
    @inlinable
    public mutating func subtract(_ x: BigFloat, times y: BigFloat) { accumulate(mpfr_sub, x, y) }

    @inlinable
    mutating func accumulate(_ operation: BinaryOperation, _ x: BigFloat, _ y: BigFloat) {
        let precision = Swift.max(x.precision, y.precision)
        MPFRStorage.withTemporary(precision: precision) { product in
            withExtendedLifetime((x, y)) { _ = mpfr_mul(product, x.storage.value, y.storage.value, MPFR_RNDN) }
            prepareForWrite(precision: precision)
            _ = operation(storage.value, storage.value, product, MPFR_RNDN)
        }
    }

    /// buffer[first] += x * y, then buffer[second] += x * y, the product rounded once at the
    /// larger precision of x and y, as written out, but in a stack temporary.
    @inlinable
    public static func addProduct(_ x: BigFloat, _ y: BigFloat, to buffer: UnsafeMutableBufferPointer<BigFloat>, at first: Int, _ second: Int) {
        let precision = Swift.max(x.precision, y.precision)
        MPFRStorage.withTemporary(precision: precision) { product in
            withExtendedLifetime((x, y)) { _ = mpfr_mul(product, x.storage.value, y.storage.value, MPFR_RNDN) }
            buffer[first].prepareForWrite(precision: precision)
            _ = mpfr_add(buffer[first].storage.value, buffer[first].storage.value, product, MPFR_RNDN)
            buffer[second].prepareForWrite(precision: precision)
            _ = mpfr_add(buffer[second].storage.value, buffer[second].storage.value, product, MPFR_RNDN)
        }
    }

    /// self * x + y with a single rounding, in place.
    @inlinable
    public mutating func formFusedMultiplyAdd(_ x: BigFloat, _ y: BigFloat) {
        prepareForWrite(precision: Swift.max(x.precision, y.precision))
        withExtendedLifetime((x, y)) {
            _ = mpfr_fma(storage.value, storage.value, x.storage.value, y.storage.value, MPFR_RNDN)
        }
    }
}
