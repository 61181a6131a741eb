extension ReducedLoss {
    /// The closed form of the loss, of its gradient or of its Hessian in the fixed-space
    /// variables, for any real d, built from the same parts that ``hessian(at:d:includingD:)``
    /// computes with:
    ///
    ///     L = quadratic(x; d) + teacherOverPi(d)/pi + sum_t w_t(d) g(A_t, B_t, p_t)
    ///
    /// Named intermediates: `N<a>`, the squared norm of a row of block a; `P<a>`, the inner
    /// product of two rows of block a; `P<a>_<b>`, that of rows of blocks a and b; and for
    /// kernel term t, `s<t>` = sqrt(A B - p^2), `theta<t>` = acos(p / sqrt(A B)), `g<t>` = g(A, B, p),
    /// and its partial derivatives `gA<t>`, `gB<t>`, `gp<t>`, `gAA<t>`, `gAB<t>`, ... as in
    /// ``ReluKernel`` (a teacher column has B = 1 and p the variable itself). The gradient
    /// and Hessian are the chain rule through those partials and the exact derivatives of the
    /// quadratic forms A, B and p. Only the intermediates that the targets use are listed.
    public func formula(_ kind: Formula.Kind) -> Formula {
        FormulaBuilder(self).build(kind)
    }
}

/// Turns the parts of a ``ReducedLoss`` (quadratic forms with count coefficients, kernel terms
/// with signed weights) into expressions.
struct FormulaBuilder {
    let loss: ReducedLoss
    let variables: [Expression.Symbol]

    /// One kernel term w g(A, B, p) with the symbols of its intermediates.
    struct Kernel {
        let weight: Expression
        /// A, B (absent for a teacher column) and p: the letter naming the input in the keys
        /// of `first` and `second`, and the quadratic form it is.
        let inputs: [(letter: String, form: QuadraticForm)]
        /// The symbol of g(A, B, p).
        let value: Expression
        /// The symbols of the partials, keyed `A`, `B`, `p`, and `AA`, `AB`, `Ap`, `BB`, `Bp`, `pp`.
        let first: [String: Expression]
        let second: [String: Expression]
        /// d(input)/dx_i for each input (in the order of `inputs`) and each variable i,
        /// computed once: the Hessian uses each of them many times.
        let gradients: [[Expression]]
    }

    init(_ loss: ReducedLoss) {
        self.loss = loss
        variables = loss.space.variables.map { Expression.Symbol($0.name) }
    }

    func build(_ kind: Formula.Kind) -> Formula {
        var definitions: [Formula.Definition] = []
        func define(_ symbol: Expression.Symbol, _ expression: Expression) -> Expression {
            definitions.append(Formula.Definition(symbol: symbol, expression: expression))
            return .symbol(symbol)
        }
        var named: [QuadraticForm: Expression] = [:]
        func name(_ form: QuadraticForm, _ head: String) -> Expression {
            if let existing = named[form] { return existing }
            let symbol = define(Expression.Symbol(head + blockTag(form)), expression(form))
            named[form] = symbol
            return symbol
        }
        // Norms first, then inner products, then the kernel quantities: each definition uses
        // only earlier ones.
        for term in loss.kernelTerms {
            _ = name(term.a, "N")
            if let b = term.b { _ = name(b, "N") }
        }
        for term in loss.kernelTerms where term.b != nil { _ = name(term.p, "P") }

        var kernels: [Kernel] = []
        for (t, term) in loss.kernelTerms.enumerated() {
            let a = name(term.a, "N")
            let b = term.b.map { name($0, "N") }
            let p = term.b == nil ? expression(term.p) : name(term.p, "P")
            let ab = a * (b ?? .one)
            func symbol(_ head: String, _ latex: String) -> Expression.Symbol {
                Expression.Symbol("\(head)\(t)", latex: latex)
            }
            let s = define(Expression.Symbol("s\(t)"), .sqrt(ab - p.raised(to: 2)))
            // For two rows of one block A = B, and sqrt(A^2) is A since A > 0.
            let theta = define(Expression.Symbol("theta\(t)"), .acos(p / (term.b == term.a ? a : .sqrt(ab))))
            let twoPi = Expression.integer(2) * .pi
            let fourPi = Expression.integer(4) * .pi
            let eightPi = Expression.integer(8) * .pi
            let value = define(symbol("g", "g_{\(t)}"), (s + (.pi - theta) * p) / twoPi)
            var first = [
                "A": define(symbol("gA", "\\partial_{A} g_{\(t)}"), s / (fourPi * a)),
            ]
            var second = [
                "AA": define(symbol("gAA", "\\partial_{A}^{2} g_{\(t)}"), (.integer(2) * p.raised(to: 2) - ab) / (eightPi * a.raised(to: 2) * s)),
            ]
            var inputs: [(letter: String, form: QuadraticForm)] = [("A", term.a)]
            if let b, let bForm = term.b {
                inputs.append(("B", bForm))
                first["B"] = define(symbol("gB", "\\partial_{B} g_{\(t)}"), s / (fourPi * b))
                second["AB"] = define(symbol("gAB", "\\partial_{A} \\partial_{B} g_{\(t)}"), .one / (eightPi * s))
                second["BB"] = define(symbol("gBB", "\\partial_{B}^{2} g_{\(t)}"), (.integer(2) * p.raised(to: 2) - ab) / (eightPi * b.raised(to: 2) * s))
                second["Bp"] = define(symbol("gBp", "\\partial_{B} \\partial_{p} g_{\(t)}"), -p / (fourPi * b * s))
            }
            inputs.append(("p", term.p))
            first["p"] = define(symbol("gp", "\\partial_{p} g_{\(t)}"), (.pi - theta) / twoPi)
            second["Ap"] = define(symbol("gAp", "\\partial_{A} \\partial_{p} g_{\(t)}"), -p / (fourPi * a * s))
            second["pp"] = define(symbol("gpp", "\\partial_{p}^{2} g_{\(t)}"), .one / (twoPi * s))
            let gradients = inputs.map { input in variables.indices.map { derivative(input.form, $0) } }
            kernels.append(Kernel(
                weight: count(term.weight), inputs: inputs, value: value, first: first, second: second, gradients: gradients))
        }

        let targets: [(target: Formula.Target, expression: Expression)]
        let n = variables.count
        switch kind {
        case .loss:
            let constant = count(loss.teacherOverPi) / .pi
            targets = [(.loss, .sum(of: [expression(loss.quadratic), constant] + kernels.map { $0.weight * $0.value }))]
        case .gradient:
            targets = (0..<n).map { i in (.derivative(i), gradientEntry(i, kernels)) }
        case .hessian:
            targets = (0..<n).flatMap { i in (i..<n).map { j in (.secondDerivative(i, j), hessianEntry(i, j, kernels)) } }
        }

        // Keep the definitions that the targets use, directly or through later definitions.
        var needed = targets.reduce(into: Set<String>()) { $0.formUnion($1.expression.symbolNames) }
        var kept: [Formula.Definition] = []
        for definition in definitions.reversed() where needed.contains(definition.symbol.name) {
            needed.formUnion(definition.expression.symbolNames)
            kept.append(definition)
        }
        return Formula(
            partition: loss.space.partition, kind: kind, variables: variables, definitions: kept.reversed(), targets: targets)
    }

