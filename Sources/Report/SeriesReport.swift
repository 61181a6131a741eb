import Asymptotics
import MultiPrecision
import Spurious

/// `spurious series` as a table or JSON: the expansion's terms with their proved digits and
/// closed forms, or the check of an expression rung by rung.
public struct SeriesReport: Sendable {
    let partition: String
    let seedD: String
    let result: SeriesResult

    public init(_ result: SeriesResult, request: SeriesRequest) {
        partition = request.family.partition.description
        seedD = request.family.seedD.text
        self.result = result
    }

    public func table() -> String {
        switch result {
        case let .expansion(series): table(series)
        case let .check(check): table(check)
        case let .spectrum(spectrum): SpectrumSeriesReport(spectrum, partition: partition, seedD: seedD).table()
        }
    }

    /// With the whole spectrum: every eigenvalue at every rung as CSV (nil for one quantity).
    public func rungsCSV() -> String? {
        guard case let .spectrum(spectrum) = result else { return nil }
        return SpectrumSeriesReport(spectrum, partition: partition, seedD: seedD).csv()
    }

    public func json() -> JSONValue {
        switch result {
        case let .expansion(series): json(series)
        case let .check(check): json(check)
        case let .spectrum(spectrum): SpectrumSeriesReport(spectrum, partition: partition, seedD: seedD).json()
        }
    }

    private func table(_ series: SeriesExpansion) -> String {
        let ladder = series.ladder
        var out = "quantity  \(series.quantity) along \(partition), seeded at d = \(seedD)\n"
        let top = ladder.high.rungs.last.map { $0.exactD.text } ?? "-"
        out += "ladder    \(ladder.high.rungs.count) rungs up to d = \(top); proved at \(ladder.low.precision) and \(ladder.high.precision) bits\n"
        out += "top       \(series.quantity) = \(series.topValue.map(Words.proved) ?? "undetermined") at d = \(top)\n"
        out += "fit       Richardson in d^(-1/2) on \(series.nodes.count) nodes, d = \(series.nodes.last?.text ?? "-") ... \(series.nodes.first?.text ?? "-")\n"
        out += "leading   d^(\(series.terms.first?.power ?? "?"))   (measured exponent \(BigFloat(series.localExponent).formatted(significantDigits: 12)) at the top)\n\n"
        var table = TextTable(
            headers: ["power", "coefficient", "digits", "closed form", "residual"], alignments: [.right, .left, .right, .left, .left])
        for term in series.terms {
            table.append([
                term.power, Self.coefficientText(term), "\(term.digits)", term.closedFormText ?? "-",
                term.residual.map { $0.formatted(significantDigits: 2) } ?? "-",
            ])
        }
        out += table.rendered()
        if let expression = series.closedFormExpression {
            out += "\nexpansion: \(expression) + ...\n"
        }
        return out
    }

    static func coefficientText(_ term: SeriesTerm) -> String {
        if term.isZero { return "0 (|c| < \(term.bound.formatted(significantDigits: 2)))" }
        return term.coefficient.map(Words.proved) ?? "undetermined"
    }

    private func json(_ series: SeriesExpansion) -> JSONValue {
        .object([
            ("quantity", .string(series.quantity)),
            ("terms", .array(series.terms.map(Self.json))),
            ("partition", .string(partition)),
            ("seed_d", .string(seedD)),
            ("top", .object([
                ("d", .string(series.ladder.high.rungs.last?.exactD.text ?? "")),
                ("value", series.topValue?.decimal.map { .string($0) } ?? .null),
            ])),
            ("nodes", .array(series.nodes.map { .string($0.text) })),
            ("bits", .array([.number(Double(series.ladder.low.precision)), .number(Double(series.ladder.high.precision))])),
        ])
    }

    /// One term for programs: power, proved coefficient, digits, closed form, residual.
    static func json(_ term: SeriesTerm) -> JSONValue {
        .object([
            ("power", .string(term.power)),
            ("coefficient", term.isZero ? .string("0") : term.coefficient?.decimal.map { .string($0) } ?? .null),
            ("digits", .number(Double(term.digits))),
            ("closed_form", term.closedFormText.map { .string($0) } ?? .null),
            ("residual", term.residual.map { .string($0.formatted(significantDigits: 2)) } ?? .null),
        ])
    }

    private func table(_ check: RemainderCheck) -> String {
        var out = "quantity    \(check.quantity) along \(partition), seeded at d = \(seedD)\n"
        out += "expression  \(check.expression)\n"
        out += "proved at   \(check.ladder.low.precision) and \(check.ladder.high.precision) bits\n\n"
        var table = TextTable(
            headers: ["d", check.quantity, "expression", "agreeing digits", "remainder", "order"],
            alignments: [.right, .left, .left, .right, .left, .right])
        for row in check.rows {
            table.append([
                row.d.text, Words.proved(row.value), row.expression.formatted(significantDigits: check.digits),
                (row.agreesWithAllProvedDigits ? ">= " : "") + "\(row.agreeingDigits)",
                row.remainder.map(Words.proved) ?? "< \(row.remainderBound.formatted(significantDigits: 2))",
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

    private func json(_ check: RemainderCheck) -> JSONValue {
        .object([
            ("quantity", .string(check.quantity)),
            ("check", .string(check.expression)),
            ("rows", .array(check.rows.map { row in
                .object([
                    ("d", .string(row.d.text)),
                    ("value", row.value.decimal.map { .string($0) } ?? .null),
                    ("expression", .string(row.expression.formatted(significantDigits: check.digits))),
                    ("agreeing_digits", .number(Double(row.agreeingDigits))),
                    ("agrees_with_all_proved_digits", .bool(row.agreesWithAllProvedDigits)),
                    ("remainder", row.remainder?.decimal.map { .string($0) } ?? .null),
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
