import Families
import LossModel
import MultiPrecision

/// The located folds and saddle/minimum transitions of one or more families, as a terminal
/// table, CSV or JSON (`spurious transitions --format`). Events are kept in the order given
/// (family by family, along each family), so that output is reproducible.
public struct TransitionsReport: Sendable {
    public let events: [LocatedFamilyEvent]
    /// Lines printed under the table, such as why each family's sweep stopped: without them a
    /// reader cannot tell "no more transitions" from "the sweep ended early".
    public let notes: [String]

    public init(events: [LocatedFamilyEvent], notes: [String] = []) {
        self.events = events
        self.notes = notes
    }

    /// One line per event, then per event its loss and coordinates (one line each, all proved
    /// digits: shortening them here would print rounded, no longer proved, digits), then the notes.
    public func table() -> String {
        var out: String
        if events.isEmpty {
            out = "no transitions or folds found\n"
        } else {
            var table = TextTable(
                headers: ["#", "family", "kind", "d", "irrep", "multiplicity", "direction", "verified"],
                alignments: [.right, .left, .left, .left, .left, .left, .left, .left])
            for (number, event) in events.enumerated() {
                table.append([
                    String(number + 1), event.family, event.kind.rawValue, event.d, event.irrep,
                    TransitionsReport.multiplicity(event), event.direction, event.verified ? "yes" : "no",
                ])
            }
            out = table.rendered()
            for (number, event) in events.enumerated() {
                out += "\n#\(number + 1) \(event.family), \(event.kind.rawValue) at d = \(event.d) (\(event.digits) digits, k = \(JSONValue.number(event.k)))\n"
                let width = ([4] + event.coordinates.map(\.name.count)).max() ?? 4
                func line(_ name: String, _ value: String) -> String {
                    "  " + name + String(repeating: " ", count: width - name.count) + "  " + value + "\n"
                }
                out += line("loss", event.loss)
                for coordinate in event.coordinates { out += line(coordinate.name, coordinate.value) }
                if let below = event.eigenvalueBelow, let above = event.eigenvalueAbove {
                    out += "  crossing eigenvalue \(below) just below, \(above) just above\n"
                }
            }
        }
        if !notes.isEmpty { out += "\n" + notes.map { $0 + "\n" }.joined() }
        return out
    }

    /// One row per event; the coordinates share one column as `name=value` joined by `;`, so the
    /// columns are the same for families with different fixed spaces.
    public func csv() -> String {
        var table = CSVTable(headers: [
            "family", "partition", "k", "kind", "d", "digits", "loss", "irrep", "multiplicity",
            "multiplicity_value", "direction", "verified", "coordinates",
        ])
        for event in events {
            table.append([
                event.family, event.partition.description, CSVTable.number(event.k), event.kind.rawValue,
                event.d, String(event.digits), event.loss, event.irrep, event.multiplicity.description,
                CSVTable.number(event.multiplicityValue), event.direction, event.verified ? "true" : "false",
                event.coordinates.map { "\($0.name)=\($0.value)" }.joined(separator: ";"),
            ])
        }
        return table.rendered()
    }

    /// `{"transitions": [...]}` with proved values as strings (a JSON number would be read
    /// back as a Double and lose digits) and counts as numbers.
    public func json() -> JSONValue {
        .object([
            ("transitions", .array(events.map { event in
                .object([
                    ("family", .string(event.family)),
                    ("partition", .string(event.partition.description)),
                    ("k", .number(event.k)),
                    ("kind", .string(event.kind.rawValue)),
                    ("d", .string(event.d)),
                    ("digits", .number(Double(event.digits))),
                    ("loss", .string(event.loss)),
                    ("irrep", .string(event.irrep)),
                    ("multiplicity", .string(event.multiplicity.description)),
                    ("multiplicity_value", .number(event.multiplicityValue)),
                    ("direction", .string(event.direction)),
                    ("index_below", event.indexBelow.map { .number($0) } ?? .null),
                    ("index_above", event.indexAbove.map { .number($0) } ?? .null),
                    ("eigenvalue_below", event.eigenvalueBelow.map { .string($0) } ?? .null),
                    ("eigenvalue_above", event.eigenvalueAbove.map { .string($0) } ?? .null),
                    ("coordinates", .object(event.coordinates.map { ($0.name, .string($0.value)) })),
                    ("verified", .bool(event.verified)),
                ])
            })),
        ])
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
