/// Student rows exchanged: the loss does not change when two student neurons trade places, so
/// the image of a critical point is a critical point with the same loss and spectrum. A few of
/// these exchanges keep a partition's fixed space and act on its variables by a permutation
/// (docs/design.md section 10); the image of a point can then have a coarser isotropy than the
/// point, which makes the point a copy of a point of that coarser space.
extension FixedSpace {
    /// A permutation of the variables: `x'[i] = x[source[i]]`.
    public struct RowSwap: Hashable, Sendable {
        public let source: [Int]

        public func apply<T>(_ x: [T]) -> [T] { source.map { x[$0] } }
    }

    /// The row exchanges that keep this space: the two rows of a paired block of constant size
    /// 2 (its diagonal and off-diagonal values trade places), and the single rows of two row
    /// blocks of constant size 1 (paired or rows-only: their entries in every column block
    /// trade places, a paired row's diagonal with the other row's entry in its column).
    public var rowSwaps: [RowSwap] {
        let blocks = partition.blocks
        var swaps: [RowSwap] = []
        let identity = Array(variables.indices)
        for a in partition.rowBlocks where blocks[a].kind == .paired && blocks[a].size == .constant(2) {
            guard let d = index(of: .diagonal(a)), let o = index(of: .offDiagonal(a)) else { continue }
            var source = identity
            source.swapAt(d, o)
            swaps.append(RowSwap(source: source))
        }
        let singles = partition.rowBlocks.filter { blocks[$0].size == .constant(1) }
        for (i, a) in singles.enumerated() {
            for b in singles.dropFirst(i + 1) {
                var source = identity
                for c in partition.columnBlocks {
                    guard let p = index(of: entry(row: a, column: c)), let q = index(of: entry(row: b, column: c)) else { continue }
                    source.swapAt(p, q)
                }
                swaps.append(RowSwap(source: source))
            }
        }
        return swaps
    }

    /// The variable holding row block `a`'s entries in column block `c`.
    private func entry(row a: Int, column c: Int) -> Variable { a == c ? .diagonal(a) : .cross(row: a, column: c) }
}
