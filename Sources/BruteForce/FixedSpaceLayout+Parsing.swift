extension FixedSpaceLayout {
    /// The layout of a partition text at integer d, mirroring tools/bruteforce.py.
    ///
    /// Comma-separated blocks; a size is `d`, `d-N` or an integer constant; a suffix `r` makes
    /// the block rows only, `c` columns only (paired by default). Only a block written as the
    /// constant 1 lacks the off-diagonal variable. Examples: "d-1,1", "d-2,1,1", "d,2r",
    /// "d-1,1,1r", "2,d-2c". Kept apart from the reduced model's parser on purpose, so that a
    /// misreading there shows up as a disagreement here.
    ///
    /// Throws ``BruteForceError/malformedPartition(_:)`` for text it does not understand or
    /// whose columns do not add up to d, and what ``init(blocks:)`` throws.
    public static func parse(_ text: String, d: Int) throws -> FixedSpaceLayout {
        let blocks = try text.split(separator: ",", omittingEmptySubsequences: false).map { token in
            try parseBlock(token.filter { !$0.isWhitespace }, d: d)
        }
        let layout = try FixedSpaceLayout(blocks: blocks)
        guard layout.columns == d else {
            throw BruteForceError.malformedPartition("the columns of '\(text)' add up to \(layout.columns), not d = \(d)")
        }
        return layout
    }

    private static func parseBlock(_ token: String, d: Int) throws -> Block {
        var body = Substring(token)
        var kind = BlockKind.paired
        if body.hasSuffix("r") {
            kind = .rowsOnly
            body = body.dropLast()
        } else if body.hasSuffix("c") {
            kind = .columnsOnly
            body = body.dropLast()
        }
        if body == "d" { return (d, kind, true) }
        if body.hasPrefix("d-"), let offset = Int(body.dropFirst(2)), offset >= 0 {
            return (d - offset, kind, true)
        }
        if body.first?.isNumber == true, let size = Int(body) {
            return (size, kind, size != 1)
        }
        throw BruteForceError.malformedPartition("block '\(token)': expected d, d-N or an integer, with an optional suffix r or c")
    }
}
