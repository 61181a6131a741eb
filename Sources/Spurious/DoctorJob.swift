import Foundation
import MultiPrecision

/// What `spurious doctor` found: pi computed with MPFR and compared with digits computed
/// without it (``ReferenceDigits``).
public struct DoctorResult: Sendable {
    public let gmpVersion: String
    public let mpfrVersion: String
    public let digits: Int
    public let precision: Int
    public let elapsed: Duration
    public let computed: String
    public let expected: String
    public let comparison: DigitComparison

    public init(
        gmpVersion: String, mpfrVersion: String, digits: Int, precision: Int, elapsed: Duration, computed: String,
        expected: String, comparison: DigitComparison
    ) {
        self.gmpVersion = gmpVersion
        self.mpfrVersion = mpfrVersion
        self.digits = digits
        self.precision = precision
        self.elapsed = elapsed
        self.computed = computed
        self.expected = expected
        self.comparison = comparison
    }
}

/// `spurious doctor`: checks that the linked MPFR computes correctly on this machine before any
/// result is trusted, by computing pi with ``BigFloat`` and comparing it with digits computed
/// independently of MPFR. A broken build, a mismatched library or a miscompiled binding shows up
/// here as a wrong digit rather than later as a wrong eigenvalue.
public enum DoctorJob {
    /// The reference holds 100020 digits; the last ones are needed to round at the largest N.
    public static let maximumDigits = 100_000

    public static func run(digits: Int) -> DoctorResult {
        let precision = PrecisionPolicy.doctor(digits: digits)
        let clock = ContinuousClock()
        var computed = ""
        let elapsed = clock.measure {
            computed = BigFloat.pi(precision: precision).formatted(significantDigits: digits)
        }
        let expected = ReferenceDigits.rounded(ReferenceDigits.pi, significantDigits: digits)
        return DoctorResult(
            gmpVersion: ArbitraryPrecisionLibrary.gmpVersion, mpfrVersion: ArbitraryPrecisionLibrary.mpfrVersion, digits: digits,
            precision: precision, elapsed: elapsed, computed: computed, expected: expected,
            comparison: DigitComparison(computed: computed, expected: expected))
    }
}

/// Where two decimal strings of the same number first differ, counted in significant digits
/// (the decimal point and sign are not digits), with a little context for a reader.
public struct DigitComparison: Sendable {
    public struct Difference: Equatable, Sendable {
        /// 1-based index of the first differing significant digit (or of the first missing one).
        public var digit: Int
        public var computedContext: String
        public var expectedContext: String
    }

    public let firstDifference: Difference?

    public init(computed: String, expected: String) {
        let a = Array(computed)
        let b = Array(expected)
        guard a != b else {
            firstDifference = nil
            return
        }
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? Swift.min(a.count, b.count)
        let digit = a[..<index].filter(\.isNumber).count + 1
        let start = Swift.max(0, index - 20)
        firstDifference = Difference(
            digit: digit,
            computedContext: String(a[start..<Swift.min(a.count, index + 10)]),
            expectedContext: String(b[start..<Swift.min(b.count, index + 10)]))
    }

    /// The first 50 or so characters, with an ellipsis when there is more.
    public static func excerpt(_ text: String, length: Int = 52) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "..."
    }
}
