import Certification
import Families
import LossModel
import MultiPrecision
import Spurious

/// The located folds, branch points and saddle/minimum transitions of one or more families, as
/// a terminal table, CSV or JSON (`spurious transitions --format`), with their certificates when
/// they were asked for. Events are kept in the order given (family by family, along each
/// family), so that output is reproducible. An event's `kind` is its
/// ``LocatedFamilyEvent/Kind`` raw value: `transition`, `fold` or `branch point`.
public struct TransitionsReport: Sendable {
    public let events: [FamilyRun.Event]
    /// Lines printed under the table, such as why each family's sweep stopped: without them a
    /// reader cannot tell "no more transitions" from "the sweep ended early".
    public let notes: [String]
    /// Whether the report has the branches column (`spurious transitions`): each transition's
    /// bifurcation type and the partitions of the branches it creates.
    public let showsBranches: Bool

    public init(events: [FamilyRun.Event], notes: [String] = [], showsBranches: Bool = false) {
        self.events = events
        self.notes = notes
        self.showsBranches = showsBranches
    }

    /// The report of a `transitions` run: every event, then one note per family (where it was
    /// followed, why each direction stopped) and one per fixed space without a minimum.
    public init(_ result: TransitionsResult) {
        var notes = result.runs.map(FollowReport.note)
        if let catalog = result.catalog {
            for space in result.emptySpaces {
                notes.append("\(space): no spurious minimum of this isotropy at d = \(Words.plain(catalog.at)) (\(catalog.starts) starts)")
            }
        }
        self.init(events: result.events, notes: notes, showsBranches: true)
    }

    private var located: [LocatedFamilyEvent] { events.map(\.located) }

    /// True when the events carry certificates (`--certify`).
    public var isCertified: Bool { events.contains { $0.certification != nil } }

    /// One line per event, then per event its loss and coordinates (one line each, all proved
    /// digits: shortening them here would print rounded, no longer proved, digits), then the
    /// notes, then the certificates when there are any.
    public func table() -> String {
        var out: String
        if located.isEmpty {
            out = "no transitions or folds found\n"
        } else {
            var table = TextTable(
                headers: ["#", "family", "kind", "d", "irrep", "multiplicity", "direction", "verified"] + (showsBranches ? ["branches"] : []),
                alignments: [.right, .left, .left, .left, .left, .left, .left, .left] + (showsBranches ? [.left] : []))
            for (number, item) in events.enumerated() {
                let event = item.located
                table.append([
                    String(number + 1), event.family, event.kind.rawValue, Words.proved(event.d), event.irrep,
                    TransitionsReport.multiplicity(event), Words.direction(event), event.verified ? "yes" : "no",
                ] + (showsBranches ? [Words.branches(item.branches)] : []))
            }
            out = table.rendered()
            for (number, event) in located.enumerated() {
                out += "\n#\(number + 1) \(event.family), \(event.kind.rawValue) at d = \(Words.proved(event.d)) (\(event.digits) digits, k = \(JSONValue.number(event.k)))\n"
                let width = ([4] + event.names.map(\.count)).max() ?? 4
                func line(_ name: String, _ value: String) -> String {
                    "  " + name + String(repeating: " ", count: width - name.count) + "  " + value + "\n"
                }
                out += line("loss", Words.proved(event.loss))
                for (name, value) in zip(event.names, event.coordinates) { out += line(name, Words.proved(value)) }
                if let check = event.signCheck {
                    out += "  crossing eigenvalue \(check.eigenvalueBelow.formatted(significantDigits: 3)) just below, "
                        + "\(check.eigenvalueAbove.formatted(significantDigits: 3)) just above\n"
                }
            }
        }
        if !notes.isEmpty { out += "\n" + notes.map { $0 + "\n" }.joined() }
        if isCertified { out += CertificateReport.section(events) }
        return out
    }

