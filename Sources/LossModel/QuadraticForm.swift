import MultiPrecision

/// A polynomial of degree at most two in the fixed-space variables whose coefficients are
/// polynomials in d: squared norms and inner products of rows (docs/design.md section 2).
struct QuadraticForm: Hashable, Sendable {
    /// `coefficient(d) * x[first] * x[second]`; a `nil` index drops that factor.
    struct Term: Hashable, Sendable {
        let coefficient: CountPolynomial
        let first: Int?
        let second: Int?
        /// The coefficient's number in its loss's ``CountSlots``.
        var slot = 0
    }

    private(set) var terms: [Term] = []

    mutating func add(_ coefficient: CountPolynomial, _ first: Int? = nil, _ second: Int? = nil) {
        guard !coefficient.isZero else { return }
        terms.append(Term(coefficient: coefficient, first: first, second: second))
    }

    /// Numbers every coefficient in `slots`.
    mutating func assignSlots(_ slots: inout CountSlots) {
        for t in terms.indices { terms[t].slot = slots.slot(of: terms[t].coefficient) }
    }

    /// Appends the value, gradient and Hessian (sparse) at x to `table` and returns the jet's
    /// number; with `dIndex` set, d is a variable too. `counts`: the coefficients at d, by slot.
    func appendJet<S: Scalar>(
        at x: [S], d: S, dIndex: Int?, order: DerivativeOrder, counts: CountValues<S>, to table: inout JetTable<S>
    ) -> Int {
        var value = S(0, precision: d.precision)
        // By index: a copy of a term would retain its coefficient's arrays.
        for t in terms.indices {
            let term = (first: terms[t].first, second: terms[t].second)
            let c = counts[terms[t].slot]
            let xi = term.first.map { x[$0] }
            let xj = term.second.map { x[$0] }
            let monomial: S? = switch (xi, xj) {
            case let (a?, b?): a * b
            case let (a?, nil): a
            case let (nil, b?): b
            case (nil, nil): nil
            }
            if let monomial { value.add(c.value, times: monomial) } else { value += c.value }
            guard order >= .gradient else { continue }
            if let i = term.first { table.appendGradient(i, xj.map { c.value * $0 } ?? c.value) }
            if let j = term.second { table.appendGradient(j, xi.map { c.value * $0 } ?? c.value) }
            if let k = dIndex { table.appendGradient(k, monomial.map { c.first * $0 } ?? c.first) }
            guard order >= .hessian else { continue }
            if let i = term.first, let j = term.second { table.appendHessian(i, j, c.value) }
            if let k = dIndex {
                if let i = term.first { table.appendHessian(i, k, xj.map { c.first * $0 } ?? c.first) }
                if let j = term.second { table.appendHessian(j, k, xi.map { c.first * $0 } ?? c.first) }
                let half = c.second / S(2)
                table.appendHessian(k, k, monomial.map { half * $0 } ?? half)
            }
        }
        return table.close(value: value)
    }

    /// At most this many entries per evaluation (in x and d, to the Hessian).
    var capacity: JetCapacity {
        JetCapacity(jets: 1, gradient: 3 * terms.count, hessian: 4 * terms.count)
    }
}

/// How many derivatives an evaluation computes.
public enum DerivativeOrder: Int, Comparable, Sendable {
    case value, gradient, hessian
    public static func < (a: DerivativeOrder, b: DerivativeOrder) -> Bool { a.rawValue < b.rawValue }
}
