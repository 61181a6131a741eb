import CMPFR

/// The single owner of one `mpfr_t` and its significand, in one heap block.
///
/// A `ManagedBuffer` whose header is the `__mpfr_struct` and whose tail is its limbs: MPFR's
/// custom interface (`mpfr_custom_init_set`) points the struct at the tail, so MPFR never
/// allocates for the value and the Swift object is the only allocation. `mpfr_init2` behind a
/// separately allocated struct cost three (the object, the struct, the limbs), and at 40 digits
/// malloc and free were 30% of a location's instructions (docs/mpfr.md, "Speed").
///
/// The struct lives at a stable heap address for its whole life, the object's, which never
/// moves: MPFR may be handed the same pointer as output and input of one call, which a Swift
/// `var` holding the struct cannot allow (docs/mpfr.md, "Holding a value"). Nothing is freed
/// by hand: a custom-allocated value must not be passed to `mpfr_clear` (or to `mpfr_set_prec`,
/// which reallocates), its memory goes with the object, and the header and limbs are plain
/// values that need no deinitialization.
@usableFromInline
final class MPFRStorage: ManagedBuffer<__mpfr_struct, mp_limb_t> {
    /// A NaN of `precision` bits, as `mpfr_init2` would leave it.
    @inlinable
    static func make(precision: Int) -> MPFRStorage {
        let limbs = MPFRStorage.limbCount(precision: precision)
        let storage = unsafeDowncast(create(minimumCapacity: limbs) { _ in __mpfr_struct() }, to: MPFRStorage.self)
        storage.withUnsafeMutablePointers { value, significand in
            MPFRStorage.initialize(value, precision: precision, significand: significand)
        }
        return storage
    }

    /// The value. The pointer stays valid while the storage is alive: keep it alive across every
    /// C call (`withExtendedLifetime`, as `BigFloat.withValue` and `BigFloat.apply` do).
    @inlinable
    var value: UnsafeMutablePointer<__mpfr_struct> { withUnsafeMutablePointerToHeader { $0 } }

    /// Bits of the significand, read from the struct.
    @inlinable
    var precision: Int { withUnsafeMutablePointerToHeader { $0.pointee._mpfr_prec } }

    /// Limbs for a significand of `precision` bits.
    @inlinable
    static func limbCount(precision: Int) -> Int {
        let bytes = mpfr_custom_get_size(precision)
        let limb = MemoryLayout<mp_limb_t>.stride
        return (bytes + limb - 1) / limb
    }

    /// Runs `body` with a NaN of `precision` bits whose struct and limbs are on the stack (for
    /// precisions up to about 8000 bits, the 1 KiB that Swift always puts there; larger ones
    /// as the stack allows), for a temporary that no `BigFloat` holds: one heap allocation
    /// less per intermediate result (``BigFloat/add(_:times:)``). The pointer is valid only
    /// inside `body`.
    @inlinable
    static func withTemporary<R>(precision: Int, _ body: (mpfr_ptr) -> R) -> R {
        withUnsafeTemporaryAllocation(of: __mpfr_struct.self, capacity: 1) { value in
            withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: limbCount(precision: precision)) { limbs in
                // Both buffers are non-empty, so their base addresses exist.
                let (value, limbs) = (value.baseAddress.unsafelyUnwrapped, limbs.baseAddress.unsafelyUnwrapped)
                initialize(value, precision: precision, significand: limbs)
                return body(value)
            }
        }
    }

    /// Makes `value` a NaN of `precision` bits whose significand is `significand`, which holds at
    /// least ``limbCount(precision:)`` limbs and outlives every use of `value`.
    @inlinable
    static func initialize(_ value: mpfr_ptr, precision: Int, significand: UnsafeMutablePointer<mp_limb_t>) {
        mpfr_custom_init(significand, precision)
        mpfr_custom_init_set(value, Int32(MPFR_NAN_KIND.rawValue), 0, precision, significand)
    }
}
