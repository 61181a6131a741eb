import MultiPrecision

/// The distinct count polynomials of one reduced loss (pair counts, the counts inside its
/// norms and inner products, the weights of its wedge forms), each with a slot number.
///
/// Why: one count enters many terms (n_b multiplies every C_ab^2 of every row norm, and the
/// same pair count recurs in many wedge forms), and every term used to evaluate its own by
/// Horner's rule, copying the polynomial's two arrays each time: about 250 evaluations for the
/// Hessian of a 17-variable refined space, of about 30 distinct polynomials. Evaluated once
/// per slot the values are the same bits: the same function of the same d.
struct CountSlots: Sendable {
    private(set) var polynomials: [CountPolynomial] = []
    private var slots: [CountPolynomial: Int] = [:]

    /// The slot of `polynomial`, numbered on first sight.
    mutating func slot(of polynomial: CountPolynomial) -> Int {
        if let known = slots[polynomial] { return known }
        polynomials.append(polynomial)
        slots[polynomial] = polynomials.count - 1
        return polynomials.count - 1
    }

    /// Every polynomial's value and first two derivatives at `d`.
    func values<S: Scalar>(at d: S) -> CountValues<S> {
        CountValues(d: d, values: polynomials.map { $0.evaluate(at: d) })
    }
}

/// ``CountSlots/values(at:)``: the counts of one reduced loss at one d, by slot. A search at
/// fixed d evaluates them once for all its Newton steps.
struct CountValues<S: Scalar> {
    /// The d they were evaluated at.
    let d: S
    let values: [(value: S, first: S, second: S)]

    subscript(slot: Int) -> (value: S, first: S, second: S) { values[slot] }

    /// True for the d (value, precision, sign of zero) they were evaluated at.
    func isBuilt(at other: S) -> Bool { d.isIdentical(to: other) }
}
