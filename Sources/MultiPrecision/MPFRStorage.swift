import CMPFR

/// The single owner of one `mpfr_t`.
///
/// The struct lives at a stable heap address for its whole life: MPFR may be handed the same
/// pointer as output and input of one call, which a Swift `var` holding the struct cannot allow
/// (docs/mpfr.md, "Holding a value"). `mpfr_init2` runs once here and `mpfr_clear` once in
/// `deinit`, so every allocation is freed exactly once.
@usableFromInline
final class MPFRStorage {
    @usableFromInline let value: UnsafeMutablePointer<__mpfr_struct>
    @usableFromInline let precision: Int

    @usableFromInline
    init(precision: Int) {
        self.precision = precision
        value = .allocate(capacity: 1)
        mpfr_init2(value, precision)
    }

    deinit {
        mpfr_clear(value)
        value.deallocate()
    }
}
