import MultiPrecision

/// Everything needed to compute the full Hessian spectrum at points of one fixed space, for
/// any real d: the reduced losses of the finer partitions and how their fixed spaces nest
/// (docs/design.md section 3). Built once per partition; evaluated at many points.
public struct SpectrumModel: Sendable {
    public let loss: ReducedLoss
    let refined: [IsotypicPart.Refined]
    let parts: [IsotypicPart]
    /// The position of each part in ``parts``.
    let partIndex: [IsotypicPartID: Int]
    /// The number of distinct eigenvalues of each part at generic d (``IsotypicPart/genericCount(fine:)``).
    let eigenvalueCounts: [Int]

    public init(_ partition: Partition) {
        let space = FixedSpace(partition)
        let loss = ReducedLoss(space)
        self.loss = loss
        let identity = Refinement(partition)
        let blocks = partition.blocks
        let generic = blocks.indices.filter { blocks[$0].size != .constant(1) }
        let names = SpectrumModel.groupNames(partition, generic)

        var refined = [IsotypicPart.Refined(loss: loss, baseParent: Array(0..<space.dimension))]
        var parts = [IsotypicPart(
            id: .trivial, name: "trivial", multiplicity: CountPolynomial(1), refined: 0,
            subspaces: [], sharedSpace: nil, selection: .all)]
        func register(_ fine: FixedSpace, _ parent: [Int]) -> Int {
            refined.append(IsotypicPart.Refined(loss: ReducedLoss(fine), baseParent: parent))
            return refined.count - 1
        }

        // The fixed space of a refinement, with the base variable behind each of its variables.
        func refine(_ r: Refinement) -> (FixedSpace, [Int]) {
            let fine = FixedSpace(r.partition)
            return (fine, space.parentIndices(of: fine, blockMap: r.blockMap(into: identity)))
        }

        var standard: [Int: (Refinement, FixedSpace)] = [:]
        for a in generic {
            let n = blocks[a].size
            let r1 = Refinement.standard(partition, a)
            let (f1, parent1) = refine(r1)
            standard[a] = (r1, f1)
            parts.append(IsotypicPart(
                id: .standard(block: a), name: "standard of \(names[a, default: ""])", multiplicity: .product(n - 1),
                refined: register(f1, parent1),
                subspaces: [.init(space: space, parent: parent1)], sharedSpace: nil, selection: .complement))

            // (n-2,2) and (n-2,1,1): complement of two copies of the (n-1,1) space, split by
            // the swap of the two singletons.
            let even = CountPolynomial.product(n, n - 3, over: 2)
            let odd = CountPolynomial.product(n - 1, n - 2, over: 2)
            guard blocks[a].kind == .paired, even.canBePositive || odd.canBePositive else { continue }
            let r2 = Refinement.twoSingletons(partition, a)
            let (f2, parent2) = refine(r2)
            let fineIndex = register(f2, parent2)
            let copies = [[0, 1, 0], [0, 0, 1]].map { pieces in
                IsotypicPart.Subspace(space: f1, parent: f1.parentIndices(of: f2, blockMap: r2.blockMap(into: r1, pieceMap: [a: pieces])))
            }
            let first = r2.firstPiece[a] + 1
            let swapBlocks = r2.baseBlock.indices.map { $0 == first ? first + 1 : ($0 == first + 1 ? first : $0) }
            let swap = f2.variables.map { f2.index(of: $0.relabelled(swapBlocks)) ?? -1 }
            for (multiplicity, isEven, label) in [(even, true, "\(n - 2),2"), (odd, false, "\(n - 2),1,1")]
            where multiplicity.canBePositive {
                parts.append(IsotypicPart(
                    id: isEven ? .evenPair(block: a) : .oddPair(block: a), name: "(\(label)) of \(names[a, default: ""])", multiplicity: multiplicity, refined: fineIndex,
                    subspaces: copies, sharedSpace: space,
                    selection: .complementWithParity(permutation: swap, even: isEven)))
            }
        }

        // Products std_a x std_b, present when a row block meets a column block among a, b.
        for (i, a) in generic.enumerated() {
            for b in generic[(i + 1)...] {
                let meet = (blocks[a].kind.hasRows && blocks[b].kind.hasColumns)
                    || (blocks[b].kind.hasRows && blocks[a].kind.hasColumns)
                guard meet, let (ra, fa) = standard[a], let (rb, fb) = standard[b] else { continue }
                let rab = Refinement.standardPair(partition, a, b)
                let (fab, parentAB) = refine(rab)
                parts.append(IsotypicPart(
                    id: .standardProduct(a, b), name: "standard of \(names[a, default: ""]) x standard of \(names[b, default: ""])",
                    multiplicity: .product(blocks[a].size - 1, blocks[b].size - 1),
                    refined: register(fab, parentAB),
                    subspaces: [
                        .init(space: fa, parent: fa.parentIndices(of: fab, blockMap: rab.blockMap(into: ra))),
                        .init(space: fb, parent: fb.parentIndices(of: fab, blockMap: rab.blockMap(into: rb))),
                    ],
                    sharedSpace: space, selection: .complement))
            }
        }
        self.refined = refined
        self.parts = parts
        partIndex = Dictionary(uniqueKeysWithValues: parts.indices.map { (parts[$0].id, $0) })
        eigenvalueCounts = parts.map { $0.genericCount(fine: refined[$0.refined].loss.space) }
    }

