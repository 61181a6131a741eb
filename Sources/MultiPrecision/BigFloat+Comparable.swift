import CMPFR

/// Ordering by value; NaN is unordered and equal to nothing, as for `Double`.
extension BigFloat: Comparable {
    public static func == (a: BigFloat, b: BigFloat) -> Bool {
        withExtendedLifetime((a, b)) { mpfr_equal_p(a.storage.value, b.storage.value) != 0 }
    }

    public static func < (a: BigFloat, b: BigFloat) -> Bool {
        withExtendedLifetime((a, b)) { mpfr_less_p(a.storage.value, b.storage.value) != 0 }
    }
}
