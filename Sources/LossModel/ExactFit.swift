import MultiPrecision

/// A point of a fixed space where the student network equals the teacher as a function, so
/// that the loss is exactly 0 at any real d (docs/design.md section 1): every student row is
/// zero or a positive multiple of one teacher row e_c, and on each e_c the multiples add up to
/// 1 (ReLU is positively homogeneous, so those rows sum to relu(e_c . x)). Such a point is a
/// global minimum. It is recognised from a computed point by its pattern (which entries vanish,
/// which sums are 1), to a tolerance; the loss 0 then follows from the identity, not from
/// rounding.
public struct ExactFit: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every student row on a teacher row of its own (W = V up to a permutation of rows).
        case teacher
        /// Some rows are zero (students switched off): the loss is not differentiable there.
        case zeroRows(blocks: [Int])
        /// Some teacher row is shared by several parallel student rows: the split between them
        /// is free, and the Hessian has a kernel of dimension `nullity` (d for every student
        /// row beyond the first on a teacher row: moving h from one row to another changes the
        /// network only at second order).
        case sharedTeacher(nullity: CountPolynomial)
    }

    public let kind: Kind
    /// The exact coordinates of the fit, each 1 over the number of rows it stands for (1 for a
    /// diagonal), or 0; nil at a shared teacher, where the split is free.
    let reciprocals: [AffineSize?]?

    /// The fit's exact coordinates at d, in S (an interval encloses them); nil at a shared
    /// teacher, where the fits near the point form a continuum.
    public func point<S: Scalar>(d: S) -> [S]? {
        reciprocals?.map { size in size.map { S(1, precision: d.precision) / $0.value(at: d) } ?? S(0, precision: d.precision) }
    }

    /// What one representative row of a row block does at the point.
    enum RowPattern: Equatable {
        case zero
        /// Row r of a paired block is a multiple of e_r (the diagonal D).
        case ownColumn
        /// Row r of a paired block of size 2 is a multiple of the other column of its block (O).
        case swappedColumn
        /// Every row of the block is a multiple of the single column of block `block` (size 1).
        case column(block: Int)
    }

    /// The global minimum W = V of a fixed space with k = d: every diagonal 1, every other
    /// variable 0. Nil when the space does not hold it (rows-only or columns-only blocks).
    public static func teacher(in space: FixedSpace) -> ExactFit? {
        guard space.partition.blocks.allSatisfy({ $0.kind == .paired }) else { return nil }
        let reciprocals = space.variables.map { variable -> AffineSize? in
            if case .diagonal = variable { return .constant(1) }
            return nil
        }
        return ExactFit(kind: .teacher, reciprocals: reciprocals)
    }

    /// The fit near `x`, if there is one: entries within `tolerance` of 0 count as zero, and
    /// each teacher row's multiples must add up to 1 within `tolerance`.
    public static func recognize<S: Scalar>(_ x: [S], space: FixedSpace, d: S, tolerance: S) -> ExactFit? {
        let partition = space.partition
        let value = { (variable: FixedSpace.Variable) -> S? in space.index(of: variable).map { x[$0] } }
        let isZero = { (v: S?) -> Bool in v.map { $0.magnitude <= tolerance } ?? true }
        var patterns: [Int: RowPattern] = [:]
        var reciprocals = [AffineSize?](repeating: nil, count: space.dimension)
        for a in partition.rowBlocks {
            var nonzero: [RowPattern] = []
            for b in partition.columnBlocks {
                if a == b {
                    if !isZero(value(.diagonal(a))) { nonzero.append(.ownColumn) }
                    if !isZero(value(.offDiagonal(a))) {
                        guard partition.blocks[a].size == .constant(2) else { return nil }
                        nonzero.append(.swappedColumn)
                    }
                } else if !isZero(value(.cross(row: a, column: b))) {
                    guard partition.blocks[b].size == .constant(1) else { return nil }
                    nonzero.append(.column(block: b))
                }
            }
            guard nonzero.count <= 1 else { return nil }
            patterns[a] = nonzero.first ?? .zero
        }
        // Each teacher row's multiples: positive, adding up to 1.
        for b in partition.columnBlocks {
            var sum = S(0, precision: d.precision)
            for a in partition.rowBlocks {
                let entry: S?
                switch patterns[a] {
                case .ownColumn where a == b: entry = value(.diagonal(a))
                case .swappedColumn where a == b: entry = value(.offDiagonal(a))
                case .column(block: b): entry = value(.cross(row: a, column: b)).map { $0 * partition.blocks[a].size.value(at: d) }
                default: entry = nil
                }
                guard let entry else { continue }
                guard entry > S(0) else { return nil }
                let variable: FixedSpace.Variable = a != b ? .cross(row: a, column: b) : patterns[a] == .ownColumn ? .diagonal(a) : .offDiagonal(a)
                if let index = space.index(of: variable) { reciprocals[index] = a == b ? .constant(1) : partition.blocks[a].size }
                sum = sum + entry
            }
            guard (sum - S(1)).magnitude <= tolerance else { return nil }
        }
        // Every nonzero row is on a teacher row and every teacher row is covered: the rows
        // beyond one per teacher row number (nonzero rows) - d, and each adds d to the kernel.
        let zeroBlocks = partition.rowBlocks.filter { patterns[$0] == .zero }
        let nonzeroRows = partition.rowBlocks.filter { patterns[$0] != .zero }.map { partition.blocks[$0].size }.reduce(.constant(0), +)
        let extra = AffineSize(slope: nonzeroRows.slope - 1, offset: nonzeroRows.offset)
        let exact = extra == .constant(0) ? reciprocals : nil
        if !zeroBlocks.isEmpty { return ExactFit(kind: .zeroRows(blocks: zeroBlocks), reciprocals: exact) }
        if extra == .constant(0) { return ExactFit(kind: .teacher, reciprocals: exact) }
        return ExactFit(kind: .sharedTeacher(nullity: .product(extra, .d)), reciprocals: nil)
    }
}
