import MultiPrecision

/// One isotypic part of the Hessian at a point of a fixed space, and how to compute it from
/// the reduced loss of a finer partition (docs/design.md section 3).
struct IsotypicPart: Sendable {
    /// A finer fixed space with its reduced loss, and the base variable whose value each of
    /// its variables takes at an embedded base point.
    struct Refined: Sendable {
        let loss: ReducedLoss
        let baseParent: [Int]
    }

    /// Which vectors of the fine space carry the part.
    enum Selection: Sendable {
        /// The whole fixed space: the pencil (H, M) itself.
        case all
        /// The M-orthogonal complement of the listed embedded subspaces.
        case complement
        /// Of that complement, the vectors even (or odd) under a permutation of variables.
        case complementWithParity(permutation: [Int], even: Bool)
    }

    /// A subspace of the fine space: the image of a coarser fixed space, given by the coarser
    /// variable that feeds each fine variable.
    struct Subspace: Sendable {
        let space: FixedSpace
        let parent: [Int]
    }

    let id: IsotypicPartID
    let name: String
    let multiplicity: CountPolynomial
    /// Index of the refined fixed space in ``SpectrumModel``'s list (parts share them).
    let refined: Int
    let subspaces: [Subspace]
    /// Dimension shared by the subspaces (the base fixed space, embedded in each of them).
    let sharedSpace: FixedSpace?
    let selection: Selection
}

extension IsotypicPart {
    /// How many distinct eigenvalues the part has where every variable of its refined space
    /// fills entries (generic d): the number of copies of the irrep in the Hessian.
    func genericCount(fine: FixedSpace) -> Int {
        let shared = sharedSpace?.dimension ?? 0
        let dimensions = subspaces.map(\.space.dimension)
        let rank = dimensions.reduce(0, +) - (dimensions.count > 1 ? shared : 0)
        switch selection {
        case .all:
            return fine.dimension
        case .complement:
            return fine.dimension - rank
        case let .complementWithParity(permutation, even):
            let fixed = permutation.indices.filter { permutation[$0] == $0 }.count
            let pairs = (fine.dimension - fixed) / 2
            let copy = dimensions.first ?? 0
            return even ? fixed + pairs - copy : pairs - (copy - shared)
        }
    }
}
