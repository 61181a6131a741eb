import Asymptotics
import LossModel
import MultiPrecision

/// `spurious series --quantity spectrum` as a table or JSON: how many eigenvalues (counted with
/// multiplicity) behave like each power of d and the constants the bounded ones tend to, then
/// every eigenvalue's expansion; with `--versus global-minimum` also the global minimum's
/// eigenvalue of the same part and rank and the leading term of the difference.
struct SpectrumSeriesReport {
    let spectrum: SpectrumExpansion
    let partition: String
    let seedD: String

    init(_ spectrum: SpectrumExpansion, partition: String, seedD: String) {
        self.spectrum = spectrum
        self.partition = partition
        self.seedD = seedD
    }

    var versus: Bool { spectrum.eigenvalues.contains { $0.globalMinimum != nil } }

    func table() -> String {
        let settings = spectrum.settings
        var out = "spectrum along \(partition), seeded at d = \(seedD)" + (versus ? ", versus the global minimum W = V\n" : "\n")
        out += "ladder   \(spectrum.rungs.count) rungs up to d = \(spectrum.rungs.last?.text ?? "-"); proved at \(spectrum.precisions.low) and \(spectrum.precisions.high) bits\n"
        out += "fit      Richardson in d^(-1/2), \(settings.terms) terms of at most \(settings.digits) digits per eigenvalue\n\n"
        out += "counted with multiplicity (polynomials in d):\n"
        for (halfPower, count) in spectrum.growth {
            out += "  like d^(\(SeriesTerm.powerText(halfPower)))".padding(18) + "\(count)\n"
            if halfPower == 0 {
                for (limit, count) in limits() { out += "    tending to \(limit)".padding(48) + "\(count)\n" }
            }
        }
        if spectrum.unexpanded != .zero { out += "  not expanded".padding(18) + "\(spectrum.unexpanded)\n" }
        if versus { out += differenceSummary() }
        for eigenvalue in spectrum.eigenvalues {
            out += "\n\(eigenvalue.quantity)   multiplicity \(eigenvalue.multiplicity)\n"
            switch eigenvalue.family {
            case let .failed(reason): out += "  not expanded: \(reason)\n"
            case let .expanded(series): out += terms(series)
            }
            if let global = eigenvalue.globalMinimum { out += "  global minimum  " + leading(global) + "\n" }
            if let difference = eigenvalue.difference { out += "  difference      " + leading(difference) + "\n" }
        }
        return out
    }

    /// The constants the eigenvalues of leading power d^0 tend to, each with the number of
    /// eigenvalues tending to it: by closed form where there is one, else by proved digits.
    func limits() -> [(String, CountSum)] {
        var order: [String] = []
        var counts: [String: CountSum] = [:]
        for eigenvalue in spectrum.eigenvalues {
            guard let term = eigenvalue.family.expansion?.terms.first, term.halfPower == 0 else { continue }
            let key = term.closedFormText ?? SeriesReport.coefficientText(term)
            if counts[key] == nil { order.append(key) }
            counts[key, default: .zero] = counts[key, default: .zero] + CountSum(eigenvalue.multiplicity)
        }
        return order.map { ($0, counts[$0] ?? .zero) }
    }

    /// The slowest decay of a difference from the global minimum, and how many eigenvalues
    /// (with multiplicity) have each leading power of the difference.
    func differenceSummary() -> String {
        var counts: [Int: CountSum] = [:]
        var failed = CountSum.zero
        for eigenvalue in spectrum.eigenvalues {
            guard let difference = eigenvalue.difference else { continue }
            guard let leading = difference.expansion?.terms.first else {
                failed = failed + CountSum(eigenvalue.multiplicity)
                continue
            }
            counts[leading.halfPower, default: .zero] = counts[leading.halfPower, default: .zero] + CountSum(eigenvalue.multiplicity)
        }
        var out = "\nminus the global minimum's eigenvalue of the same part and rank, counted with multiplicity:\n"
        for halfPower in counts.keys.sorted() {
            out += "  like d^(\(SeriesTerm.powerText(halfPower)))".padding(18) + "\(counts[halfPower] ?? .zero)\n"
        }
        if failed != .zero { out += "  not expanded".padding(18) + "\(failed)\n" }
        return out
    }

