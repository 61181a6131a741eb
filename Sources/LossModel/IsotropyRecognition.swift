import MultiPrecision

/// Finds the largest partition-type isotropy of a point of a fixed space: the coarsest
/// partition, obtained by merging blocks, whose fixed space still contains the point
/// (docs/design.md section 9). A point of Fix(d-1,1) with D0 = D1 and O0 = C0_1 = C1_0 lies in
/// Fix(d), the fixed space of Delta S_d.
public enum IsotropyRecognition {
    /// A coarser partition and the point in its variables.
    public struct Result<S: Scalar>: Sendable {
        public let partition: Partition
        public let x: [S]
    }

    /// Merges pairs of blocks of the same kind into one block of the summed size, as long as
    /// the point's values agree within `tolerance` (absolute) on every variable of the merged
    /// partition; the first mergeable pair in block order is merged first, and the search
    /// starts again from the merged partition until no pair merges.
    public static func coarsest<S: Scalar>(_ partition: Partition, _ x: [S], tolerance: S) -> Result<S> {
        var current = Result(partition: partition, x: x)
        while let merged = firstMerge(current, tolerance: tolerance) { current = merged }
        return current
    }

    /// The first pair (a, b), a < b, whose merge keeps the point.
    static func firstMerge<S: Scalar>(_ fine: Result<S>, tolerance: S) -> Result<S>? {
        let blocks = fine.partition.blocks
        for a in blocks.indices {
            for b in blocks.indices where b > a && blocks[b].kind == blocks[a].kind {
                if let merged = merge(fine, a, b, tolerance: tolerance) { return merged }
            }
        }
        return nil
    }

    /// Blocks a < b of `fine` merged into one block at the place of a; nil unless every
    /// variable of the merged partition receives values that agree within `tolerance`.
    static func merge<S: Scalar>(_ fine: Result<S>, _ a: Int, _ b: Int, tolerance: S) -> Result<S>? {
        let blocks = fine.partition.blocks
        var coarseBlocks = blocks
        coarseBlocks[a] = Block(size: blocks[a].size + blocks[b].size, kind: blocks[a].kind)
        coarseBlocks.remove(at: b)
        let coarse = Partition(blocks: coarseBlocks)
        // Cutting the merged block back into (size a, size b) must give the fine partition, up
        // to the order of its blocks: the pieces of a and b come next to each other.
        let cut = Refinement(coarse, cutting: [a: [blocks[a].size, blocks[b].size]])
        let order = blocks.indices.filter { $0 != b }.flatMap { $0 == a ? [a, b] : [$0] }
        guard cut.partition.blocks == order.map({ blocks[$0] }) else { return nil }
        var position = Array(repeating: 0, count: blocks.count)
        for (place, block) in order.enumerated() { position[block] = place }

        let fineSpace = FixedSpace(fine.partition)
        let cutSpace = FixedSpace(cut.partition)
        let coarseSpace = FixedSpace(coarse)
        let parents = coarseSpace.parentIndices(of: cutSpace, blockMap: cut.baseBlock)
        var groups = Array(repeating: [S](), count: coarseSpace.dimension)
        for (i, variable) in fineSpace.variables.enumerated() {
            guard let j = cutSpace.index(of: variable.relabelled(position)) else { return nil }
            groups[parents[j]].append(fine.x[i])
        }
        var y: [S] = []
        for values in groups {
            guard let first = values.first,
                  let low = values.min(), let high = values.max(), high - low <= tolerance
            else { return nil }
            y.append(values.dropFirst().reduce(first, +) / S(values.count))
        }
        return Result(partition: coarse, x: y)
    }
}
