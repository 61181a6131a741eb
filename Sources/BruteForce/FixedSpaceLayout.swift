import LinearAlgebra
import MultiPrecision

/// The fixed-point space of a partition-type isotropy group at one integer d, spelled out
/// entry by entry (docs/design.md section 2), written independently of the reduced model so
/// that the two can be compared.
///
/// Rows and columns are laid out block after block in block order. For a row-bearing block
/// a and a column-bearing block b, the entries of rows a and columns b carry the variables
/// D<a> (matched entries) and O<a> (the others) when a == b, else the single variable C<a>_<b>.
public struct FixedSpaceLayout: Sendable {
    /// Whether a block's symmetric group acts on rows and columns at once, on rows only or on
    /// columns only.
    public enum BlockKind: Sendable, Hashable {
        case paired, rowsOnly, columnsOnly

        var hasRows: Bool { self != .columnsOnly }
        var hasColumns: Bool { self != .rowsOnly }
    }

    /// One block: its size at this d, its kind, and whether a paired block has the
    /// off-diagonal variable O (false exactly when its size is the constant 1 in the
    /// partition text; a block of size d-9 at d = 10 still has one, filling no entry).
    public typealias Block = (size: Int, kind: BlockKind, hasOffDiagonal: Bool)

    /// The blocks; hasOffDiagonal is stored as false for blocks that are not paired, where it
    /// means nothing.
    public let blocks: [Block]
    /// k: the sizes of the row-bearing blocks added up.
    public let rows: Int
    /// d: the sizes of the column-bearing blocks added up.
    public let columns: Int
    /// The variables in the project's order: for each row-bearing block a, for each
    /// column-bearing block b (both in block order), D<a> then O<a> if a == b, else C<a>_<b>.
    public let variableNames: [String]
    /// How many entries of W each variable fills: the metric M of docs/design.md section 3. They
    /// add up to k d.
    public let counts: [Double]
    /// For W's entry (i, j), at index i * d + j, the index of the variable it carries: the
    /// 0/1 embedding E of the fixed space, one column index per row.
    let variableOfEntry: [Int]

    /// Throws ``BruteForceError/invalidLayout(_:)`` for a block smaller than 1, a paired block
    /// of size above 1 without the off-diagonal variable (its entries would carry nothing), or
    /// no rows or no columns at all.
    public init(blocks: [Block]) throws {
        let blocks: [Block] = blocks.map { ($0.size, $0.kind, $0.kind == .paired && $0.hasOffDiagonal) }
        self.blocks = blocks
        for (a, block) in blocks.enumerated() {
            guard block.size >= 1 else {
                throw BruteForceError.invalidLayout("block \(a) has size \(block.size) < 1")
            }
            guard block.kind != .paired || block.size == 1 || block.hasOffDiagonal else {
                throw BruteForceError.invalidLayout("paired block \(a) of size \(block.size) needs its off-diagonal variable")
            }
        }
        let rowBlocks = blocks.indices.filter { blocks[$0].kind.hasRows }
        let columnBlocks = blocks.indices.filter { blocks[$0].kind.hasColumns }
        rows = rowBlocks.reduce(0) { $0 + blocks[$1].size }
        columns = columnBlocks.reduce(0) { $0 + blocks[$1].size }
        guard rows > 0, columns > 0 else {
            throw BruteForceError.invalidLayout("\(rows) rows and \(columns) columns")
        }

        // Variables of one (row block, column block) pair are consecutive, so the entries are
        // filled in the same sweep that names the variables.
        var names: [String] = []
        var entries = [Int](repeating: 0, count: rows * columns)
        var filled: [Double] = []
        var rowStart = 0
        for a in rowBlocks {
            var columnStart = 0
            for b in columnBlocks {
                let first = names.count
                let hasOffDiagonal = a == b && blocks[a].hasOffDiagonal
                names.append(a == b ? "D\(a)" : "C\(a)_\(b)")
                if hasOffDiagonal { names.append("O\(a)") }
                filled.append(contentsOf: repeatElement(0, count: names.count - first))
                for i in 0..<blocks[a].size {
                    for j in 0..<blocks[b].size {
                        let index = hasOffDiagonal && i != j ? first + 1 : first
                        entries[(rowStart + i) * columns + columnStart + j] = index
                        filled[index] += 1
                    }
                }
                columnStart += blocks[b].size
            }
            rowStart += blocks[a].size
        }
        variableNames = names
        variableOfEntry = entries
        counts = filled
    }

    /// W (k x d) of the fixed-space point with these variable values, in ``variableNames`` order.
    public func weights(_ values: [Double]) throws -> Matrix<Double> {
        guard values.count == variableNames.count else {
            throw BruteForceError.valueCount(expected: variableNames.count, got: values.count)
        }
        return embed(values)
    }

    /// E x, for a value count already checked.
    func embed(_ values: [Double]) -> Matrix<Double> {
        var w = Matrix<Double>(rows: rows, columns: columns, repeating: 0)
        w.elements = variableOfEntry.map { values[$0] }
        return w
    }
}
