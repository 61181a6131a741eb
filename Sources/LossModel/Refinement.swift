/// A finer partition obtained by cutting blocks of a base partition into pieces of the same
/// kind, e.g. block `d-1` into `d-2` and `1` (docs/design.md section 3). Its fixed space contains
/// the base's, and a critical point of the base stays critical in it.
struct Refinement: Sendable {
    let base: Partition
    /// For each base block, the sizes of its pieces (one piece: the block is not cut).
    let pieces: [[AffineSize]]
    let partition: Partition
    /// For each fine block, the base block it lies in.
    let baseBlock: [Int]
    /// For each base block, the index of its first fine block.
    let firstPiece: [Int]

    init(_ base: Partition, cutting cuts: [Int: [AffineSize]] = [:]) {
        self.base = base
        pieces = base.blocks.indices.map { cuts[$0] ?? [base.blocks[$0].size] }
        var blocks: [Block] = []
        var baseBlock: [Int] = []
        var firstPiece: [Int] = []
        for (a, sizes) in pieces.enumerated() {
            firstPiece.append(blocks.count)
            for size in sizes {
                blocks.append(Block(size: size, kind: base.blocks[a].kind))
                baseBlock.append(a)
            }
        }
        partition = Partition(blocks: blocks)
        self.baseBlock = baseBlock
        self.firstPiece = firstPiece
    }

    /// Block a of size n cut into (n-1, 1).
    static func standard(_ base: Partition, _ a: Int) -> Refinement {
        Refinement(base, cutting: [a: [base.blocks[a].size - 1, .constant(1)]])
    }

    /// Block a of size n cut into (n-2, 1, 1).
    static func twoSingletons(_ base: Partition, _ a: Int) -> Refinement {
        Refinement(base, cutting: [a: [base.blocks[a].size - 2, .constant(1), .constant(1)]])
    }

    /// Blocks a and b cut into (n_a-1, 1) and (n_b-1, 1).
    static func standardPair(_ base: Partition, _ a: Int, _ b: Int) -> Refinement {
        Refinement(base, cutting: [
            a: [base.blocks[a].size - 1, .constant(1)], b: [base.blocks[b].size - 1, .constant(1)],
        ])
    }

    /// The block of `coarser` (another refinement of the same base) holding each fine block,
    /// where `pieceMap[a]` sends this refinement's pieces of base block a to `coarser`'s
    /// pieces; base blocks not listed map piece by piece, or all into one uncut block.
    func blockMap(into coarser: Refinement, pieceMap: [Int: [Int]] = [:]) -> [Int] {
        baseBlock.indices.map { f in
            let a = baseBlock[f]
            let piece = f - firstPiece[a]
            let target = pieceMap[a]?[piece] ?? (coarser.pieces[a].count == 1 ? 0 : piece)
            return coarser.firstPiece[a] + target
        }
    }
}
