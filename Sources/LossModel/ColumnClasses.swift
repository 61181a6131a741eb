/// Two rows of a kernel term (two student rows, or a student row and a teacher column) column
/// by column, grouped into classes on which both are constant: the shape behind A, B and p
/// (docs/design.md section 2), from which ``WedgeForm`` builds u = A B - p^2 by Lagrange's identity.
///
/// Within column block b a row of paired block b has D at its own column and O at the other
/// columns, a row of any other block has C_ab throughout, and a teacher column has 1 at its
/// column and 0 elsewhere. So every block splits into the columns singled out by one of the
/// two (a student row's own column, the teacher's column), one class each, and the rest.
struct ColumnClasses {
    /// The value one of the two carries on a class of columns.
    enum Entry: Hashable {
        case variable(Int)
        case one
        case zero
    }

    /// `count` columns on which the first row is `w` and the second `v`.
    struct ColumnClass {
        let count: CountPolynomial
        let w: Entry
        let v: Entry
    }

    /// One of the two: a student row of a row block, or a teacher column (row of V) of a column
    /// block; `mark` names the column it singles out (its own column, for a row of a paired
    /// block), so that two of them can single out the same column or different ones.
    struct Row {
        enum Kind { case student, teacher }
        let kind: Kind
        let block: Int
        let mark: Int?
    }

    private(set) var classes: [ColumnClass] = []

    /// The classes of `w` and `v` over the columns of `space`. A class whose count is the
    /// constant 0 (the rest of a block of size 1, say) is left out.
    init(_ w: Row, _ v: Row, in space: FixedSpace) {
        let blocks = space.partition.blocks
        func entry(_ row: Row, block b: Int, column mark: Int?) -> Entry {
            switch row.kind {
            case .teacher:
                return row.block == b && mark != nil && mark == row.mark ? .one : .zero
            case .student:
                let variable: FixedSpace.Variable
                if row.block == b {
                    variable = mark != nil && mark == row.mark ? .diagonal(b) : .offDiagonal(b)
                } else {
                    variable = .cross(row: row.block, column: b)
                }
                guard let index = space.index(of: variable) else {
                    preconditionFailure("\(variable.name) is not a variable of \(space.partition)")
                }
                return .variable(index)
            }
        }
        for b in space.partition.columnBlocks {
            // Columns of block b singled out by either row, each a class of one column.
            let marks = Array(Set([w, v].filter { $0.block == b }.compactMap(\.mark))).sorted()
            for mark in marks {
                classes.append(ColumnClass(count: CountPolynomial(1), w: entry(w, block: b, column: mark), v: entry(v, block: b, column: mark)))
            }
            let rest = CountPolynomial.product(blocks[b].size - marks.count)
            guard !rest.isZero else { continue }
            classes.append(ColumnClass(count: rest, w: entry(w, block: b, column: nil), v: entry(v, block: b, column: nil)))
        }
    }

    /// u = sum_{k < l} c_k c_l (w_k v_l - w_l v_k)^2, minors simplified (equal monomials of
    /// opposite signs cancel, vanishing minors are dropped) and squares with the same minor
    /// (up to sign) and the same weight merged.
    var wedge: WedgeForm {
        typealias Monomial = WedgeForm.Monomial
        // w_k v_l as monomials (a teacher's entries are 1 or 0; student entries are variables).
        func product(_ a: Entry, _ b: Entry, negative: Bool) -> [Monomial] {
            switch (a, b) {
            case let (.variable(i), .variable(j)): return [Monomial(negative: negative, first: min(i, j), second: max(i, j))]
            case let (.variable(i), .one), let (.one, .variable(i)): return [Monomial(negative: negative, first: i, second: nil)]
            case (.one, .one): preconditionFailure("a constant minor: two teacher columns")
            default: return []
            }
        }
        var merged: [(weight: CountPolynomial, copies: Int, minor: [Monomial])] = []
        for k in classes.indices {
            for l in classes.indices where l > k {
                let (ck, cl) = (classes[k], classes[l])
                var monomials = product(ck.w, cl.v, negative: false) + product(cl.w, ck.v, negative: true)
                // x_i x_j - x_i x_j = 0 exactly: drop such pairs.
                if monomials.count == 2, monomials[0].first == monomials[1].first, monomials[0].second == monomials[1].second {
                    monomials = []
                }
                guard !monomials.isEmpty else { continue }
                // The square does not see the sign: make the first monomial (in index order) positive.
                monomials.sort { ($0.first, $0.second ?? -1) < ($1.first, $1.second ?? -1) }
                if monomials[0].negative {
                    monomials = monomials.map { Monomial(negative: !$0.negative, first: $0.first, second: $0.second) }
                }
                let weight = ck.count * cl.count
                if let same = merged.firstIndex(where: { $0.weight == weight && $0.minor == monomials }) {
                    merged[same].copies += 1
                } else {
                    merged.append((weight, 1, monomials))
                }
            }
        }
        return WedgeForm(squares: merged.map { w, copies, minor in
            WedgeForm.Square(weight: CountPolynomial(copies * w.numerator, over: w.denominator, factors: w.factors), minor: minor)
        })
    }
}