    /// "S_{d-1}" for each block that has a standard part; blocks of equal size are told apart
    /// by their index.
    static func groupNames(_ partition: Partition, _ generic: [Int]) -> [Int: String] {
        var names: [Int: String] = [:]
        for a in generic {
            let size = partition.blocks[a].size
            let shared = generic.filter { partition.blocks[$0].size == size }.count > 1
            names[a] = "S_{\(size)}" + (shared ? "[block \(a)]" : "")
        }
        return names
    }
}

extension CountPolynomial {
    /// False only for a constant that is not positive (a part that never exists).
    var canBePositive: Bool { !factors.isEmpty || numerator > 0 }
}

extension FixedSpace.Variable {
    /// The same kind of variable with its blocks renamed by `blockMap`.
    func relabelled(_ blockMap: [Int]) -> FixedSpace.Variable {
        switch self {
        case let .diagonal(a): return .diagonal(blockMap[a])
        case let .offDiagonal(a): return .offDiagonal(blockMap[a])
        case let .cross(a, b): return .cross(row: blockMap[a], column: blockMap[b])
        }
    }
}

extension SpectrumModel {
    /// The isotypic parts, in a fixed order.
    public var partIDs: [IsotypicPartID] { parts.map(\.id) }

    /// The display names of the parts, in the order of ``partIDs``: "trivial", "standard of
    /// S_{d-1}", "(d-3,2) of S_{d-1}", ...
    public var partNames: [String] { parts.map(\.name) }

    /// The position of a part in ``partIDs`` (nil for a part this partition does not have).
    public func index(of part: IsotypicPartID) -> Int? { partIndex[part] }

    /// The display name of a part of this partition.
    public func name(of part: IsotypicPartID) -> String { partIndex[part].map { parts[$0].name } ?? "\(part)" }

    /// True when the partition is valid at d and every isotypic part is present (positive
    /// multiplicity) and computable (no refined block below size 1): where a family's spectrum
    /// is a continuous function of d.
    public func isFullyDefined(at d: Double) -> Bool {
        guard (try? loss.space.partition.validate(d: d)) != nil else { return false }
        return parts.allSatisfy { part in
            part.multiplicity.sign(at: d) > 0 && refined[part.refined].loss.space.counts.allSatisfy { $0.sign(at: d) >= 0 }
        }
    }

    /// Every eigenvalue of the listed parts (indices into ``partNames``; all by default), part
    /// by part and ascending within a part: continuous functions of the point (sorted
    /// eigenvalues are), whose sign changes are the family's transitions. Each part gives
    /// ``eigenvalueCount(ofPart:)`` values, or the call throws.
    @_specialize(where S == Double)
    @_specialize(where S == BigFloat)
    public func sortedEigenvalues<S: Scalar>(at x: [S], d: S, parts selected: [Int]? = nil) throws -> [S] {
        let indices = selected ?? Array(parts.indices)
        var sorted: [S] = []
        for (index, result) in zip(indices, try partEigenvalues(at: x, d: d, parts: indices)) {
            // An undefined part has no eigenvalues, as in its ``Spectrum``.
            let values = (try? result.values.get()) ?? []
            guard values.count == eigenvalueCounts[index] else {
                throw ModelError.undefinedPart("\(parts[index].name) has \(values.count) eigenvalues at d = \(d.doubleValue), not \(eigenvalueCounts[index])")
            }
            sorted += values
        }
        return sorted
    }

    /// The number of distinct eigenvalues of a part at generic d.
    public func eigenvalueCount(ofPart index: Int) -> Int { eigenvalueCounts[index] }
}

extension SpectrumModel {
    /// The multiplicity of a part (index into ``partNames``), as a polynomial in d.
    public func multiplicity(ofPart index: Int) -> CountPolynomial { parts[index].multiplicity }
}
