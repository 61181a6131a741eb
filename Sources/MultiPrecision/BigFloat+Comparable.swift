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

extension BigFloat {
    /// The same precision, the same value and the same sign (`==` takes -0 for +0); NaN is
    /// identical to nothing. A correctly rounded function gives identical results for
    /// identical arguments.
    public func isIdentical(to other: BigFloat) -> Bool {
        precision == other.precision && withExtendedLifetime((self, other)) {
            mpfr_equal_p(storage.value, other.storage.value) != 0
                && mpfr_signbit(storage.value) == mpfr_signbit(other.storage.value)
        }
    }
}
