/// Which isotypic part of the Hessian at a point of a fixed space (docs/design.md section 3),
/// by the blocks whose symmetric groups act on it. Parts are matched by this id, never by their
/// display name; the same id names the same part in every model of one partition.
public enum IsotypicPartID: Hashable, Sendable {
    /// The fixed space itself.
    case trivial
    /// The standard representation (n-1,1) of the symmetric group of block `block`.
    case standard(block: Int)
    /// (n-2,2) of block `block`: vectors of its (n-2,1,1) refinement even under the swap of the
    /// two singletons.
    case evenPair(block: Int)
    /// (n-2,1,1) of block `block`: the odd vectors.
    case oddPair(block: Int)
    /// The product of the standard representations of two blocks, first < second.
    case standardProduct(Int, Int)
}
