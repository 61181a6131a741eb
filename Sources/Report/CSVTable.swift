/// A CSV document (RFC 4180 quoting, "\n" line ends): a header row and rows of the same width,
/// so that every spreadsheet and `pandas.read_csv` reads it without options.
public struct CSVTable: Sendable {
    public let headers: [String]
    public private(set) var rows: [[String]] = []

    public init(headers: [String]) {
        self.headers = headers
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row of \(row.count) fields for \(headers.count) columns")
        rows.append(row)
    }

    /// Header and rows, each line ended by "\n".
    public func rendered() -> String {
        ([headers] + rows).map { $0.map(CSVTable.field).joined(separator: ",") + "\n" }.joined()
    }

    /// A field as RFC 4180 wants it: quoted, with quotes doubled, only when it holds a comma, a
    /// quote or a line break (partitions such as "d-1,1" and irreps such as "(d-1,1)" do), so that
    /// plain numbers stay plain.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// A Double in Swift's shortest form that reads back exactly ("0.1", "5.0", "1e-12"): the same
    /// value always gives the same text, on every platform.
    public static func number(_ x: Double) -> String { "\(x)" }
}
