import Foundation
import MultiPrecision

/// Digits that several estimates of one number share: the tool's proved digits when the
/// estimates come from recomputations (two precisions, two extrapolation orders).
enum AgreeingDigits {
    /// The largest n <= `limit` such that every estimate rounds to the same n significant
    /// digits, with that text; nil when they disagree even on the first digit or on the sign.
    static func common(_ estimates: [BigFloat], upTo limit: Int) -> (text: String, digits: Int)? {
        guard let first = estimates.first, limit >= 1 else { return nil }
        guard estimates.allSatisfy({ $0.isFinite && $0.signum == first.signum }) else { return nil }
        for n in stride(from: limit, through: 1, by: -1) {
            let text = first.formatted(significantDigits: n)
            if estimates.dropFirst().allSatisfy({ $0.formatted(significantDigits: n) == text }) { return (text, n) }
        }
        return nil
    }

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
