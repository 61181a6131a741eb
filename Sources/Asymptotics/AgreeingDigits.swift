import Foundation
import MultiPrecision

/// How many digits nearby values share, as real numbers (the proved digits themselves are
/// ``ProvedValue``'s).
enum AgreeingDigits {
    /// -log10(|a - b| / |b|): how many significant digits two nearby values share, as a real
    /// number (infinity when they are equal, 0 when b is zero and a is not).
    static func relative(_ a: BigFloat, _ b: BigFloat) -> Double {
        let difference = (a - b).magnitude
        guard difference.signum != 0 else { return .infinity }
        guard b.signum != 0 else { return 0 }
        return -log10(difference / b.magnitude)
    }

    /// log10|x| for any nonzero finite x, also beyond the range of Double (10^-400).
    static func log10(_ x: BigFloat) -> Double {
        guard x.signum != 0, let log = try? BigFloat.log(x.magnitude) else { return -.infinity }
        return log.doubleValue / Foundation.log(10)
    }
}
