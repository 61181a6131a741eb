import MultiPrecision

/// A student row w split into alpha w and (1 - alpha) w, 0 < alpha < 1: a network with one
/// student more and the same function (ReLU is positively homogeneous), so a critical point
/// of k students becomes one of k + 1 with the same loss, its two new rows parallel (the
/// companion paper's annihilation of spurious minima by over-parameterisation).
///
/// In fixed-space terms the block gives up one row: block b of size n becomes a block of size
/// n - 1 and one of size 1 (the row alpha w, with its column if b is paired), and a rows-only
/// block of size 1 holds (1 - alpha) w. Every other block is unchanged.
public struct RowSplit: Sendable {
    public let coarse: Partition
    /// The block a row is taken from.
    public let block: Int
    /// The partition of the split point.
    public let fine: Partition

    enum Role: Equatable {
        case unchanged
        /// The n - 1 rows of block b that are not split.
        case rest
        /// The split row, alpha w.
        case split
        /// The new row, (1 - alpha) w.
        case copy
    }

    /// Per fine block: the coarse block it comes from and what it is.
    let roles: [(coarse: Int, role: Role)]

    /// Throws when `block` is not a block of `coarse` with rows.
    public init(_ coarse: Partition, block: Int) throws {
        guard coarse.blocks.indices.contains(block) else {
            throw ModelError.invalidSplit("block \(block) does not exist: \(coarse) has blocks 0 to \(coarse.blocks.count - 1)")
        }
        let kind = coarse.blocks[block].kind
        guard kind.hasRows else {
            throw ModelError.invalidSplit("block \(block) of \(coarse) is columns only: it has no student row to split")
        }
        var blocks: [Block] = []
        var roles: [(Int, Role)] = []
        for (i, original) in coarse.blocks.enumerated() {
            guard i == block else {
                blocks.append(original)
                roles.append((i, .unchanged))
                continue
            }
            let rest = original.size - 1
            if rest != .constant(0) {
                blocks.append(Block(size: rest, kind: kind))
                roles.append((i, .rest))
            }
            blocks.append(Block(size: .constant(1), kind: kind))
            roles.append((i, .split))
        }
        blocks.append(Block(size: .constant(1), kind: .rowsOnly))
        roles.append((block, .copy))
        guard blocks.count <= Partition.maximumBlocks else {
            throw ModelError.invalidSplit("the split point's partition would have \(blocks.count) blocks; at most \(Partition.maximumBlocks) are supported")
        }
        self.coarse = coarse
        self.block = block
        self.fine = Partition(blocks: blocks)
        self.roles = roles
    }

    /// The coordinates of the split point in the fine space, from a point `x` of the coarse
    /// space: each fine variable takes the value of the coarse entry it copies, scaled by
    /// alpha on the split row and by 1 - alpha on the new one.
    public func embed<S: Scalar>(_ x: [S], alpha: S) -> [S] {
        let coarseSpace = FixedSpace(coarse)
        let splitPiece = roles.firstIndex { $0.role == .split }
        let one = S(1, precision: alpha.precision)
        return FixedSpace(fine).variables.map { variable -> S in
            let (row, column, onDiagonal): (Int, Int, Bool)
            switch variable {
            case let .diagonal(f): (row, column, onDiagonal) = (f, f, true)
            case let .offDiagonal(f): (row, column, onDiagonal) = (f, f, false)
            // The new row is a copy of the split one: its entry in the split row's own column
            // is the diagonal.
            case let .cross(f, g): (row, column, onDiagonal) = (f, g, roles[f].role == .copy && g == splitPiece)
            }
            let (a, b) = (roles[row].coarse, roles[column].coarse)
            let source: FixedSpace.Variable = a == b ? (onDiagonal ? .diagonal(a) : .offDiagonal(a)) : .cross(row: a, column: b)
            guard let index = coarseSpace.index(of: source) else {
                preconditionFailure("fine variable \(variable.name) has no coarse entry \(source.name) in \(coarse)")
            }
            switch roles[row].role {
            case .split: return alpha * x[index]
            case .copy: return (one - alpha) * x[index]
            case .unchanged, .rest: return x[index]
            }
        }
    }
}
