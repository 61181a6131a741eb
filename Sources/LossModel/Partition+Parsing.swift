extension Partition {
    /// The most blocks a partition may have: the formula, the spectrum and the search grow like
    /// the fourth power of the number of blocks (12 blocks: under a second for `formula`).
    public static let maximumBlocks = 12
    /// The largest block size or offset N in `d-N`, `d+N`, `N` (see the parser's message).
    public static let maximumSize = 10_000

    /// Parses the partition syntax: comma-separated blocks, each a size (`d`, `d-N`, `d+N` or a
    /// positive integer N) with an optional suffix `r` (rows only) or `c` (columns only).
    /// Paired plus column sizes must add up to exactly d, and there must be student rows.
    public init(parsing text: String) throws {
        let tokens = text.split(separator: ",", omittingEmptySubsequences: false)
        guard tokens.count <= Partition.maximumBlocks else {
            throw ModelError.partitionSyntax(
                text: text,
                problem: "\(tokens.count) blocks; at most \(Partition.maximumBlocks) are supported (the reduced loss has a kernel term per pair of blocks and the spectrum a refined space per pair of generic blocks, so the work grows like the fourth power of the number of blocks)")
        }
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
        let tooLarge = "sizes and offsets up to \(Partition.maximumSize) are supported (counts of entries and multiplicities are exact integer polynomials in d of degree up to 4, whose coefficients must stay below 2^63)"
        if body.hasPrefix("d-") || body.hasPrefix("d+") {
            let digits = body.dropFirst(2)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { throw fail(sizeError) }
            guard let n = Int(digits), n <= Partition.maximumSize else { throw fail(tooLarge) }
            return Block(size: AffineSize(slope: 1, offset: body.hasPrefix("d-") ? -n : n), kind: kind)
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCIIDigit) else { throw fail(sizeError) }
        guard let n = Int(body), n <= Partition.maximumSize else { throw fail(tooLarge) }
        guard n >= 1 else { throw fail("a constant block size must be at least 1") }
        return Block(size: .constant(n), kind: kind)
    }
}

extension Character {
    /// 0-9 only (not the other scripts' digits that `isNumber` accepts).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// A partition in a file is its text ("d-2,2,1r"), read back by ``init(parsing:)``.
extension Partition: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a partition: \(text): \(error)")
        }
    }
}