    func terms(_ series: SeriesExpansion) -> String {
        var table = TextTable(
            headers: ["power", "coefficient", "digits", "closed form", "residual"], alignments: [.right, .left, .right, .left, .left])
        for term in series.terms {
            table.append([
                term.power, SeriesReport.coefficientText(term), "\(term.digits)", term.closedFormText ?? "-",
                term.residual.map { $0.formatted(significantDigits: 2) } ?? "-",
            ])
        }
        return table.rendered().split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// "d^(-1/2): -0.25 (30 digits) = -1/4", or why there is no expansion.
    func leading(_ outcome: SeriesOutcome) -> String {
        switch outcome {
        case let .failed(reason): return "not expanded: \(reason)"
        case let .expanded(series):
            guard let term = series.terms.first else { return "no terms" }
            return "d^(\(term.power)): \(SeriesReport.coefficientText(term)) (\(term.digits) digits)" + (term.closedFormText.map { " = \($0)" } ?? "")
        }
    }

    /// Every eigenvalue at every rung of the ladder, for plots: one row per (d, eigenvalue),
    /// d ascending, each value to its proved digits (empty when not even the sign is proved).
    func csv() -> String {
        var table = CSVTable(headers: ["d", "quantity", "part", "rank", "multiplicity", "family", "global_minimum", "difference"])
        for (r, d) in spectrum.rungs.enumerated() {
            for eigenvalue in spectrum.eigenvalues {
                let value = { (values: [ProvedValue]?) in values.flatMap { r < $0.count ? $0[r].decimal : nil } ?? "" }
                table.append([
                    d.text, eigenvalue.quantity, eigenvalue.irrep, "\(eigenvalue.rank)", eigenvalue.multiplicity.description,
                    value(eigenvalue.atRungs), value(eigenvalue.globalAtRungs), value(eigenvalue.differenceAtRungs),
                ])
            }
        }
        return table.rendered()
    }

    func json() -> JSONValue {
        .object([
            ("quantity", .string("spectrum")),
            ("partition", .string(partition)),
            ("seed_d", .string(seedD)),
            ("versus", versus ? .string("global-minimum") : .null),
            ("top_d", .string(spectrum.rungs.last?.text ?? "")),
            ("bits", .array([.number(Double(spectrum.precisions.low)), .number(Double(spectrum.precisions.high))])),
            ("growth", .array(spectrum.growth.map { halfPower, count in
                .object([("power", .string(SeriesTerm.powerText(halfPower))), ("count", .string(count.description))])
            })),
            ("limits", .array(limits().map { .object([("limit", .string($0)), ("count", .string($1.description))]) })),
            ("eigenvalues", .array(spectrum.eigenvalues.map(json))),
        ])
    }

    func json(_ eigenvalue: EigenvalueSeries) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("part", .string(eigenvalue.irrep)),
            ("rank", .number(Double(eigenvalue.rank))),
            ("quantity", .string(eigenvalue.quantity)),
            ("multiplicity", .string(eigenvalue.multiplicity.description)),
        ]
        switch eigenvalue.family {
        case let .expanded(series): fields.append(("terms", .array(series.terms.map(SeriesReport.json))))
        case let .failed(reason): fields.append(("error", .string(reason)))
        }
        if let global = eigenvalue.globalMinimum { fields.append(("global", leadingJSON(global, value: "value"))) }
        if let difference = eigenvalue.difference { fields.append(("difference", leadingJSON(difference, value: "coefficient"))) }
        return .object(fields)
    }

    /// The leading term of an expansion: power, coefficient (named `value` for the global
    /// minimum's limit), closed form, digits; or the reason there is none.
    func leadingJSON(_ outcome: SeriesOutcome, value: String) -> JSONValue {
        switch outcome {
        case let .failed(reason): return .object([("error", .string(reason))])
        case let .expanded(series):
            guard let term = series.terms.first else { return .null }
            return .object([
                ("power", .string(term.power)),
                (value, term.coefficient?.decimal.map { .string($0) } ?? .null),
                ("closed_form", term.closedFormText.map { .string($0) } ?? .null),
                ("digits", .number(Double(term.digits))),
                ("terms", .array(series.terms.map(SeriesReport.json))),
            ])
        }
    }
}

extension String {
    /// Padded with spaces to at least `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
