import Foundation
import MultiPrecision
import Spurious

/// `spurious doctor`'s lines: the library versions, pi's digits against the reference, and
/// where they first disagree if they do.
public enum DoctorReport {
    public static func text(_ r: DoctorResult) -> String {
        var lines = [
            "spurious doctor: arbitrary-precision self-check",
            "  GMP   \(r.gmpVersion)",
            "  MPFR  \(r.mpfrVersion)",
            "  pi to \(r.digits) significant digits at \(r.precision) bits (\(r.precision - PrecisionPolicy.doctorGuard) + \(PrecisionPolicy.doctorGuard) guard), \(milliseconds(r.elapsed)) ms",
            "  computed   \(DigitComparison.excerpt(r.computed))",
            "  reference  \(DigitComparison.excerpt(r.expected))",
        ]
        if let difference = r.comparison.firstDifference {
            lines += [
                "  DISAGREE at significant digit \(difference.digit):",
                "    computed   ...\(difference.computedContext)",
                "    reference  ...\(difference.expectedContext)",
            ]
        } else {
            lines.append("  agree: all \(r.digits) digits match the reference")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line for stderr when the digits disagree.
    public static func disagreement(_ r: DoctorResult) -> String? {
        r.comparison.firstDifference.map {
            "spurious doctor: pi disagrees with the reference at significant digit \($0.digit) of \(r.digits)\n"
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1e3 + Double(attoseconds) * 1e-15
        return ms < 10 ? String(format: "%.2f", ms) : String(format: "%.0f", ms)
    }
}
