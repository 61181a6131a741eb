/// A plain-text table for terminals: a header row, a rule, and left- or right-aligned columns.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public let headers: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "row of \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    public func rendered() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - cells[column].count)
                return alignments[column] == .left ? cells[column] + pad : pad + cells[column]
            }.joined(separator: "  ").trailingSpacesRemoved()
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        String(reversed().drop { $0 == " " }.reversed())
    }
}