    /// dL/dx_i = dQ/dx_i + sum_t w_t (g_A dA/dx_i + g_B dB/dx_i + g_p dp/dx_i).
    func gradientEntry(_ i: Int, _ kernels: [Kernel]) -> Expression {
        .sum(of: [derivative(loss.quadratic, i)] + kernels.map { kernel in
            kernel.weight * .sum(of: kernel.inputs.indices.compactMap { k in
                kernel.first[kernel.inputs[k].letter].map { $0 * kernel.gradients[k][i] }
            })
        })
    }

    /// d2L/dx_i dx_j = d2Q/dx_i dx_j + sum_t w_t (sum_u g_u d2u/dx_i dx_j
    ///                 + sum_{u,v} g_uv du/dx_i dv/dx_j), u and v running over A, B, p.
    func hessianEntry(_ i: Int, _ j: Int, _ kernels: [Kernel]) -> Expression {
        .sum(of: [secondDerivative(loss.quadratic, i, j)] + kernels.map { kernel in
            var parts: [Expression] = kernel.inputs.compactMap { input in
                kernel.first[input.letter].map { $0 * secondDerivative(input.form, i, j) }
            }
            for k in kernel.inputs.indices {
                for l in k..<kernel.inputs.count {
                    guard let g = kernel.second[kernel.inputs[k].letter + kernel.inputs[l].letter] else { continue }
                    let u = kernel.gradients[k], v = kernel.gradients[l]
                    parts.append(k == l ? g * u[i] * u[j] : g * (u[i] * v[j] + v[i] * u[j]))
                }
            }
            return kernel.weight * .sum(of: parts)
        })
    }

    // MARK: Quadratic forms and counts as expressions

    func variable(_ index: Int) -> Expression { .symbol(variables[index]) }

    /// A count polynomial as written: `(d - 1)*(d - 2)/2`.
    func count(_ polynomial: CountPolynomial) -> Expression {
        .product(of: [.rational(polynomial.numerator, over: polynomial.denominator)] + polynomial.factors.map { factor in
            .sum(of: [.integer(factor.slope) * .d, .integer(factor.offset)])
        })
    }

    func expression(_ form: QuadraticForm) -> Expression {
        .sum(of: form.terms.map { term in
            .product(of: [count(term.coefficient)] + [term.first, term.second].compactMap { $0.map(variable) })
        })
    }

    /// d/dx_i of c x_f x_s is c ([f = i] x_s + [s = i] x_f), a missing index standing for 1.
    func derivative(_ form: QuadraticForm, _ i: Int) -> Expression {
        .sum(of: form.terms.map { term in
            var parts: [Expression] = []
            if term.first == i { parts.append(term.second.map(variable) ?? .one) }
            if term.second == i { parts.append(term.first.map(variable) ?? .one) }
            return count(term.coefficient) * .sum(of: parts)
        })
    }

    func secondDerivative(_ form: QuadraticForm, _ i: Int, _ j: Int) -> Expression {
        .sum(of: form.terms.map { term in
            let matches = (term.first == i && term.second == j ? 1 : 0) + (term.first == j && term.second == i ? 1 : 0)
            return count(term.coefficient) * .integer(matches)
        })
    }

    /// The row blocks whose variables occur in a form, e.g. `0` for a row norm of block 0 and
    /// `0_1` for an inner product of rows of blocks 0 and 1.
    func blockTag(_ form: QuadraticForm) -> String {
        let blocks = Set(form.terms.flatMap { [$0.first, $0.second].compactMap { $0 } }.map { index -> Int in
            switch loss.space.variables[index] {
            case let .diagonal(a), let .offDiagonal(a), let .cross(a, _): return a
            }
        })
        return blocks.sorted().map(String.init).joined(separator: "_")
    }
}
