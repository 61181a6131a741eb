import ArgumentParser
import LossModel
import MultiPrecision
import Report
import Spurious

struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Correct a seed to a critical point of a fixed space and print its full Hessian spectrum.",
        discussion: """
            Newton's method corrects the seed to a critical point of the reduced loss at d (any \
            real d), then every distinct eigenvalue of the full k d x k d Hessian is printed with \
            its isotypic type and multiplicity (a polynomial in d). Every printed digit is \
            proved: the whole computation is repeated at twice the precision and only agreeing \
            digits are shown.

            --certify proves instead of recomputing: Krawczyk's test shows that the critical \
            point is the only one in a small box, and interval arithmetic with outward rounding \
            encloses the point, its loss and every eigenvalue of every isotypic part; the index \
            is certified when no enclosure contains 0. Printed digits are those every point of \
            an enclosure shares. A step that fails is named and retried at a higher precision.

            Example (the one-flipped critical point of docs/design.md section 3):
              spurious spectrum --partition d-1,1 --d 10 \\
                --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 --digits 30
              spurious spectrum --partition d-1,1 --d 5.5 \\
                --seed 0.97,-0.06,0.34,0.25,-0.58 --certify
              spurious spectrum --partition d-1,1 --seed-d 10 --d 1e5 \\
                --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904
            The global minimum W = V (loss exactly 0):
              spurious spectrum --partition d --seed 1,0 --d 7.5

            --split-row BLOCK[:ALPHA] splits one row w of that block into ALPHA w and \
            (1 - ALPHA) w: a critical point of one student more with the same loss, reported in \
            its own fixed space (the block gives up a row to a parallel pair) with its spectrum \
            and index; how a neuron added to a spurious minimum annihilates it:
              spurious spectrum --partition d-1,1 --d 10 \\
                --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 --split-row 1
            """)

    @OptionGroup var repeated: RepeatedOptions

    @Option(
        help: "Fixed space as a partition, e.g. d-1,1 or d-1,1,1r (suffix r: rows only, c: columns only).",
        transform: ArgumentParsing.partition)
    var partition: Partition

    @Option(
        parsing: .unconditional,
        help: "Starting values, comma-separated, in the order the variables are named (D0,O0,C0_1,...); a leading minus sign is fine.",
        transform: ArgumentParsing.decimalList)
    var seed: [DecimalLiteral]

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: "The dimension d, any real number at which every block has size at least 1 (e.g. 10 or 5.5).",
        transform: ArgumentParsing.decimal)
    var d: DecimalLiteral

    @Option(
        name: .customLong("seed-d"), parsing: .unconditional,
        help: "The d at which --seed is given, when not at --d: the family is carried from there to --d (in MPFR, in steps of log d) and reported there.",
        transform: ArgumentParsing.decimal)
    var seedD: DecimalLiteral?

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 20
        static let maximum = 100_000
        static let meaning = "Significant digits to compute and prove"
    }

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(
        name: .customLong("split-row"),
        help: "Split one student row w of block BLOCK (0 for the first) into ALPHA w and (1 - ALPHA) w (ALPHA between 0 and 1, default 0.5): the critical point of k + 1 students with the same loss, in its own fixed space, with its spectrum and index.",
        transform: ArgumentParsing.splitRow)
    var splitRow: SplitRequest?

    @Flag(help: "Prove the printed values with interval arithmetic: enclosures of the critical point and of every eigenvalue, and a certified index.")
    var certify = false

    func run() throws {
        let request = SpectrumRequest(partition: partition, seed: seed, d: d, seedD: seedD, digits: digits.digits, split: splitRow)
        if certify {
            guard splitRow == nil else {
                throw CLIError("--certify and --split-row cannot be combined: the split point lies on a curve of critical points (weight moved between the two new rows), so no box holds it alone; certify the point before the split")
            }
            let report = PointCertificateReport(try SpectrumJob.certify(request), digits: digits.digits)
            try StandardOutput.write(format == .json ? report.json().rendered() : report.table())
        } else {
            // Shown on a terminal only, and cleared before anything else is printed.
            let progress = ProgressLine(quiet: false)
            let result: SpectrumResult
            do {
                defer { progress.finish() }
                result = try SpectrumJob.run(request, progress: progress)
            }
            let report = SpectrumReport(result)
            try StandardOutput.write(format == .json ? report.json().rendered() : report.table())
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
