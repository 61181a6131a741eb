import CMPFR

/// Versions of the arbitrary-precision libraries this program is linked against.
public enum ArbitraryPrecisionLibrary {
    public static var mpfrVersion: String { String(cString: cmpfr_mpfr_version()) }
    public static var gmpVersion: String { String(cString: cmpfr_gmp_version()) }
}
