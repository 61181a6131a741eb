import Certification
import Families
import MultiPrecision
import Spurious

/// Certified transitions (`transitions --certify`) as text and JSON: each certificate's interval,
/// the digits it proves and the theorem in words, or why there is none.
enum CertificateReport {
    /// How a transition certificate is obtained, in one sentence.
    static let method = "parametric Krawczyk on the reduced gradient over [d_lo, d_hi]; signs of every isotypic part's eigenvalues over that box and at both ends from Gershgorin discs of Q^T H Q (Q approximate eigenvectors of the midpoint) scaled by 1/(1 +- ||Q^T M Q - I||) (Ostrowski), per part by exact 0/+-1 congruences of refined reduced Hessians; outward-rounded MPFR interval arithmetic"

    /// The section printed under the transitions table.
    static func section(_ events: [FamilyRun.Event]) -> String {
        var out = "\ncertificates (--certify): interval arithmetic with outward rounding; each line below is proved\n"
        for (number, item) in events.enumerated() {
            let head = "#\(number + 1) \(item.located.family), \(item.located.kind.rawValue)"
            guard case let .certified(certificate)? = item.certification else {
                out += "\(head): not certified: \(failure(item.certification) ?? "no certificate")\n"
                continue
            }
            out += "\(head): certified at \(certificate.precision) bits\n"
            for failure in certificate.failedAttempts {
                out += "  (an earlier attempt failed: \(failure))\n"
            }
            out += "  d_lo  \(certificate.dLower)\n"
            out += "  d_hi  \(certificate.dUpper)   (width \(width(certificate)))\n"
            if let note = provedDigitsNote(certificate, event: item.located) { out += "  proves \(note)\n" }
            out += "  statement: \(statement(certificate))\n"
        }
        out += "method: \(method)\n"
        return out
    }

    /// Why there is no certificate, if there is none.
    static func failure(_ certification: FamilyRun.Certification?) -> String? {
        switch certification {
        case .fold?: return "folds are not certified, only transitions"
        case .branchPoint?: return "branch points are not certified, only transitions"
        case let .failed(error)?: return "\(error)"
        case .certified?, nil: return nil
        }
    }

    /// "all 30 printed digits", or how many the certificate proves when its interval meets a
    /// rounding boundary of the last printed digit.
    static func provedDigitsNote(_ certificate: TransitionCertificate, event: LocatedFamilyEvent) -> String? {
        guard let proved = certificate.provedD else { return "the interval does not decide even the first digit" }
        if proved == event.d.decimal { return "d = \(proved): all \(event.digits) printed digits" }
        let count = proved.split(separator: "e").first.map { $0.filter(\.isNumber).drop { $0 == "0" }.count } ?? 0
        return "d = \(proved) (\(count) digits; the interval meets a rounding boundary of the next printed digit)"
    }

    /// Width d_hi - d_lo, rounded up, for orientation.
    static func width(_ certificate: TransitionCertificate) -> String {
        certificate.interval.width.formatted(significantDigits: 2)
    }

    /// The largest radius of the uniqueness box around its centre, for orientation.
    static func boxRadius(_ boxes: [Interval], precision: Int) -> String {
        let radius = boxes.map(\.width).reduce(BigFloat(0, precision: precision)) { $0 < $1 ? $1 : $0 } / BigFloat(2)
        return radius.formatted(significantDigits: 2)
    }

    /// The theorem, in words.
    static func statement(_ c: TransitionCertificate) -> String {
        func signWord(_ value: Interval?) -> String {
            guard let value else { return "" }
            return value.sign == -1 ? "negative" : "positive"
        }
        let ends: String
        if let lower = c.crossingAtLower, let upper = c.crossingAtUpper {
            ends = "the eigenvalue of \(c.irrep) that crosses zero is \(signWord(lower)) at d_lo (in \(lower.formatted(significantDigits: 3))) and \(signWord(upper)) at d_hi (in \(upper.formatted(significantDigits: 3)))"
        } else {
            ends = "exactly one eigenvalue of \(c.irrep) has opposite signs at d_lo and d_hi"
        }
        return "for every d in [d_lo, d_hi] the reduced gradient of \(c.partition) has exactly one zero in a box of radius \(boxRadius(c.uniquenessBox, precision: c.precision)) around the coordinates, so the family is a single smooth curve there; along it \(ends), and every other eigenvalue of every isotypic part keeps its sign on the whole interval: the index goes from \(index(c.indexAtLower)) at d_lo to \(index(c.indexAtUpper)) at d_hi"
    }

    static func index(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.formatted(significantDigits: 6)
    }

    /// The fields a certified run adds to each transition of the JSON report.
    static func jsonFields(_ certification: FamilyRun.Certification, event: LocatedFamilyEvent) -> [(String, JSONValue)] {
        var certificate: TransitionCertificate?
        if case let .certified(value) = certification { certificate = value }
        return [
            ("certified", .bool(certificate != nil)),
            ("d_lo", certificate.map { .string($0.dLower) } ?? .null),
            ("d_hi", certificate.map { .string($0.dUpper) } ?? .null),
            ("method", certificate.map { _ in .string(method) } ?? .null),
            ("statement", certificate.map { .string(statement($0)) } ?? .null),
            ("proved_d", certificate?.provedD.map { .string($0) } ?? .null),
            ("certification_bits", certificate.map { .number(Double($0.precision)) } ?? .null),
            ("curve", certificate.map { curve($0, digits: event.digits + 3) } ?? .null),
            ("certification_failure", failure(certification).map { .string($0) } ?? .null),
        ]
    }

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
