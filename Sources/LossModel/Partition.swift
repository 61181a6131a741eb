import MultiPrecision

/// How a block's symmetric group acts (docs/design.md section 2).
public enum BlockKind: Hashable, Sendable {
    /// One S_n on n rows and n columns at once.
    case paired
    /// S_n on n student rows only (extra student neurons).
    case rowsOnly
    /// S_n on n teacher columns only.
    case columnsOnly

    public var hasRows: Bool { self != .columnsOnly }
    public var hasColumns: Bool { self != .rowsOnly }
}

/// One block of a partition-type isotropy group.
public struct Block: Hashable, Sendable {
    public let size: AffineSize
    public let kind: BlockKind

    public init(size: AffineSize, kind: BlockKind) {
        self.size = size
        self.kind = kind
    }

    /// A paired block whose size is not the constant 1 has distinct diagonal and
    /// off-diagonal values.
    public var hasOffDiagonal: Bool { kind == .paired && size != .constant(1) }
}

/// A partition-type isotropy group: blocks whose paired and column sizes add up to d.
/// Text syntax: comma-separated sizes (`d`, `d-1`, `2`), suffix `r` for a rows-only block and
/// `c` for a columns-only block, e.g. `d-1,1` or `d-1,1,1r` (k = d+1).
public struct Partition: Hashable, Sendable, CustomStringConvertible {
    public let blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }

    /// The number of student rows, k, affine in d.
    public var k: AffineSize {
        blocks.filter(\.kind.hasRows).map(\.size).reduce(.constant(0), +)
    }

    public var rowBlocks: [Int] { blocks.indices.filter { blocks[$0].kind.hasRows } }
    public var columnBlocks: [Int] { blocks.indices.filter { blocks[$0].kind.hasColumns } }

    /// The text form, e.g. `d-1,1,1r`.
    public var description: String {
        blocks.map { block in
            block.size.description + (block.kind == .rowsOnly ? "r" : block.kind == .columnsOnly ? "c" : "")
        }.joined(separator: ",")
    }

    /// The bound below which some block is smaller than 1 (see ``validate(d:)`` for the
    /// exact rule at the bound itself).
    public var lowestD: Double {
        blocks.compactMap { block -> Double? in
            guard block.size.slope > 0 else { return nil }
            return Double(1 - block.size.offset) / Double(block.size.slope)
        }.max() ?? 1
    }

    /// Throws unless every block is usable at `d`: sizes at least 1, and above 1 for paired
    /// blocks of non-constant size (whose off-diagonal variable otherwise carries no entry).
    public func validate(d: Double) throws {
        for (index, block) in blocks.enumerated() {
            let n = block.size.value(at: d)
            if n < 1 {
                throw ModelError.blockTooSmall(
                    partition: description, block: index, size: block.size.description, d: d, value: n)
            }
            if block.hasOffDiagonal && n == 1 {
                throw ModelError.offDiagonalCarriesNothing(
                    partition: description, block: index, size: block.size.description, d: d)
            }
        }
    }
}
