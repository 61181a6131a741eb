import ArgumentParser
import Foundation
import MultiPrecision
import Report
import Spurious

/// `spurious doctor` (``DoctorJob``): pi with MPFR against digits computed without it.
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

    @OptionGroup var repeated: RepeatedOptions

    @OptionGroup var digitsOption: DigitsOption<Digits>

    /// The reference holds 100020 digits; the last ones are needed to round at the largest N.
    enum Digits: DigitsLimits {
        static let defaultDigits = 1000
        static let maximum = DoctorJob.maximumDigits
        static let meaning = "Significant decimal digits of pi to compute and check"
    }

    var digits: Int { digitsOption.digits }

    func run() throws {
        let result = DoctorJob.run(digits: digits)
        try StandardOutput.write(DoctorReport.text(result))
        if let disagreement = DoctorReport.disagreement(result) {
            StandardError.write(disagreement)
            throw ExitCode(1)
        }
    }
}
