import ArgumentParser
import Asymptotics
import Foundation
import LossModel
import MultiPrecision
import Report

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

            --quantity is loss, a coordinate name (D0, C1_0, ...) or eigenvalue:<irrep>:<i>, \
            the i-th smallest eigenvalue of an isotypic part as `spurious spectrum` names it.

            Examples:
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --quantity loss --terms 4 --digits 40
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --quantity loss --check "(1/2 - 2/pi^2)/d"
              spurious series --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --quantity "eigenvalue:standard of S_{d-1}:1" --terms 2 --digits 20
            """)

    @OptionGroup var family: FamilyOptions

    @Option(help: "What to expand: loss, a coordinate name, or eigenvalue:<irrep>:<i>.")
    var quantity: String = "loss"

    @Option(help: "Coefficients wanted, the leading one included (1 to 12).")
    var terms: Int = 4

    @Option(help: "Significant digits per coefficient (1 to 500); only proved digits are shown.")
    var digits: Int = 30

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(help: "Constants for closed forms, comma-separated expressions in pi (default: \(ClosedFormBasis.defaultTexts.joined(separator: ","))).")
    var basis: String?

    @Option(parsing: .unconditional, help: "Compare this expression in d and pi with the quantity along the ladder instead of expanding, e.g. \"(1/2 - 2/pi^2)/d\".")
    var check: String?

    @Option(name: .customLong("max-d"), help: "Top of the ladder: a power of ten from 1e6 to 1e200.")
    var maxD: String = "1e30"

    func validate() throws {
        guard family.partition != nil else { throw ValidationError("series needs --partition and --seed") }
        guard (1...12).contains(terms) else { throw ValidationError("--terms must be between 1 and 12, got \(terms)") }
        guard (1...500).contains(digits) else { throw ValidationError("--digits must be between 1 and 500, got \(digits)") }
        let top = try topExponent()
        guard let seedD = Double(family.seedD), seedD > 0, seedD * 1e3 <= Foundation.pow(10, Double(top)) else {
            throw ValidationError("--seed-d must be positive and at least three powers of ten below --max-d (\(maxD))")
        }
        if let check {
            do { _ = try CheckExpression(parsing: check) } catch { throw ValidationError("--check: \(error)") }
        }
        let chosenBasis = try closedFormBasis()
        if let relation = try chosenBasis.dependence() {
            throw ValidationError("--basis: the constants are linearly dependent over the integers (\(relation)), so closed forms would not be unique")
        }
        do {
            try model().loss.space.partition.validate(d: seedD)
        } catch let error as ModelError {
            throw ValidationError("--seed-d: \(error)")
        }
        _ = try observable()
    }

    /// m for --max-d = 10^m.
    func topExponent() throws -> Int {
        guard let value = Double(maxD), value > 0 else { throw ValidationError("--max-d: '\(maxD)' is not a number") }
        let m = Int(Foundation.log10(value).rounded())
        guard (6...200).contains(m), abs(value / Foundation.pow(10, Double(m)) - 1) < 1e-12 else {
            throw ValidationError("--max-d must be a power of ten from 1e6 to 1e200, got \(maxD)")
        }
        return m
    }

    func closedFormBasis() throws -> ClosedFormBasis {
        do {
            return try basis.map { try ClosedFormBasis(list: $0) } ?? ClosedFormBasis.standard()
        } catch {
            throw ValidationError("--basis: \(error)")
        }
    }

    func model() throws -> SpectrumModel {
        do { return SpectrumModel(try Partition(parsing: family.partition ?? "")) } catch { throw ValidationError("\(error)") }
    }

    func observable() throws -> Observable {
        do { return try Observable(parsing: quantity, model: try model()) } catch let error as AsymptoticsError {
            throw ValidationError("--quantity: \(error)")
        }
    }

    func run() throws {
        let model = try model()
        let system = ReducedLossSystem(model.loss)
        let seed = try NumberList(family.seed ?? "", option: "--seed").texts
        let settings = SeriesSettings(terms: terms, digits: digits, topExponent: try topExponent(), basis: try closedFormBasis())
        let output = SeriesOutput(partition: model.loss.space.partition.description, seedD: family.seedD)
        do {
            if let check {
                let result = try RemainderCheck.run(
                    system, observable: try observable(), seed: seed, seedD: family.seedD,
                    expression: try CheckExpression(parsing: check), settings: settings)
                print(format == .json ? output.json(result).rendered() : output.table(result), terminator: "")
            } else {
                let result = try AsymptoticSeries.expand(
                    system, observable: try observable(), seed: seed, seedD: family.seedD, settings: settings)
                print(format == .json ? output.json(result).rendered() : output.table(result), terminator: "")
            }
        } catch let error as AsymptoticsError {
            throw CLIError("\(error)")
        } catch let error as ModelError {
            throw CLIError("\(error)")
        }
    }
}

/// The table and JSON forms of an expansion and of a check.
struct SeriesOutput {
    let partition: String
    let seedD: String

    func table(_ series: SeriesExpansion) -> String {
        let ladder = series.ladder
        var out = "quantity  \(series.quantity) along \(partition), seeded at d = \(seedD)\n"
        out += "ladder    \(ladder.high.rungs.count) rungs up to d = \(ladder.high.rungs.last?.dText ?? "-"); proved at \(ladder.low.precision) and \(ladder.high.precision) bits\n"
        out += "top       \(series.quantity) = \(series.topValue ?? "undetermined") at d = \(ladder.high.rungs.last?.dText ?? "-")\n"
        out += "fit       Richardson in d^(-1/2) on \(series.nodes.count) nodes, d = \(series.nodes.last ?? "-") ... \(series.nodes.first ?? "-")\n"
        out += "leading   d^(\(series.terms.first?.power ?? "?"))   (measured exponent \(BigFloat(series.localExponent).formatted(significantDigits: 12)) at the top)\n\n"
        var table = TextTable(
            headers: ["power", "coefficient", "digits", "closed form", "residual"], alignments: [.right, .left, .right, .left, .left])
        for term in series.terms {
            table.append([
                term.power, coefficientText(term), "\(term.digits)", term.closedFormText ?? "-",
                term.residual.map { $0.formatted(significantDigits: 2) } ?? "-",
            ])
        }
        out += table.rendered()
        if let expression = series.closedFormExpression {
            out += "\nexpansion: \(expression) + ...\n"
        }
        return out
    }

    func coefficientText(_ term: SeriesTerm) -> String {
        if term.isZero { return "0 (|c| < \(term.bound.formatted(significantDigits: 2)))" }
        return term.coefficient ?? "undetermined"
    }

    func json(_ series: SeriesExpansion) -> JSONValue {
        .object([
            ("quantity", .string(series.quantity)),
            ("terms", .array(series.terms.map { term in
                .object([
                    ("power", .string(term.power)),
                    ("coefficient", term.coefficient.map { .string($0) } ?? .null),
                    ("digits", .number(Double(term.digits))),
                    ("closed_form", term.closedFormText.map { .string($0) } ?? .null),
                    ("residual", term.residual.map { .string($0.formatted(significantDigits: 2)) } ?? .null),
                ])
            })),
            ("partition", .string(partition)),
            ("seed_d", .string(seedD)),
            ("top", .object([
                ("d", .string(series.ladder.high.rungs.last?.dText ?? "")),
                ("value", series.topValue.map { .string($0) } ?? .null),
            ])),
            ("nodes", .array(series.nodes.map { .string($0) })),
            ("bits", .array([.number(Double(series.ladder.low.precision)), .number(Double(series.ladder.high.precision))])),
        ])
    }

    func table(_ check: RemainderCheck) -> String {
        var out = "quantity    \(check.quantity) along \(partition), seeded at d = \(seedD)\n"
        out += "expression  \(check.expression)\n"
        out += "proved at   \(check.ladder.low.precision) and \(check.ladder.high.precision) bits\n\n"
        var table = TextTable(
            headers: ["d", check.quantity, "expression", "agreeing digits", "remainder", "order"],
            alignments: [.right, .left, .left, .right, .left, .right])
        for row in check.rows {
            table.append([
                row.d, row.value ?? "undetermined", row.expression,
                (row.agreesWithAllProvedDigits ? ">= " : "") + "\(row.agreeingDigits)",
                row.remainder ?? "< \(row.remainderBound.formatted(significantDigits: 2))",
                row.order.map { BigFloat($0).formatted(significantDigits: 5) } ?? "-",
            ])
        }
        out += table.rendered()
        if let order = check.observedOrder {
            out += "\nremainder ~ d^\(BigFloat(order).formatted(significantDigits: 5)) at the top"
            out += check.observedPower.map { " (d^(\($0)))\n" } ?? "\n"
        }
        return out
    }

    func json(_ check: RemainderCheck) -> JSONValue {
        .object([
            ("quantity", .string(check.quantity)),
            ("check", .string(check.expression)),
            ("rows", .array(check.rows.map { row in
                .object([
                    ("d", .string(row.d)),
                    ("value", row.value.map { .string($0) } ?? .null),
                    ("expression", .string(row.expression)),
                    ("agreeing_digits", .number(Double(row.agreeingDigits))),
                    ("agrees_with_all_proved_digits", .bool(row.agreesWithAllProvedDigits)),
                    ("remainder", row.remainder.map { .string($0) } ?? .null),
                    ("remainder_bound", .string(row.remainderBound.formatted(significantDigits: 2))),
                    ("order", row.order.map { .number($0) } ?? .null),
                ])
            })),
            ("observed_order", check.observedOrder.map { .number($0) } ?? .null),
            ("observed_power", check.observedPower.map { .string($0) } ?? .null),
            ("partition", .string(partition)),
            ("seed_d", .string(seedD)),
            ("bits", .array([.number(Double(check.ladder.low.precision)), .number(Double(check.ladder.high.precision))])),
        ])
    }
}
