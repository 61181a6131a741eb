extension Expression {
    /// LaTeX (math mode): `\sqrt{N_{0} N_{1} - P_{0,1}^{2}}`, `\frac{(d - 1) (d - 4)}{2}`.
    public var latex: String { LaTeXPrinter().string(self) }
}

extension Formula {
    /// A `%` comment line, then an `align*` environment with one `name &= expression` line per
    /// definition and per target.
    public var latex: String {
        let printer = LaTeXPrinter()
        let lines = definitions.map { "\($0.symbol.latex) &= \(printer.string($0.expression))" }
            + targets.map { "\(latexName($0.target)) &= \(printer.string($0.expression))" }
        return "% " + headline + "\n\\begin{align*}\n" + lines.joined(separator: " \\\\\n") + "\n\\end{align*}\n"
    }

    func latexName(_ target: Target) -> String {
        switch target {
        case .loss:
            return "L"
        case let .derivative(i):
            return "\\frac{\\partial L}{\\partial \(variables[i].latex)}"
        case let .secondDerivative(i, j) where i == j:
            return "\\frac{\\partial^{2} L}{\\partial \(variables[i].latex)^{2}}"
        case let .secondDerivative(i, j):
            return "\\frac{\\partial^{2} L}{\\partial \(variables[i].latex) \\, \\partial \(variables[j].latex)}"
        }
    }
}

/// Prints an expression in LaTeX: quotients as `\frac`, products by juxtaposition (`\cdot`
/// before a digit), brackets as `\left( \right)`.
struct LaTeXPrinter {
    func string(_ e: Expression) -> String { piece(e).text }

    func piece(_ e: Expression) -> (text: String, binding: Binding) {
        switch e {
        case let .number(numerator, denominator):
            if denominator == 1 { return numerator < 0 ? ("\(numerator)", .sum) : ("\(numerator)", .atom) }
            let fraction = "\\frac{\(numerator.magnitude)}{\(denominator)}"
            return numerator < 0 ? ("-" + fraction, .sum) : (fraction, .atom)
        case let .symbol(symbol):
            return (symbol.latex, .atom)
        case .dimension:
            return ("d", .atom)
        case .pi:
            return ("\\pi", .atom)
        case let .sum(terms):
            var text = ""
            for (index, term) in terms.enumerated() {
                let (negative, magnitude) = term.signAndMagnitude
                let body = wrapped(magnitude, atLeast: .product)
                text += index == 0 ? (negative ? "-" : "") + body : (negative ? " - " : " + ") + body
            }
            return (text, .sum)
        case let .product(factors):
            return productPiece(factors)
        case let .power(base, exponent):
            if exponent < 0 && exponent != Int.min { return productPiece([e]) }
            return (wrapped(base, atLeast: .atom) + "^{\(exponent)}", .power)
        case let .squareRoot(x):
            return ("\\sqrt{\(string(x))}", .atom)
        case let .arccosine(x):
            return ("\\arccos\\left(\(string(x))\\right)", .atom)
        }
    }

    func wrapped(_ e: Expression, atLeast binding: Binding) -> String {
        let p = piece(e)
        return p.binding < binding ? "\\left(\(p.text)\\right)" : p.text
    }

    /// Factors side by side after the coefficient (`\cdot` before a digit). Each factor is
    /// bracketed as a factor, except a lone one in a fraction, which the fraction bar groups.
    func juxtaposed(_ factors: [Expression], coefficient: UInt, inFraction: Bool) -> String {
        let lone = inFraction && factors.count == 1 && coefficient == 1
        var items = lone ? [string(factors[0])] : factors.map { wrapped($0, atLeast: .power) }
        if coefficient != 1 || items.isEmpty { items.insert("\(coefficient)", at: 0) }
        var text = ""
        for item in items {
            if text.isEmpty { text = item } else { text += (item.first?.isNumber == true ? " \\cdot " : " ") + item }
        }
        return text
    }

    func productPiece(_ factors: [Expression]) -> (text: String, binding: Binding) {
        let split = ProductLayout(factors)
        let text: String
        if split.denominator == 1 && split.denominatorFactors.isEmpty {
            text = juxtaposed(split.numeratorFactors, coefficient: split.numerator, inFraction: false)
        } else {
            let top = juxtaposed(split.numeratorFactors, coefficient: split.numerator, inFraction: true)
            let bottom = juxtaposed(split.denominatorFactors, coefficient: split.denominator, inFraction: true)
            text = "\\frac{\(top)}{\(bottom)}"
        }
        return split.negative ? ("-" + text, .sum) : (text, .product)
    }
}
