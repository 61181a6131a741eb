extension Expression {
    /// Python for SymPy: `sqrt(N0*N1 - P0_1**2)`, `(d - 1)*(d - 4)/2`, a lone fraction as
    /// `Rational(1, 2)`. Every integer quotient meets a SymPy object first, so it stays exact.
    public var sympy: String { InfixPrinter(dialect: .python).string(self) }
}

extension Formula {
    /// A self-contained Python snippet: imports, `symbols(...)` for d and the variables (real),
    /// the definitions as assignments, then `L = ...`, or `dL_dD0 = ...` lines and
    /// `grad = [...]`, or `H_D0_O0 = ...` lines and `hessian = Matrix(...)` (symmetric).
    /// After `exec` of the text, `float(L.subs({d: 10, D0: 1.0, ...}))` is a number.
    public var sympy: String {
        let printer = InfixPrinter(dialect: .python)
        let names = variables.map(\.name)
        var lines = [
            "# " + headline,
            "from sympy import symbols, sqrt, acos, pi, Rational" + (kind == .hessian ? ", Matrix" : ""),
            "d, \(names.joined(separator: ", ")) = symbols('d \(names.joined(separator: " "))', real=True)",
        ]
        lines += definitions.map { "\($0.symbol.name) = \(printer.string($0.expression))" }
        lines += targets.map { "\(sympyName($0.target)) = \(printer.string($0.expression))" }
        switch kind {
        case .loss:
            break
        case .gradient:
            lines.append("grad = [" + targets.map { sympyName($0.target) }.joined(separator: ", ") + "]")
        case .hessian:
            let rows = variables.indices.map { i in
                "[" + variables.indices.map { j in sympyName(.secondDerivative(min(i, j), max(i, j))) }.joined(separator: ", ") + "]"
            }
            lines.append("hessian = Matrix([" + rows.joined(separator: ", ") + "])")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func sympyName(_ target: Target) -> String {
        switch target {
        case .loss: return "L"
        case let .derivative(i): return "dL_d" + variables[i].name
        case let .secondDerivative(i, j): return "H_\(variables[i].name)_\(variables[j].name)"
        }
    }
}
