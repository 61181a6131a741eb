import LossModel
import MultiPrecision
import Spurious

/// `spurious critical` as a table, JSON or CSV: the search's counts, then every distinct point
/// with its label, loss, index, smallest eigenvalue, isotropy and coordinates.
public struct CriticalReport: Sendable {
    let result: CriticalPointSearchResult
    let points: [PolishedCriticalPoint]
    let names: [String]
    let d: String
    let digits: Int

    public init(_ critical: CriticalResult) {
        result = critical.search
        points = critical.points
        names = critical.names
        d = critical.request.d.text
        digits = critical.request.digits
    }

    var countsLine: String {
        let c = result.counts
        return "starts: \(c.tried) tried, \(c.converged) converged, \(c.singular) singular, \(c.diverged) diverged; "
            + "\(points.count) distinct point\(points.count == 1 ? "" : "s")"
    }

    public func table() -> String {
        var out = "partition \(result.partition)   d = \(d)\n\(countsLine)\n"
        guard !points.isEmpty else { return out }
        if let first = points.first {
            out += "digits: \(digits) asked; printed digits agree at \(first.workingBits) and \(first.checkBits) bits\n"
        }
        var summary = TextTable(
            headers: ["#", "label", "loss", "index", "min eigenvalue", "isotropy"],
            alignments: [.right, .left, .left, .right, .left, .left])
        var coordinates = TextTable(headers: ["#"] + names, alignments: [.right] + names.map { _ in .left })
        for (number, point) in points.enumerated() {
            summary.append([
                "\(number + 1)", CriticalReport.label(point), loss(point),
                CriticalReport.index(point.point) ?? "-", minEigenvalue(point) ?? "-",
                point.point.isotropy.description,
            ])
            coordinates.append(["\(number + 1)"] + self.coordinates(point))
        }
        return out + "\n" + summary.rendered() + "\n" + coordinates.rendered()
    }

    public func json() -> JSONValue {
        let c = result.counts
        return .object([
            ("partition", .string(result.partition.description)),
            ("d", .string(d)),
            ("starts", .object([
                ("tried", .number(Double(c.tried))), ("converged", .number(Double(c.converged))),
                ("singular", .number(Double(c.singular))), ("diverged", .number(Double(c.diverged))),
            ])),
            ("points", .array(points.map { point in
                .object([
                    ("loss", .string(loss(point))),
                    ("coordinates", .object(zip(names, coordinates(point)).map { ($0, .string($1)) })),
                    ("index", point.point.index.map { .number($0) } ?? .null),
                    ("nullity", .number(point.point.nullity)),
                    ("min_eigenvalue", minEigenvalue(point).map { .string($0) } ?? .null),
                    ("label", .string(point.point.label.rawValue)),
                    ("isotropy", .string(point.point.isotropy.description)),
                    ("proved", .bool(point.proved)),
                ])
            })),
        ])
    }

    public func csv() -> String {
        var table = CSVTable(headers: ["label", "loss", "index", "min_eigenvalue", "isotropy"] + names)
        for point in points {
            table.append([
                CriticalReport.label(point), loss(point), CriticalReport.index(point.point) ?? "",
                minEigenvalue(point) ?? "", point.point.isotropy.description,
            ] + coordinates(point))
        }
        return table.rendered()
    }

    /// A point's values: the proved digits, or for a point Newton's method could not correct in
    /// MPFR the search's `Double` values to 8 significant digits (marked "not proved").
    func unproved(_ x: Double) -> String { x.formatted(significantDigits: min(digits, 8)) }

    func loss(_ point: PolishedCriticalPoint) -> String {
        point.proof.map { Words.proved($0.loss) } ?? unproved(point.point.loss)
    }

    func coordinates(_ point: PolishedCriticalPoint) -> [String] {
        point.proof.map { $0.coordinates.map(Words.proved) } ?? point.point.x.map(unproved)
    }

    /// Nil at a global minimum or where the spectrum cannot be computed.
    func minEigenvalue(_ point: PolishedCriticalPoint) -> String? {
        guard let proof = point.proof else { return point.point.minEigenvalue.map(unproved) }
        return proof.minEigenvalue.map(Words.proved)
    }

    /// The index, with the zero eigenvalues of a degenerate point beside it ("72 +8 zero").
    static func index(_ point: FoundCriticalPoint) -> String? {
        point.index.map { Words.plain($0) + (point.nullity > 0 ? " +\(Words.plain(point.nullity)) zero" : "") }
    }

    /// The label, marked when the digits beside it are the search's unproved `Double` values.
    static func label(_ point: PolishedCriticalPoint) -> String {
        point.point.label.rawValue + (point.proved ? "" : " (not proved)")
    }
}