    /// One row per event; the coordinates share one column as `name=value` joined by `;`, so the
    /// columns are the same for families with different fixed spaces.
    public func csv() -> String {
        var table = CSVTable(headers: [
            "family", "partition", "k", "kind", "d", "digits", "loss", "irrep", "multiplicity",
            "multiplicity_value", "direction", "verified", "coordinates",
        ] + (showsBranches ? ["branches"] : []))
        for item in events {
            let event = item.located
            table.append([
                event.family, event.partition.description, CSVTable.number(event.k), event.kind.rawValue,
                Words.proved(event.d), String(event.digits), Words.proved(event.loss), event.irrep, event.multiplicity.description,
                CSVTable.number(event.multiplicityValue), Words.direction(event), event.verified ? "true" : "false",
                zip(event.names, event.coordinates).map { "\($0)=\(Words.proved($1))" }.joined(separator: ";"),
            ] + (showsBranches ? [Words.branches(item.branches)] : []))
        }
        return table.rendered()
    }

    /// `{"transitions": [...]}` with proved values as strings (a JSON number would be read
    /// back as a Double and lose digits) and counts as numbers; with certificates, each
    /// transition also carries `certified`, `d_lo`, `d_hi`, `method`, `statement`, `proved_d`,
    /// `certification_bits`, `curve` and `certification_failure`.
    public func json() -> JSONValue {
        .object([
            ("transitions", .array(events.map { item in
                let event = item.located
                let fields: [(String, JSONValue)] = [
                    ("family", .string(event.family)),
                    ("partition", .string(event.partition.description)),
                    ("k", .number(event.k)),
                    ("kind", .string(event.kind.rawValue)),
                    ("d", .string(Words.proved(event.d))),
                    ("digits", .number(Double(event.digits))),
                    ("loss", .string(Words.proved(event.loss))),
                    ("irrep", .string(event.irrep)),
                    ("multiplicity", .string(event.multiplicity.description)),
                    ("multiplicity_value", .number(event.multiplicityValue)),
                    ("direction", .string(Words.direction(event))),
                    ("index_below", event.signCheck.map { .number($0.indexBelow) } ?? .null),
                    ("index_above", event.signCheck.map { .number($0.indexAbove) } ?? .null),
                    ("eigenvalue_below", event.signCheck.map { .string($0.eigenvalueBelow.formatted(significantDigits: 3)) } ?? .null),
                    ("eigenvalue_above", event.signCheck.map { .string($0.eigenvalueAbove.formatted(significantDigits: 3)) } ?? .null),
                    ("coordinates", .object(zip(event.names, event.coordinates).map { ($0, .string(Words.proved($1))) })),
                    ("verified", .bool(event.verified)),
                ] + (showsBranches ? [("branches", .array(item.branches.map(TransitionsReport.branchJSON)))] : [])
                guard let certification = item.certification else { return .object(fields) }
                return .object(fields + CertificateReport.jsonFields(certification, event: event))
            })),
        ])
    }

    /// A predicted branch: `{partition, split, type, side}`, or `{partition, split, failure}`.
    static func branchJSON(_ outcome: BranchOutcome) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("partition", .string(outcome.subgroup.fine.description)), ("split", .string(outcome.subgroup.split)),
        ]
        if let type = outcome.type {
            fields += [("type", .string(BranchesReport.typeName(type))), ("side", outcome.side.map { .string($0.rawValue) } ?? .null)]
        }
        if case let .failure(failure)? = outcome.branch { fields.append(("failure", .string(failure.description))) }
        return .object(fields)
    }

    /// "d-2 = 3.58551" for a multiplicity that depends on d (six digits: the value is a Double
    /// at the located d, for orientation only), just "1" for a constant one.
    static func multiplicity(_ event: LocatedFamilyEvent) -> String {
        guard !event.multiplicity.factors.isEmpty else { return event.multiplicity.description }
        let value = event.multiplicityValue
        let text = value == value.rounded() ? JSONValue.number(value) : value.formatted(significantDigits: 6)
        return "\(event.multiplicity) = \(text)"
    }
}
