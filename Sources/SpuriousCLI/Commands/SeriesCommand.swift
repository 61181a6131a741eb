import ArgumentParser
import Asymptotics
import Foundation
import LossModel
import MultiPrecision
import Report
import Spurious

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Expansion of a family's loss, coordinate or eigenvalue in powers of d^(-1/2), with closed forms.",
        discussion: """
            Follows the family from its seed up a ladder of d = 10, 100, ..., --max-d (default \
            1e30) in MPFR, with Newton tolerances relative to each coordinate and the precision \
            raised until the quantity at the top agrees at two precisions. The leading power is \
            read from the top of the ladder and rounded to a multiple of 1/2; the coefficients \
            come from Richardson extrapolation in d^(-1/2) on the highest powers of ten. Only \
            proved digits are printed: those on which two extrapolation orders and two \
            precisions agree. Each coefficient is tested for a closed form, a rational \
            combination of the --basis constants found by PSLQ, reported only when it holds to \
            far more digits than its integers need.

            --check EXPR compares an expression in d and pi with the quantity at every rung: \
            agreeing digits, the remainder and its observed order in d.

            --quantity is loss, a coordinate name (D0, C1_0, ...), eigenvalue:<irrep>:<i>, \
            the i-th smallest eigenvalue of an isotypic part as `spurious spectrum` names it, \
            or spectrum: every eigenvalue of every part on one ladder, with how many (counted \
            with multiplicity, a polynomial in d) grow like each power of d and the constants \
            the bounded ones tend to. --versus global-minimum pairs each with the eigenvalue of \
            the same part and rank at the global minimum W = V, computed at every rung, and \
            expands their difference.

            Examples:
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --quantity loss --terms 4 --digits 40
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --quantity loss --check "(1/2 - 2/pi^2)/d"
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --quantity "eigenvalue:standard of S_{d-1}:1" --terms 2 --digits 20
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \
                --quantity spectrum --versus global-minimum --digits 30
            """)

    @OptionGroup var repeated: RepeatedOptions

    @OptionGroup var family: FamilyOptions

    @Option(help: "What to expand: loss, a coordinate name, eigenvalue:<irrep>:<i>, or spectrum (default: loss).", transform: SeriesQuantity.init(parsing:))
    var quantity: SeriesQuantity = .loss

    @Option(help: "With --quantity spectrum: compare with global-minimum, the global minimum W = V at the same d.")
    var versus: Versus?

    enum Versus: String, ExpressibleByArgument, CaseIterable {
        case globalMinimum = "global-minimum"
    }

    @Option(help: "Coefficients wanted, the leading one included (1 to 12).")
    var terms: Int = 4

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 30
        static let maximum = 500
        static let meaning = "Significant digits per coefficient; only proved digits are shown"
    }

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Flag(help: "No progress on stderr.")
    var quiet = false

    @Option(help: "With --quantity spectrum: write every eigenvalue at every rung of the ladder (and the global minimum's with --versus) as CSV to this file.")
    var csv: String?

    @Option(
        help: "Constants for closed forms, comma-separated expressions in pi (default: \(ClosedFormBasis.defaultTexts.joined(separator: ","))).",
        transform: SeriesCommand.basis)
    var basis: ClosedFormBasis?

    @Option(
        parsing: .unconditional,
        help: "Compare this expression in d and pi with the quantity along the ladder instead of expanding, e.g. \"(1/2 - 2/pi^2)/d\".",
        transform: SeriesCommand.expression)
    var check: CheckExpression?

    @Option(name: .customLong("max-d"), help: "Top of the ladder: a power of ten from 1e6 to 1e200 (default: 1e30).", transform: SeriesCommand.topExponent)
    var topExponent: Int = 30

    func validate() throws {
        guard (1...12).contains(terms) else { throw ValidationError("--terms must be between 1 and 12, got \(terms)") }
        let family = try family.resolved()
        let seedD = family.seedD.double
        guard seedD > 0, seedD * 1e3 <= Foundation.pow(10, Double(topExponent)) else {
            throw ValidationError("--seed-d must be positive and at least three powers of ten below --max-d (1e\(topExponent))")
        }
        if let relation = try closedFormBasis.dependence() {
            throw ValidationError("--basis: the constants are linearly dependent over the integers (\(relation)), so closed forms would not be unique")
        }
        do {
            try family.partition.validate(d: family.seedD)
        } catch let error as ModelError {
            throw ValidationError("--seed-d: \(error)")
        }
        if quantity.kind == .spectrum {
            guard check == nil else { throw ValidationError("--check compares one quantity: name an eigenvalue (eigenvalue:<irrep>:<i>), not the whole spectrum") }
            if versus != nil, ExactFit.teacher(in: FixedSpace(family.partition)) == nil {
                throw ValidationError("--versus global-minimum: the global minimum W = V is not a point of \(family.partition) (k = \(family.partition.k)); use a partition without rows-only (r) or columns-only (c) blocks")
            }
        } else {
            guard versus == nil else { throw ValidationError("--versus global-minimum compares whole spectra: add --quantity spectrum") }
            guard csv == nil else { throw ValidationError("--csv writes the whole spectrum at every rung: add --quantity spectrum") }
            do { _ = try Observable(quantity, model: SpectrumModel(family.partition)) } catch let error as AsymptoticsError {
                throw ValidationError("--quantity: \(error)")
            }
        }
    }

    var closedFormBasis: ClosedFormBasis {
        get throws { try basis ?? ClosedFormBasis.standard() }
    }

    func run() throws {
        let settings = SeriesSettings(terms: terms, digits: digits.digits, topExponent: topExponent, basis: try closedFormBasis)
        let request = SeriesRequest(
            family: try family.resolved(), quantity: quantity, settings: settings, check: check, versusGlobalMinimum: versus == .globalMinimum)
        // The file is checked (and its temporary made) before the work, written after it.
        let outputs = try OutputFiles(csv.map { [OutputFiles.Target(option: "--csv", path: $0)] } ?? [])
        let progress = ProgressLine(quiet: quiet)
        let report: SeriesReport
        do {
            report = SeriesReport(try SeriesJob.run(request, progress: progress), request: request)
        } catch {
            outputs.discard()
            throw error
        }
        progress.finish()
        try outputs.commit(csv == nil ? [] : [report.rungsCSV() ?? ""])
        try StandardOutput.write(format == .json ? report.json().rendered() : report.table())
    }

    /// m for --max-d = 10^m.
    static func topExponent(_ text: String) throws -> Int {
        guard let value = Double(text), value > 0 else { throw ArgumentParsing.Invalid(description: "not a number") }
        let m = Int(Foundation.log10(value).rounded())
        guard (6...200).contains(m), abs(value / Foundation.pow(10, Double(m)) - 1) < 1e-12 else {
            throw ArgumentParsing.Invalid(description: "the top must be a power of ten from 1e6 to 1e200")
        }
        return m
    }

    static func basis(_ text: String) throws -> ClosedFormBasis {
        do { return try ClosedFormBasis(list: text) } catch { throw ArgumentParsing.Invalid(description: "\(error)") }
    }

    static func expression(_ text: String) throws -> CheckExpression {
        do { return try CheckExpression(parsing: text) } catch { throw ArgumentParsing.Invalid(description: "\(error)") }
    }
}
