extension Partition {
    /// Parses the partition syntax: comma-separated blocks, each a size (`d`, `d-N`, `d+N` or a
    /// positive integer N) with an optional suffix `r` (rows only) or `c` (columns only).
    /// Paired plus column sizes must add up to exactly d, and there must be student rows.
    public init(parsing text: String) throws {
        let tokens = text.split(separator: ",", omittingEmptySubsequences: false)
        var blocks: [Block] = []
        for (index, raw) in tokens.enumerated() {
            let token = String(raw.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
            blocks.append(try Partition.parseBlock(token, index: index, text: text))
        }
        let partition = Partition(blocks: blocks)
        let columns = partition.columnBlocks.map { blocks[$0].size }.reduce(.constant(0), +)
        guard columns == .d else {
            throw ModelError.partitionSyntax(
                text: text,
                problem: "paired and column-only blocks add up to \(columns), but they must add up to exactly d (the teacher's columns), as in d-1,1 or d-2,2")
        }
        guard !partition.rowBlocks.isEmpty else {
            throw ModelError.partitionSyntax(text: text, problem: "there are no student rows: at least one block must be paired or rows-only (suffix r)")
        }
        self = partition
    }

    static func parseBlock(_ token: String, index: Int, text: String) throws -> Block {
        func fail(_ problem: String) -> ModelError {
            .partitionSyntax(text: text, problem: "block \(index + 1) '\(token)': \(problem)")
        }
        guard !token.isEmpty else { throw fail("is empty (two commas in a row, or a comma at an end?)") }
        var body = Substring(token)
        var kind = BlockKind.paired
        if body.last == "r" { kind = .rowsOnly; body = body.dropLast() }
        else if body.last == "c" { kind = .columnsOnly; body = body.dropLast() }
        let sizeError = "a size is d, d-N, d+N or a positive integer N, optionally followed by r (rows only) or c (columns only)"
        if body == "d" { return Block(size: .d, kind: kind) }
        if body.hasPrefix("d-") || body.hasPrefix("d+") {
            guard let n = Int(body.dropFirst(2)), n >= 0 else { throw fail(sizeError) }
            return Block(size: AffineSize(slope: 1, offset: body.hasPrefix("d-") ? -n : n), kind: kind)
        }
        guard body.allSatisfy(\.isNumber), let n = Int(body) else { throw fail(sizeError) }
        guard n >= 1 else { throw fail("a constant block size must be at least 1") }
        return Block(size: .constant(n), kind: kind)
    }
}
