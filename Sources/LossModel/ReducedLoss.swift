import MultiPrecision

/// The loss restricted to a fixed-point space, as an explicit closed form in the space's
/// variables and in d (docs/design.md sections 1-2):
///
///     L = quadratic(x; d) + teacherOverPi(d)/pi + sum_t weight_t(d) * g(A_t, B_t, p_t)
///
/// where the quadratic part gathers the self terms f(w, w) = |w|^2/2 (and the teacher's
/// d/4), and each kernel term is one kind of pair of rows (two rows of one block, rows of two
/// blocks, a row and a teacher column) with its signed count (negative for the student-teacher
/// pairs). The teacher constant is
/// 1/2 sum_{j,j'} f(v_j, v_j') = d/4 + d(d-1)/(4 pi).
public struct ReducedLoss: Sendable {
    struct KernelTerm: Sendable {
        /// Signed count of pairs of this kind (with the 1/2 of the double sum).
        let weight: CountPolynomial
        var a: QuadraticForm
        /// `nil` for a teacher column, whose squared norm is 1.
        var b: QuadraticForm?
        var p: QuadraticForm
        /// u = A B - p^2 as a sum of squared minors, accurate near parallel rows (``WedgeForm``).
        var wedge: WedgeForm
        /// Which pair this is, for messages.
        let pair: String
        /// The blocks of the pair's two rows (nil for a teacher column), to say which row is zero.
        let blocks: (first: Int, second: Int?)
        /// The positions of `a`, `b` and `p` in ``ReducedLoss/forms``.
        var formIndex = (a: 0, b: Int?.none, p: 0)
        /// The weight's slot in ``ReducedLoss/counts``.
        var weightSlot = 0

        /// The block of the zero row: the first of the pair (A = 0) or the second (B = 0).
        func zeroRow(first: Bool) -> Int {
            first ? blocks.first : blocks.second ?? blocks.first
        }
    }

    public let space: FixedSpace
    let quadratic: QuadraticForm
    let teacherOverPi: CountPolynomial
    let kernelTerms: [KernelTerm]
    /// The distinct forms among the kernel terms' A, B and p: a row's squared norm enters every
    /// pair of that row, and its jet is the same, so an evaluation computes each once.
    let forms: [QuadraticForm]
    /// What one evaluation appends to its ``JetTable`` at most: the quadratic part, the forms,
    /// and each term's wedge and weight.
    let jetCapacity: JetCapacity
    /// The distinct counts of all of the above (``CountValues``).
    let counts: CountSlots

