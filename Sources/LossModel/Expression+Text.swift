extension Expression: CustomStringConvertible {
    /// Plain text: `sqrt(N0*N1 - P0_1^2)`, `(d - 1)*(d - 4)/2`, `s0/(4*pi*N0)`.
    public var text: String { InfixPrinter(dialect: .plain).string(self) }

    public var description: String { text }
}

extension Formula {
    /// A `#` comment line, the definitions as `name = expression` lines, then the targets:
    /// `L = ...`, or `dL/dD0 = ...` lines, or `d2L/dD0dO0 = ...` lines.
    public var text: String {
        let printer = InfixPrinter(dialect: .plain)
        var lines = ["# " + headline]
        lines += definitions.map { "\($0.symbol.name) = \(printer.string($0.expression))" }
        lines += targets.map { "\(textName($0.target)) = \(printer.string($0.expression))" }
        return lines.joined(separator: "\n") + "\n"
    }

    func textName(_ target: Target) -> String {
        switch target {
        case .loss: return "L"
        case let .derivative(i): return "dL/d\(variables[i].name)"
        case let .secondDerivative(i, j): return "d2L/d\(variables[i].name)d\(variables[j].name)"
        }
    }
}

/// How tightly a printed piece binds, loosest first: a piece is put in parentheses where a
/// tighter one is needed.
enum Binding: Int, Comparable {
    /// A sum, or anything with a leading minus sign.
    case sum
    /// A product or a quotient.
    case product
    case power
    /// A name, a nonnegative integer, a function call, or something already in brackets.
    case atom

    static func < (a: Binding, b: Binding) -> Bool { a.rawValue < b.rawValue }
}

/// The infix printer shared by plain text and SymPy, which differ in the power operator and
/// in how a lone fraction is written (`1/2` against `Rational(1, 2)`, since Python's `1/2` is
/// a float). Quotients are gathered at the end of a product (`3*x/(2*pi)`), so that Python's
/// left-to-right `*` and `/` read them as a person does, and minus signs of terms become
/// ` - ` in sums.
struct InfixPrinter {
    enum Dialect {
        case plain, python
    }

    let dialect: Dialect

    func string(_ e: Expression) -> String { piece(e).text }

    func piece(_ e: Expression) -> (text: String, binding: Binding) {
        switch e {
        case let .number(numerator, denominator):
            if denominator == 1 { return numerator < 0 ? ("\(numerator)", .sum) : ("\(numerator)", .atom) }
            if dialect == .python { return ("Rational(\(numerator), \(denominator))", .atom) }
            return ("\(numerator)/\(denominator)", numerator < 0 ? .sum : .product)
        case let .symbol(symbol):
            return (symbol.name, .atom)
        case .dimension:
            return ("d", .atom)
        case .pi:
            return ("pi", .atom)
        case let .sum(terms):
            return (sumText(terms), .sum)
        case let .product(factors):
            return productPiece(factors)
        case let .power(base, exponent):
            if exponent < 0 && exponent != Int.min { return productPiece([e]) }
            let power = exponent < 0 ? "(\(exponent))" : "\(exponent)"
            return (wrapped(base, atLeast: .atom) + (dialect == .python ? "**" : "^") + power, .power)
        case let .squareRoot(x):
            return ("sqrt(\(string(x)))", .atom)
        case let .arccosine(x):
            return ("acos(\(string(x)))", .atom)
        }
    }

    func wrapped(_ e: Expression, atLeast binding: Binding) -> String {
        let p = piece(e)
        return p.binding < binding ? "(\(p.text))" : p.text
    }

    func sumText(_ terms: [Expression]) -> String {
        var text = ""
        for (index, term) in terms.enumerated() {
            let (negative, magnitude) = term.signAndMagnitude
            let body = wrapped(magnitude, atLeast: .product)
            if index == 0 {
                text = (negative ? "-" : "") + body
            } else {
                text += (negative ? " - " : " + ") + body
            }
        }
        return text
    }

    /// `-3*x*y^2/(2*pi*N0)`: the coefficient's numerator and the factors with positive
    /// exponents over its denominator and the factors with negative exponents.
    func productPiece(_ factors: [Expression]) -> (text: String, binding: Binding) {
        let split = ProductLayout(factors)
        var top = split.numeratorFactors.map { wrapped($0, atLeast: .power) }
        if split.numerator != 1 || top.isEmpty { top.insert("\(split.numerator)", at: 0) }
        var bottom = split.denominatorFactors.map { wrapped($0, atLeast: .power) }
        if split.denominator != 1 { bottom.insert("\(split.denominator)", at: 0) }
        var text = top.joined(separator: "*")
        if !bottom.isEmpty { text += "/" + (bottom.count == 1 ? bottom[0] : "(" + bottom.joined(separator: "*") + ")") }
        return split.negative ? ("-" + text, .sum) : (text, .product)
    }
}

/// A product laid out as a quotient: sign, coefficient numerator and denominator (as
/// magnitudes), factors above and factors below the line (with positive exponents).
struct ProductLayout {
    var negative = false
    var numerator: UInt = 1
    var denominator: UInt = 1
    var numeratorFactors: [Expression] = []
    var denominatorFactors: [Expression] = []

    init(_ factors: [Expression]) {
        for (index, factor) in factors.enumerated() {
            if index == 0, case let .number(n, d) = factor, d > 0 {
                negative = n < 0
                numerator = n.magnitude
                denominator = d.magnitude
            } else if case let .power(base, exponent) = factor, exponent < 0, exponent != Int.min {
                denominatorFactors.append(exponent == -1 ? base : .power(base, 0 - exponent))
            } else {
                numeratorFactors.append(factor)
            }
        }
    }
}

extension Expression {
    /// A term split for printing in a sum: `-3*x` is (true, `3*x`), `-2` is (true, `2`).
    var signAndMagnitude: (negative: Bool, magnitude: Expression) {
        switch self {
        case let .number(n, d) where n < 0 && n != Int.min:
            return (true, .number(numerator: -n, denominator: d))
        case let .product(factors):
            guard let first = factors.first, case let .number(n, d) = first, n < 0, n != Int.min else { return (false, self) }
            let rest = Array(factors.dropFirst())
            if n == -1 && d == 1 { return (true, rest.count == 1 ? rest[0] : .product(rest)) }
            return (true, .product([.number(numerator: -n, denominator: d)] + rest))
        default:
            return (false, self)
        }
    }
}
