import MultiPrecision

/// A polynomial of degree at most two in the fixed-space variables whose coefficients are
/// polynomials in d: squared norms and inner products of rows (docs/design.md section 2).
struct QuadraticForm: Hashable, Sendable {
    /// `coefficient(d) * x[first] * x[second]`; a `nil` index drops that factor.
    struct Term: Hashable, Sendable {
        let coefficient: CountPolynomial
        let first: Int?
        let second: Int?
    }

    private(set) var terms: [Term] = []

    mutating func add(_ coefficient: CountPolynomial, _ first: Int? = nil, _ second: Int? = nil) {
        guard !coefficient.isZero else { return }
        terms.append(Term(coefficient: coefficient, first: first, second: second))
    }

    /// Value, gradient and Hessian (sparse) at x; with `dIndex` set, d is a variable too.
    func jet<S: Scalar>(at x: [S], d: S, dIndex: Int?, order: DerivativeOrder) -> SparseJet<S> {
        var jet = SparseJet<S>(value: S(0, precision: d.precision))
        // At most this many entries per term: one allocation each, not a growing array.
        if order >= .gradient { jet.gradient.reserveCapacity(terms.count * (dIndex == nil ? 2 : 3)) }
        if order >= .hessian { jet.hessian.reserveCapacity(terms.count * (dIndex == nil ? 1 : 4)) }
        for term in terms {
            let c = term.coefficient.evaluate(at: d)
            let xi = term.first.map { x[$0] }
            let xj = term.second.map { x[$0] }
            let monomial: S? = switch (xi, xj) {
            case let (a?, b?): a * b
            case let (a?, nil): a
            case let (nil, b?): b
            case (nil, nil): nil
            }
            if let monomial { jet.value.add(c.value, times: monomial) } else { jet.value += c.value }
            guard order >= .gradient else { continue }
            if let i = term.first { jet.gradient.append((i, xj.map { c.value * $0 } ?? c.value)) }
            if let j = term.second { jet.gradient.append((j, xi.map { c.value * $0 } ?? c.value)) }
            if let k = dIndex { jet.gradient.append((k, monomial.map { c.first * $0 } ?? c.first)) }
            guard order >= .hessian else { continue }
            if let i = term.first, let j = term.second { jet.hessian.append((i, j, c.value)) }
            if let k = dIndex {
                if let i = term.first { jet.hessian.append((i, k, xj.map { c.first * $0 } ?? c.first)) }
                if let j = term.second { jet.hessian.append((j, k, xi.map { c.first * $0 } ?? c.first)) }
                let half = c.second / S(2)
                jet.hessian.append((k, k, monomial.map { half * $0 } ?? half))
            }
        }
        return jet
    }
}

/// How many derivatives an evaluation computes.
public enum DerivativeOrder: Int, Comparable, Sendable {
    case value, gradient, hessian
    public static func < (a: DerivativeOrder, b: DerivativeOrder) -> Bool { a.rawValue < b.rawValue }
}

/// A value with a sparse gradient and Hessian. Hessian entries (i, j, v) stand for v added at
/// (i, j) and at (j, i), so a diagonal entry adds 2v.
struct SparseJet<S: Scalar> {
    var value: S
    var gradient: [(Int, S)] = []
    var hessian: [(Int, Int, S)] = []
}
