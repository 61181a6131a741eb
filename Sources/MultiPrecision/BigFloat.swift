import CMPFR

/// A binary floating-point number of any precision, backed by GNU MPFR.
///
/// Value semantics with copy-on-write: copies share one `mpfr_t` until one of them is
/// mutated. Every value has its own precision in bits; an operation on two values rounds its
/// result correctly (to nearest) at the larger of their precisions. The rounding mode is passed
/// on every MPFR call and no MPFR global state is touched, because this MPFR keeps its defaults
/// per thread and Swift tasks move between threads (docs/mpfr.md, "Threads and global state").
public struct BigFloat: @unchecked Sendable {
    // @unchecked: the storage is a class, shared only between copies that never write to it
    // (writes copy first), so sharing across tasks is sound.
    @usableFromInline var storage: MPFRStorage

    /// A value whose content is not yet set; callers write it before anyone reads it.
    @usableFromInline
    init(uninitializedPrecision precision: Int) {
        precondition(
            (BigFloat.minimumPrecision...BigFloat.maximumPrecision).contains(precision),
            "precision \(precision) outside \(BigFloat.minimumPrecision)...\(BigFloat.maximumPrecision)")
        storage = MPFRStorage.make(precision: precision)
    }

    /// Smallest precision accepted, in bits.
    public static let minimumPrecision = 2
    /// Largest precision accepted, in bits (about five million decimal digits).
    public static let maximumPrecision = 1 << 24

    /// Throws unless `bits` is a precision this type accepts.
    public static func validate(precision bits: Int) throws {
        guard (minimumPrecision...maximumPrecision).contains(bits) else {
            throw ScalarError.invalidPrecision(bits)
        }
    }

    /// Bits of the significand.
    @inlinable public var precision: Int { storage.precision }

    /// Runs `body` with a read-only pointer, keeping the owner alive across the C call.
    @inlinable
    func withValue<R>(_ body: (mpfr_srcptr) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(storage.value) }
    }

    /// A new value of `precision` bits, written by `body`.
    @inlinable
    static func make(precision: Int, _ body: (mpfr_ptr) -> Void) -> BigFloat {
        let result = BigFloat(uninitializedPrecision: precision)
        body(result.storage.value)
        return result
    }

    /// Makes the storage unique and at least `precision` bits, keeping the value, before an
    /// in-place write.
    @inlinable
    mutating func prepareForWrite(precision: Int) {
        if precision > storage.precision || !isKnownUniquelyReferenced(&storage) {
            let old = self
            self = BigFloat.make(precision: Swift.max(precision, old.precision)) { r in
                old.withValue { _ = mpfr_set(r, $0, MPFR_RNDN) }
            }
        }
    }
}

extension BigFloat {
    /// The exact value of an integer (64 bits of precision).
    public init(_ value: Int) {
        self.init(value, precision: 64)
    }

    /// `value` rounded to nearest at `precision` bits.
    public init(_ value: Int, precision: Int) {
        self = BigFloat.make(precision: precision) { _ = mpfr_set_si($0, value, MPFR_RNDN) }
    }

    /// The exact value of a finite `Double` (53 bits of precision).
    public init(_ value: Double) {
        self.init(value, precision: 53)
    }

    /// `value` rounded to nearest at `precision` bits; `value` must be finite.
    public init(_ value: Double, precision: Int) {
        precondition(value.isFinite, "BigFloat from a non-finite Double")
        self = BigFloat.make(precision: precision) { _ = mpfr_set_d($0, value, MPFR_RNDN) }
    }

    /// This value rounded to nearest at `precision` bits.
    public func rounded(toPrecision precision: Int) -> BigFloat {
        if precision == self.precision { return self }
        return withValue { x in BigFloat.make(precision: precision) { _ = mpfr_set($0, x, MPFR_RNDN) } }
    }

    /// Pi rounded to nearest at `precision` bits.
    public static func pi(precision: Int) -> BigFloat {
        make(precision: precision) { _ = mpfr_const_pi($0, MPFR_RNDN) }
    }

    /// 2^(1 - precision), exactly, carried at `precision` bits.
    public static func epsilon(precision: Int) -> BigFloat {
        make(precision: precision) { _ = mpfr_set_ui_2exp($0, 1, 1 - precision, MPFR_RNDN) }
    }

    /// The nearest `Double`.
    public var doubleValue: Double { withValue { mpfr_get_d($0, MPFR_RNDN) } }

    /// Neither NaN nor infinite.
    public var isFinite: Bool { withValue { mpfr_number_p($0) != 0 } }

    /// -1, 0 or 1 (0 also for NaN).
    public var signum: Int { withValue { Int(mpfr_sgn($0).signum()) } }

    /// |self|.
    public var magnitude: BigFloat {
        withValue { x in BigFloat.make(precision: precision) { _ = mpfr_abs($0, x, MPFR_RNDN) } }
    }
}

extension BigFloat: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
