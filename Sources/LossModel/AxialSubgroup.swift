/// A subgroup H of a fixed space's isotropy whose fixed space meets one isotypic part in a line
/// (an axial subgroup of that irrep), of partition type: by the equivariant branching lemma a
/// branch of critical points with isotropy H crosses the family where an eigenvalue of the part
/// passes through zero (docs/design.md section 4b). The branch lives in the reduced loss of
/// ``fine``, a refinement of the family's partition, into which the family embeds.
public struct AxialSubgroup: Sendable, Equatable {
    /// The crossing part.
    public let part: IsotypicPartID
    /// The partition of Fix(H).
    public let fine: Partition
    /// For each variable of the fine space, the variable of the family's space whose value it
    /// copies at a point of the family (``FixedSpace/parentIndices(of:blockMap:)``).
    public let embedding: [Int]
    /// Which block is cut into which pieces, e.g. "block 0 (d-1) into d-2,1".
    public let split: String
    /// Set when a symmetry of the problem that normalizes H acts as -1 on the line: the
    /// quadratic coefficient of the bifurcation equation is then 0 by symmetry, and the
    /// bifurcation a pitchfork. The text names the symmetry.
    public let oddSymmetry: String?

    /// The axial subgroups of partition type of `part` at a point of `partition`: for the
    /// standard representation of a block of size n, S_{n-p} x S_p for p = 1 ... `maxSplit`
    /// (p <= n/2 when n is a constant); for (n-2,1,1), S_{n-2} x S_1 x S_1; for (n-2,2),
    /// S_{n-2} x S_2; for a product of two standard representations, both blocks cut (n-1, 1)
    /// (a pitchfork when one block has size 2).
    /// None for the trivial part (a transition there is a fold or a branch point of the
    /// family's own space).
    public static func candidates(of part: IsotypicPartID, in partition: Partition, maxSplit: Int) -> [AxialSubgroup] {
        let blocks = partition.blocks
        func make(_ cuts: [Int: [AffineSize]], _ split: String, odd: String?) -> AxialSubgroup {
            let refinement = Refinement(partition, cutting: cuts)
            let embedding = FixedSpace(partition).parentIndices(
                of: FixedSpace(refinement.partition), blockMap: refinement.blockMap(into: Refinement(partition)))
            return AxialSubgroup(part: part, fine: refinement.partition, embedding: embedding, split: split, oddSymmetry: odd)
        }
        func describe(_ a: Int, _ pieces: [AffineSize]) -> String {
            "block \(a) (\(blocks[a].size)) into \(pieces.map(\.description).joined(separator: ","))"
        }
        switch part {
        case .trivial:
            return []
        case let .standard(a):
            let n = blocks[a].size
            let largest = n.isConstant ? min(maxSplit, n.offset / 2) : maxSplit
            guard largest >= 1 else { return [] }
            return (1...largest).map { p in
                let pieces = [n - p, .constant(p)]
                let halves = n.isConstant && 2 * p == n.offset
                return make([a: pieces], describe(a, pieces), odd: halves ? "the swap of the two halves of block \(a)" : nil)
            }
        case let .oddPair(a):
            let pieces = [blocks[a].size - 2, .constant(1), .constant(1)]
            return [make([a: pieces], describe(a, pieces), odd: "the swap of the two singletons of block \(a)")]
        case let .evenPair(a):
            let pieces = [blocks[a].size - 2, .constant(2)]
            return [make([a: pieces], describe(a, pieces), odd: nil)]
        case let .standardProduct(a, b):
            // The kernel line is u (x) w, u and w fixed by S_{n-1} in each block's standard
            // representation. For a block of size 2 the standard representation is the sign of
            // its swap, which normalizes the subgroup and reverses the line.
            let first = [blocks[a].size - 1, .constant(1)], second = [blocks[b].size - 1, .constant(1)]
            let pair = [a, b].first { blocks[$0].size == .constant(2) }
            return [make(
                [a: first, b: second], describe(a, first) + " and " + describe(b, second),
                odd: pair.map { "the swap of the two halves of block \($0)" })]
        }
    }
}
