import Certification
import Families
import LossModel
import MultiPrecision
import Report

/// `--certify` for `transitions`: each located transition with its certificate, or with the
/// reason there is none (a fold; or every attempt failed, each naming the step that did).
struct CertifiedEvent {
    let event: LocatedFamilyEvent
    let certificate: TransitionCertificate?
    /// Why there is no certificate.
    let failure: String?

    /// Certifies every transition of `run` to `digits` digits; folds are listed uncertified.
    static func certify(_ run: FamilyRun, digits: Int, progress: ProgressLine) -> [CertifiedEvent] {
        let locatable = run.trace.events.filter(\.event.isLocatable)
        return zip(locatable, run.located).enumerated().map { number, pair in
            let (event, located) = pair
            guard located.kind == .transition else {
                return CertifiedEvent(event: located, certificate: nil, failure: "folds are not certified, only transitions")
            }
            progress.show("\(located.family): certifying transition \(number + 1)/\(run.located.count) near d = \(located.approximateD.formatted(significantDigits: 6))")
            do {
                let certificate = try TransitionCertifier.certify(trace: run.trace, event: event, digits: digits)
                return CertifiedEvent(event: located, certificate: certificate, failure: nil)
            } catch {
                return CertifiedEvent(event: located, certificate: nil, failure: "\(error)")
            }
        }
    }

    /// "all 30 printed digits", or how many the certificate proves when its interval meets a
    /// rounding boundary of the last printed digit.
    var provedDigitsNote: String? {
        guard let certificate else { return nil }
        guard let proved = certificate.provedD else { return "the interval does not decide even the first digit" }
        if proved == event.d { return "d = \(proved): all \(event.digits) printed digits" }
        let count = proved.split(separator: "e").first.map { $0.filter(\.isNumber).drop { $0 == "0" }.count } ?? 0
        return "d = \(proved) (\(count) digits; the interval meets a rounding boundary of the next printed digit)"
    }
}

/// Text and JSON for certified transitions.
enum CertificateRendering {
    /// The section printed under the transitions table.
    static func table(_ items: [CertifiedEvent]) -> String {
        var out = "\ncertificates (--certify): interval arithmetic with outward rounding; each line below is proved\n"
        for (number, item) in items.enumerated() {
            let head = "#\(number + 1) \(item.event.family), \(item.event.kind.rawValue)"
            guard let certificate = item.certificate else {
                out += "\(head): not certified: \(item.failure ?? "no certificate")\n"
                continue
            }
            out += "\(head): certified at \(certificate.precision) bits\n"
            for failure in certificate.failedAttempts {
                out += "  (an earlier attempt failed: \(failure))\n"
            }
            out += "  d_lo  \(certificate.dLower)\n"
            out += "  d_hi  \(certificate.dUpper)   (width \(certificate.width))\n"
            if let note = item.provedDigitsNote { out += "  proves \(note)\n" }
            out += "  statement: \(certificate.statement)\n"
        }
        out += "method: \(TransitionCertificate.method)\n"
        return out
    }

    /// The transitions report's JSON with, in each transition, `certified`, `d_lo`, `d_hi`,
    /// `method`, and `statement`, `proved_d`, `certification_bits`, `curve` (an enclosure of
    /// each coordinate over the whole interval) or `certification_failure`.
    static func json(_ report: JSONValue, _ items: [CertifiedEvent]) -> JSONValue {
        guard case let .object(fields) = report else { return report }
        return .object(fields.map { key, value in
            guard key == "transitions", case let .array(transitions) = value else { return (key, value) }
            return (key, .array(zip(transitions, items).map { transition, item in
                guard case let .object(entries) = transition else { return transition }
                let certificate = item.certificate
                return .object(entries + [
                    ("certified", .bool(certificate != nil)),
                    ("d_lo", certificate.map { .string($0.dLower) } ?? .null),
                    ("d_hi", certificate.map { .string($0.dUpper) } ?? .null),
                    ("method", certificate.map { _ in .string(TransitionCertificate.method) } ?? .null),
                    ("statement", certificate.map { .string($0.statement) } ?? .null),
                    ("proved_d", certificate?.provedD.map { .string($0) } ?? .null),
                    ("certification_bits", certificate.map { .number(Double($0.precision)) } ?? .null),
                    ("curve", certificate.map { curve($0, digits: item.event.digits + 3) } ?? .null),
                    ("certification_failure", item.failure.map { .string($0) } ?? .null),
                ])
            }))
        })
    }
}

extension CertificateRendering {
    /// Each coordinate's enclosure over [d_lo, d_hi], ends rounded outward to `digits` digits.
    static func curve(_ certificate: TransitionCertificate, digits: Int) -> JSONValue {
        .object(zip(certificate.names, certificate.curve).map { name, x in
            (name, .object([
                ("lower", .string(x.lowerText(significantDigits: digits))),
                ("upper", .string(x.upperText(significantDigits: digits))),
            ]))
        })
    }
}