    public init(_ space: FixedSpace) {
        self.space = space
        let partition = space.partition
        let blocks = partition.blocks
        let size = { (a: Int) in blocks[a].size }
        let one = CountPolynomial(1)
        func index(_ v: FixedSpace.Variable) -> Int? { space.index(of: v) }
        // The pair's u = A B - p^2 from its columns; the student row w singles out column
        // label 0 (its own column), the other row label 1.
        func wedge(_ w: Int, _ v: ColumnClasses.Row) -> WedgeForm {
            ColumnClasses(ColumnClasses.Row(kind: .student, block: w, mark: 0), v, in: space).wedge
        }

        // Squared norm of a row of block a.
        func rowNorm(_ a: Int) -> QuadraticForm {
            var form = QuadraticForm()
            for b in partition.columnBlocks {
                if a == b {
                    form.add(one, index(.diagonal(a)), index(.diagonal(a)))
                    if let o = index(.offDiagonal(a)) { form.add(.product(size(a) - 1), o, o) }
                } else if let c = index(.cross(row: a, column: b)) {
                    form.add(.product(size(b)), c, c)
                }
            }
            return form
        }
        let norms = Dictionary(uniqueKeysWithValues: partition.rowBlocks.map { ($0, rowNorm($0)) })

        var quadratic = QuadraticForm()
        quadratic.add(CountPolynomial(1, over: 4, factors: [.d]))
        var terms: [KernelTerm] = []
        for a in partition.rowBlocks {
            guard let normA = norms[a] else { continue }
            // Self pairs f(w, w) = |w|^2/2, with the 1/2 of the double sum; identical rows of a
            // rows-only block (theta = 0) add the same for every ordered pair.
            let selfPairs: CountPolynomial = blocks[a].kind == .rowsOnly
                ? .product(size(a), size(a), over: 4) : .product(size(a), over: 4)
            for term in normA.terms { quadratic.add(selfPairs * term.coefficient, term.first, term.second) }

            // Two distinct rows of one paired block.
            if let d = index(.diagonal(a)), let o = index(.offDiagonal(a)) {
                var inner = QuadraticForm()
                inner.add(CountPolynomial(2), d, o)
                inner.add(.product(size(a) - 2), o, o)
                for b in partition.columnBlocks where b != a {
                    if let c = index(.cross(row: a, column: b)) { inner.add(.product(size(b)), c, c) }
                }
                terms.append(KernelTerm(
                    weight: .product(size(a), size(a) - 1, over: 2), a: normA, b: normA, p: inner,
                    wedge: wedge(a, ColumnClasses.Row(kind: .student, block: a, mark: 1)),
                    pair: "two rows of block \(a)", blocks: (a, a)))
            }
            // Rows of two different blocks.
            for other in partition.rowBlocks where other > a {
                guard let normOther = norms[other] else { continue }
                terms.append(KernelTerm(
                    weight: .product(size(a), size(other)), a: normA, b: normOther,
                    p: crossInnerProduct(a, other),
                    wedge: wedge(a, ColumnClasses.Row(kind: .student, block: other, mark: 1)),
                    pair: "rows of blocks \(a) and \(other)", blocks: (a, other)))
            }
            // A row against the teacher columns.
            for b in partition.columnBlocks {
                // `column`: the teacher's column label (0 when it is the row's own column).
                func teacher(_ weight: CountPolynomial, _ v: Int?, column: Int, _ what: String) {
                    guard let v else { return }
                    var p = QuadraticForm()
                    p.add(one, v)
                    terms.append(KernelTerm(
                        weight: -weight, a: normA, b: nil, p: p,
                        wedge: wedge(a, ColumnClasses.Row(kind: .teacher, block: b, mark: column)), pair: what, blocks: (a, nil)))
                }
                if a == b {
                    teacher(.product(size(a)), index(.diagonal(a)), column: 0, "a row of block \(a) and its own teacher column")
                    teacher(.product(size(a), size(a) - 1), index(.offDiagonal(a)), column: 1, "a row of block \(a) and another teacher column of its block")
                } else {
                    teacher(.product(size(a), size(b)), index(.cross(row: a, column: b)), column: 1, "a row of block \(a) and a teacher column of block \(b)")
                }
            }
        }

        // w_a . w_a'' for rows of two different blocks (docs/design.md section 2).
        func crossInnerProduct(_ a: Int, _ other: Int) -> QuadraticForm {
            var form = QuadraticForm()
            for b in partition.columnBlocks {
                for (mine, theirs) in [(a, other), (other, a)] where b == mine {
                    // Row of `mine` over its own columns: D once and O (n-1) times, against
                    // the constant C_theirs_mine.
                    guard let c = index(.cross(row: theirs, column: mine)) else { continue }
                    form.add(one, index(.diagonal(mine)), c)
                    if let o = index(.offDiagonal(mine)) { form.add(.product(size(mine) - 1), o, c) }
                }
                if b != a && b != other,
                   let c1 = index(.cross(row: a, column: b)), let c2 = index(.cross(row: other, column: b)) {
                    form.add(.product(size(b)), c1, c2)
                }
            }
            return form
        }

        self.teacherOverPi = CountPolynomial(1, over: 4, factors: [.d, .d - 1])
        var forms: [QuadraticForm] = []
        func position(_ form: QuadraticForm) -> Int {
            if let known = forms.firstIndex(of: form) { return known }
            forms.append(form)
            return forms.count - 1
        }
        for t in terms.indices {
            terms[t].formIndex = (position(terms[t].a), terms[t].b.map(position), position(terms[t].p))
        }
        var counts = CountSlots()
        quadratic.assignSlots(&counts)
        for f in forms.indices { forms[f].assignSlots(&counts) }
        for t in terms.indices {
            terms[t].a.assignSlots(&counts)
            terms[t].b?.assignSlots(&counts)
            terms[t].p.assignSlots(&counts)
            terms[t].wedge.assignSlots(&counts)
            terms[t].weightSlot = counts.slot(of: terms[t].weight)
        }
        self.quadratic = quadratic
        self.counts = counts
        self.kernelTerms = terms
        self.forms = forms
        jetCapacity = ([quadratic.capacity] + forms.map(\.capacity) + terms.map(\.wedge.capacity))
            .reduce(JetCapacity(jets: terms.count, gradient: terms.count, hessian: terms.count)) { total, part in
                JetCapacity(
                    jets: total.jets + part.jets, gradient: total.gradient + part.gradient,
                    hessian: total.hessian + part.hessian, slots: Swift.max(total.slots, part.slots))
            }
    }
}
