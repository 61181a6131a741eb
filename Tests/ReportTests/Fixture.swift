import Families
import Report

/// The built-in one-flipped family followed from d = 10 down to 5.4 (a few seconds), with its
/// folds and transitions located to 20 digits: real data for every writer, computed once.
enum Fixture {
    struct Data: Sendable {
        let trace: FamilyTrace
        let located: [LocatedFamilyEvent]
    }

    private static let shared = Result<Data, any Error> {
        let trace = try Family.builtIn()[0].follow(FollowOptions(lower: 5.4, upper: 6.0))
        let located = try trace.events.filter(\.event.isLocatable).map { try trace.locate($0, digits: 20) }
        return Data(trace: trace, located: located)
    }

    static func load() throws -> Data { try shared.get() }
}

/// A CSV reader for the tests only (RFC 4180: quoted fields, doubled quotes, line breaks
/// inside quotes), so that the writers are checked by an independent parser.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed(description: "stray quote in record \(records.count + 1)") }
                quoted = true
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n":
                record.append(field)
                records.append(record)
                (record, field, afterQuote) = ([], "", false)
            default:
                guard !afterQuote else { throw Malformed(description: "text after a closing quote in record \(records.count + 1)") }
                field.append(character)
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quote") }
        guard record.isEmpty, field.isEmpty else { throw Malformed(description: "no newline after the last record") }
        return records
    }
}
