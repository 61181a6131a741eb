import Certification
import MultiPrecision

/// `spectrum --certify` as text and JSON: the point and every eigenvalue as enclosures, with
/// the digits every point of an enclosure shares.
public struct PointCertificateReport: Sendable {
    public let certificate: PointCertificate
    public let digits: Int

    public init(_ certificate: PointCertificate, digits: Int) {
        self.certificate = certificate
        self.digits = digits
    }

    /// How a point certificate is obtained, in one sentence.
    static let method = "Krawczyk's test on the reduced gradient; eigenvalues of each isotypic part from the pencils (V^T H V, V^T M V) of refined reduced Hessians (V of 0 and +-1 entries), each enclosed by Gershgorin discs of Q^T H Q with Q approximate eigenvectors of the midpoint, scaled by 1/(1 +- ||Q^T M Q - I||) (Ostrowski); outward-rounded MPFR interval arithmetic"

    /// A value's proved digits (those every point of its enclosure shares), or "undetermined".
    func proved(_ x: Interval) -> String { x.provedDigits(upTo: digits) ?? "undetermined" }

    /// The enclosure's ends, rounded outward to three digits more than the proved value, so that
    /// the printed interval still contains the enclosure and shows how much room is left.
    func enclosure(_ x: Interval) -> String { x.formatted(significantDigits: digits + 3) }

    static func multiplicity(_ part: PartEnclosure) -> String {
        let value = part.multiplicityValue.midpoint.doubleValue
        guard !part.multiplicity.factors.isEmpty else { return part.multiplicity.description }
        return "\(part.multiplicity) = \(Words.plain(value))"
    }

    public func table() -> String {
        let c = certificate
        let k = c.partition.k.value(at: c.dEnclosure.midpoint.doubleValue)
        var out = "partition \(c.partition)   k = \(c.partition.k) = \(Words.plain(k))   d = \(c.d)\n"
        out += "certified: outward-rounded interval arithmetic at \(c.precision) bits; printed digits are shared by every point of each enclosure\n"
        for failure in c.failedAttempts { out += "(an earlier attempt failed: \(failure))\n" }
        out += "\nloss           \(proved(c.loss))\n"
        if let fit = c.exactFit {
            out += "global minimum \(SpectrumReport.words(fit)); the fit lies in the uniqueness box, so it is the critical point and its coordinates are exact\n"
        }
        out += "index          \(c.index.map { Words.plain($0) + " (certified)" } ?? "undetermined: an eigenvalue enclosure contains 0")\n"
        out += "uniqueness     exactly one critical point in the box of radius \(CertificateReport.boxRadius(c.uniquenessBox, precision: c.precision)) around these coordinates\n"
        var coordinates = TextTable(headers: ["coordinate", "value", "enclosure"])
        for (name, x) in zip(c.names, c.coordinates) { coordinates.append([name, proved(x), enclosure(x)]) }
        out += "\n" + coordinates.rendered()
        var rows: [(Interval, [String])] = []
        for part in c.parts where !part.isAbsent {
            for cluster in part.clusters {
                let value = cluster.count == 1 ? proved(cluster.enclosure) : "\(cluster.count) eigenvalues"
                rows.append((cluster.enclosure, [value, part.name, Self.multiplicity(part), enclosure(cluster.enclosure)]))
            }
        }
        rows.sort { $0.0.midpoint < $1.0.midpoint }
        var spectrum = TextTable(headers: ["eigenvalue", "irrep", "multiplicity", "enclosure"])
        for (_, row) in rows { spectrum.append(row) }
        out += "\n" + spectrum.rendered()
        let absent = c.parts.filter(\.isAbsent).map { "  \($0.name): absent (multiplicity \(Self.multiplicity($0)))" }
        if !absent.isEmpty { out += "\nparts without eigenvalues at this d:\n" + absent.joined(separator: "\n") + "\n" }
        out += "\nmethod: \(Self.method)\n"
        return out
    }

    public func json() -> JSONValue {
        let c = certificate
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
            ("d", .string(c.d.text)),
            ("digits", .number(Double(digits))),
            ("certified", .bool(true)),
            ("method", .string(Self.method)),
            ("certification_bits", .number(Double(c.precision))),
            ("loss", number(c.loss)),
            ("global_minimum", c.exactFit.map(SpectrumReport.json) ?? .null),
            ("coordinates", .object(zip(c.names, c.coordinates).map { ($0, number($1)) })),
            ("index", c.index.map { .number($0) } ?? .null),
            ("eigenvalues", .array(eigenvalues)),
        ])
    }
}
