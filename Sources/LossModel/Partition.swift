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

    /// The largest d the tool evaluates in floating point: beyond 2^53 ~ 9e15 a `Double` no
    /// longer holds every integer, so d - 1 would not be d - 1 and counts such as d(d-1)/2
    /// would lose their units. (Expansions at larger d run in MPFR: `spurious series`.)
    public static let maximumD = 1e15

    /// Throws unless every block is usable at `d`: sizes at least 1, and above 1 for paired
    /// blocks of non-constant size (whose off-diagonal variable otherwise carries no entry).
    public func validate(d: Double) throws {
        guard d.isFinite, d <= Partition.maximumD else {
            throw ModelError.dimensionTooLarge(d: d.isFinite ? "\(d)" : "not finite")
        }
        try validate { size in
            let n = size.value(at: d)
            return (n < 1, n == 1, { ("\(d)", "\(n)") })
        }
    }

    /// The same check at a d typed by a user, decided for the number as typed (not for its
    /// nearest `Double`: 3.0000000000000000001 is above 3).
    public func validate(d: DecimalLiteral) throws {
        guard d.double <= Partition.maximumD else { throw ModelError.dimensionTooLarge(d: d.text) }
        // Enough bits that the decimal's rounding cannot reach an integer it is not equal to.
        let value = d.value(precision: PrecisionPolicy.bits(forDigits: d.text.count) + 64)
        try validate { size in
            let n = size.value(at: value)
            return (n < 1, n == 1, { (d.text, n.formatted(significantDigits: 17).withoutTrailingZeros) })
        }
        // The floating-point stages (Newton's starts, the sweep) run at the nearest Double: a d
        // within rounding of a bound passes above and fails there, so say so now.
        do {
            try validate(d: d.double)
        } catch {
            throw ModelError.nearestDoubleInvalid(d: d.text, nearest: "\(d.double)", reason: "\(error)")
        }
    }

    /// The rule, given each block size's comparison with 1 (below, equal) and the texts of d
    /// and of the size for the message (made only for a message: the continuation asks at
    /// every point).
    private func validate(
        _ compare: (AffineSize) -> (below: Bool, one: Bool, texts: () -> (d: String, size: String))
    ) throws {
        for (index, block) in blocks.enumerated() {
            let n = compare(block.size)
            if n.below {
                let texts = n.texts()
                throw ModelError.blockTooSmall(
                    partition: description, block: index, size: block.size.description, d: texts.d, value: texts.size)
            }
            if block.hasOffDiagonal && n.one {
                throw ModelError.offDiagonalCarriesNothing(
                    partition: description, block: index, size: block.size.description, d: n.texts().d)
            }
        }
    }
}

extension String {
    /// "0.50000" as "0.5", "3.000" as "3": a decimal without zeros that say nothing.
    var withoutTrailingZeros: String {
        guard contains("."), !contains("e") else { return self }
        var text = Substring(self)
        while text.last == "0" { text = text.dropLast() }
        if text.last == "." { text = text.dropLast() }
        return String(text)
    }
}
