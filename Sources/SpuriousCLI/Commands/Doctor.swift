import ArgumentParser
import Foundation
import MultiPrecision

/// `spurious doctor`: checks that the linked MPFR computes correctly on this machine before any
/// result is trusted, by computing pi with ``BigFloat`` and comparing it with digits computed
/// independently of MPFR (``ReferenceDigits``). A broken build, a mismatched library or a
/// miscompiled binding shows up here as a wrong digit rather than later as a wrong eigenvalue.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the arbitrary-precision arithmetic against independently computed digits of pi.",
        discussion: """
            Prints the versions of GMP and MPFR, computes pi to the requested number of \
            significant digits with MPFR (with 32 guard bits), and compares it with reference \
            digits computed with mpmath, correctly rounded at the same digit. Exits with status 0 \
            when they agree and 1 when they do not.

            Example:
              spurious doctor --digits 5000
            """
    )

    @OptionGroup var digitsOption: DigitsOption<Digits>

    /// The reference holds 100020 digits; the last ones are needed to round at the largest N.
    enum Digits: DigitsLimits {
        static let defaultDigits = 1000
        static let maximum = 100_000
        static let meaning = "Significant decimal digits of pi to compute and check"
    }

    var digits: Int { digitsOption.digits }

    func run() throws {
        let precision = PrecisionPolicy.doctor(digits: digits)
        let clock = ContinuousClock()
        var computed = ""
        let elapsed = clock.measure {
            computed = BigFloat.pi(precision: precision).formatted(significantDigits: digits)
        }
        let expected = ReferenceDigits.rounded(ReferenceDigits.pi, significantDigits: digits)
        let check = DigitComparison(computed: computed, expected: expected)

        print("spurious doctor: arbitrary-precision self-check")
        print("  GMP   \(ArbitraryPrecisionLibrary.gmpVersion)")
        print("  MPFR  \(ArbitraryPrecisionLibrary.mpfrVersion)")
        print("  pi to \(digits) significant digits at \(precision) bits (\(precision - PrecisionPolicy.doctorGuard) + \(PrecisionPolicy.doctorGuard) guard), \(Doctor.milliseconds(elapsed)) ms")
        print("  computed   \(DigitComparison.excerpt(computed))")
        print("  reference  \(DigitComparison.excerpt(expected))")
        if let difference = check.firstDifference {
            print("  DISAGREE at significant digit \(difference.digit):")
            print("    computed   ...\(difference.computedContext)")
            print("    reference  ...\(difference.expectedContext)")
            FileHandle.standardError.write(
                Data("spurious doctor: pi disagrees with the reference at significant digit \(difference.digit) of \(digits)\n".utf8))
            throw ExitCode(1)
        }
        print("  agree: all \(digits) digits match the reference")
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
        return ms < 10 ? String(format: "%.2f", ms) : String(format: "%.0f", ms)
    }
}

/// Where two decimal strings of the same number first differ, counted in significant digits
/// (the decimal point and sign are not digits), with a little context for a reader.
struct DigitComparison {
    struct Difference: Equatable {
        /// 1-based index of the first differing significant digit (or of the first missing one).
        var digit: Int
        var computedContext: String
        var expectedContext: String
    }

    let firstDifference: Difference?

    init(computed: String, expected: String) {
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
    static func excerpt(_ text: String, length: Int = 52) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "..."
    }
}
