import MultiPrecision

/// The fixed-point space of a partition: its named variables and how many entries of the
/// k x d weight matrix each one fills (docs/design.md section 2).
public struct FixedSpace: Hashable, Sendable {
    /// What a variable is: the diagonal or off-diagonal value of a paired block, or the single
    /// value of a (row block, column block) rectangle.
    public enum Variable: Hashable, Sendable {
        case diagonal(Int)
        case offDiagonal(Int)
        case cross(row: Int, column: Int)

        public var name: String {
            switch self {
            case let .diagonal(a): return "D\(a)"
            case let .offDiagonal(a): return "O\(a)"
            case let .cross(a, b): return "C\(a)_\(b)"
            }
        }
    }

    public let partition: Partition
    /// For each row-bearing block a and each column-bearing block b, in that order: `D<a>`
    /// then `O<a>` when a = b is paired (no `O<a>` for the constant size 1), else `C<a>_<b>`.
    public let variables: [Variable]
    /// Entries of the weight matrix that each variable fills: the metric M of docs/design.md
    /// section 3. Stored, since the spectrum reads them at every point.
    public let counts: [CountPolynomial]

    public init(_ partition: Partition) {
        self.partition = partition
        var variables: [Variable] = []
        for a in partition.rowBlocks {
            for b in partition.columnBlocks {
                if a == b {
                    variables.append(.diagonal(a))
                    if partition.blocks[a].hasOffDiagonal { variables.append(.offDiagonal(a)) }
                } else {
                    variables.append(.cross(row: a, column: b))
                }
            }
        }
        self.variables = variables
        counts = variables.map { variable in
            let size = { (a: Int) in partition.blocks[a].size }
            switch variable {
            case let .diagonal(a): return .product(size(a))
            case let .offDiagonal(a): return .product(size(a), size(a) - 1)
            case let .cross(a, b): return .product(size(a), size(b))
            }
        }
    }

    public var dimension: Int { variables.count }
    public var names: [String] { variables.map(\.name) }

    public func index(of variable: Variable) -> Int? { variables.firstIndex(of: variable) }

    /// The variable of this (coarser) space that supplies the value of each variable of
    /// `fine`, where `blockMap[f]` is the block of this partition that fine block f lies in.
    /// A rectangle between two pieces of one paired block is off-diagonal there.
    public func parentIndices(of fine: FixedSpace, blockMap: [Int]) -> [Int] {
        fine.variables.map { variable -> Int in
            let parent: Variable
            switch variable {
            case let .diagonal(a): parent = .diagonal(blockMap[a])
            case let .offDiagonal(a): parent = .offDiagonal(blockMap[a])
            case let .cross(a, b):
                parent = blockMap[a] == blockMap[b] ? .offDiagonal(blockMap[a]) : .cross(row: blockMap[a], column: blockMap[b])
            }
            guard let index = index(of: parent) else {
                preconditionFailure("fine variable \(variable.name) has no parent \(parent.name) in \(partition)")
            }
            return index
        }
    }
}