/// Text and JSON for `spectrum --certify`.
enum PointCertificateRendering {
    /// A value's proved digits (those every point of its enclosure shares), or "undetermined".
    static func proved(_ x: Interval, _ digits: Int) -> String { x.provedDigits(upTo: digits) ?? "undetermined" }

    /// The enclosure's ends, rounded outward to three digits more than the proved value, so that
    /// the printed interval still contains the enclosure and shows how much room is left.
    static func enclosure(_ x: Interval, _ digits: Int) -> String { x.formatted(significantDigits: digits + 3) }

    static func multiplicity(_ part: PartEnclosure) -> String {
        let value = part.multiplicityValue.midpoint.doubleValue
        guard !part.multiplicity.factors.isEmpty else { return part.multiplicity.description }
        return "\(part.multiplicity) = \(value.plainText)"
    }

    static func table(_ c: PointCertificate, digits: Int) -> String {
        let k = c.partition.k.value(at: c.dEnclosure.midpoint.doubleValue)
        var out = "partition \(c.partition)   k = \(c.partition.k) = \(k.plainText)   d = \(c.d)\n"
        out += "certified: outward-rounded interval arithmetic at \(c.precision) bits; printed digits are shared by every point of each enclosure\n"
        for failure in c.failedAttempts { out += "(an earlier attempt failed: \(failure))\n" }
        out += "\nloss           \(proved(c.loss, digits))\n"
        out += "index          \(c.index.map { $0.plainText + " (certified)" } ?? "undetermined: an eigenvalue enclosure contains 0")\n"
        let radius = c.uniquenessBox.map(\.width).reduce(BigFloat(0, precision: c.precision)) { $0 < $1 ? $1 : $0 } / BigFloat(2)
        out += "uniqueness     exactly one critical point in the box of radius \(radius.formatted(significantDigits: 2)) around these coordinates\n"
        var coordinates = TextTable(headers: ["coordinate", "value", "enclosure"])
        for (name, x) in zip(c.names, c.coordinates) { coordinates.append([name, proved(x, digits), enclosure(x, digits)]) }
        out += "\n" + coordinates.rendered()
        var rows: [(Interval, [String])] = []
        for part in c.parts where !part.isAbsent {
            for cluster in part.clusters {
                let value = cluster.count == 1 ? proved(cluster.enclosure, digits) : "\(cluster.count) eigenvalues"
                rows.append((cluster.enclosure, [value, part.name, multiplicity(part), enclosure(cluster.enclosure, digits)]))
            }
        }
        rows.sort { $0.0.midpoint < $1.0.midpoint }
        var spectrum = TextTable(headers: ["eigenvalue", "irrep", "multiplicity", "enclosure"])
        for (_, row) in rows { spectrum.append(row) }
        out += "\n" + spectrum.rendered()
        let absent = c.parts.filter(\.isAbsent).map { "  \($0.name): absent (multiplicity \(multiplicity($0)))" }
        if !absent.isEmpty { out += "\nparts without eigenvalues at this d:\n" + absent.joined(separator: "\n") + "\n" }
        out += "\nmethod: \(PointCertificate.method)\n"
        return out
    }

    static func json(_ c: PointCertificate, digits: Int) -> JSONValue {
        func number(_ x: Interval) -> JSONValue {
            .object([
                ("value", x.provedDigits(upTo: digits).map { .string($0) } ?? .null),
                ("lower", .string(x.lowerText(significantDigits: digits))),
                ("upper", .string(x.upperText(significantDigits: digits))),
            ])
        }
        var eigenvalues: [JSONValue] = []
        for part in c.parts where !part.isAbsent {
            for cluster in part.clusters {
                eigenvalues.append(.object([
                    ("value", cluster.count == 1 ? cluster.enclosure.provedDigits(upTo: digits).map { .string($0) } ?? .null : .null),
                    ("lower", .string(cluster.enclosure.lowerText(significantDigits: digits))),
                    ("upper", .string(cluster.enclosure.upperText(significantDigits: digits))),
                    ("count", .number(Double(cluster.count))),
                    ("irrep", .string(part.name)),
                    ("multiplicity", .string(part.multiplicity.description)),
                    ("multiplicity_value", .number(part.multiplicityValue.midpoint.doubleValue)),
                ]))
            }
        }
        return .object([
            ("partition", .string(c.partition.description)),
            ("k", .number(c.partition.k.value(at: c.dEnclosure.midpoint.doubleValue))),
            ("d", .string(c.d)),
            ("digits", .number(Double(digits))),
            ("certified", .bool(true)),
            ("method", .string(PointCertificate.method)),
            ("certification_bits", .number(Double(c.precision))),
            ("loss", number(c.loss)),
            ("coordinates", .object(zip(c.names, c.coordinates).map { ($0, number($1)) })),
            ("index", c.index.map { .number($0) } ?? .null),
            ("eigenvalues", .array(eigenvalues)),
        ])
    }
}
