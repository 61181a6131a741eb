/// A closed-form expression in named symbols, the dimension d and pi: what the reduced loss
/// and its exact derivatives are made of, printed by `spurious formula` for a computer algebra
/// system (plain text, LaTeX, SymPy) and evaluated at a point with any ``Scalar``.
///
/// Build expressions with the operators and the static functions below, not with the cases
/// directly: they apply a light simplification (constants folded, zeros and ones dropped,
/// nested sums and products flattened, like terms and equal factors merged, integer powers
/// spread over products). Negation is a product with the coefficient -1, and a quotient a
/// product with a power of exponent -1, so that constants always gather in one coefficient.
/// The simplification assumes nothing about the symbols' values beyond what an identity of
/// real numbers needs, except that `x * x^-1` is dropped (as a computer algebra system does).
public indirect enum Expression: Hashable, Sendable {
    /// An exact rational constant, `numerator / denominator` (in lowest terms, denominator
    /// positive, when built with ``integer(_:)`` or ``rational(_:over:)``).
    case number(numerator: Int, denominator: Int)
    case symbol(Symbol)
    /// The dimension d.
    case dimension
    case pi
    case sum([Expression])
    /// A product; when it has a constant coefficient, that is the first factor.
    case product([Expression])
    /// An integer power; a negative exponent is a division.
    case power(Expression, Int)
    case squareRoot(Expression)
    /// acos, in radians.
    case arccosine(Expression)

    /// A named quantity: a fixed-space variable such as `C0_1`, or a named intermediate such as
    /// the row norm `N0`. `name` is the plain-text and Python spelling (a valid identifier);
    /// `latex` the LaTeX one, e.g. `C_{0,1}`.
    public struct Symbol: Hashable, Sendable {
        public let name: String
        public let latex: String

        public init(_ name: String, latex: String) {
            self.name = name
            self.latex = latex
        }

        /// The LaTeX spelling read off the name: a letter head, then indices separated by
        /// `_`, e.g. `C0_1` is `C_{0,1}`, `N0` is `N_{0}` and `theta2` is `\theta_{2}`.
        public init(_ name: String) {
            let head = name.prefix { $0.isLetter }
            let indices = name.dropFirst(head.count).split(separator: "_")
            let greek: Set<Substring> = ["alpha", "beta", "gamma", "delta", "theta", "kappa", "lambda", "sigma", "phi"]
            let base = greek.contains(head) ? "\\" + head : String(head)
            self.init(name, latex: indices.isEmpty ? base : base + "_{" + indices.joined(separator: ",") + "}")
        }
    }

    public static let zero = Expression.number(numerator: 0, denominator: 1)
    public static let one = Expression.number(numerator: 1, denominator: 1)
    /// The dimension d.
    public static let d = Expression.dimension

    public static func integer(_ n: Int) -> Expression { .number(numerator: n, denominator: 1) }

    /// `numerator / denominator` in lowest terms; `denominator` must not be zero.
    public static func rational(_ numerator: Int, over denominator: Int) -> Expression {
        precondition(denominator != 0, "a rational constant needs a nonzero denominator")
        guard let fraction = Fraction(numerator, denominator) else {
            return product(of: [integer(numerator), power(integer(denominator), -1)])
        }
        return fraction.expression
    }

    /// The symbol with this name, its LaTeX spelling read off the name.
    public static func named(_ name: String) -> Expression { .symbol(Symbol(name)) }

    // MARK: Simplifying constructors

    /// The sum of `terms`, flattened, with constants folded, zeros dropped and like terms
    /// (equal up to a constant coefficient) merged at the place of the first.
    public static func sum(of terms: [Expression]) -> Expression {
        var constant = Fraction.zero
        var overflowed: [Expression] = []
        var parts: [(rest: Expression, coefficient: Fraction)] = []
        var position: [Expression: Int] = [:]
        for term in terms.flatMap(\.summands) {
            if let value = term.fraction {
                if let folded = constant + value { constant = folded } else { overflowed.append(term) }
                continue
            }
            let (coefficient, rest) = term.coefficientAndRest
            if let index = position[rest], let merged = parts[index].coefficient + coefficient {
                parts[index].coefficient = merged
            } else {
                if position[rest] == nil { position[rest] = parts.count }
                parts.append((rest, coefficient))
            }
        }
        var result = parts.filter { $0.coefficient != .zero }.map { product(of: [$0.coefficient.expression, $0.rest]) }
        if constant != .zero { result.append(constant.expression) }
        result += overflowed
        switch result.count {
        case 0: return .zero
        case 1: return result[0]
        default: return .sum(result)
        }
    }

    /// The product of `factors`, flattened, with constants folded into one leading
    /// coefficient, equal bases merged into one power, and 0 when a factor is 0.
    public static func product(of factors: [Expression]) -> Expression {
        var coefficient = Fraction.one
        var overflowed: [Expression] = []
        var bases: [(base: Expression, exponent: Int)] = []
        var position: [Expression: Int] = [:]
        for factor in factors.flatMap(\.multiplicands) {
            if let value = factor.fraction {
                if value == .zero { return .zero }
                if let folded = coefficient * value { coefficient = folded } else { overflowed.append(factor) }
                continue
            }
            let (base, exponent) = factor.baseAndExponent
            if let index = position[base], case let (sum, false) = bases[index].exponent.addingReportingOverflow(exponent) {
                bases[index].exponent = sum
            } else {
                if position[base] == nil { position[base] = bases.count }
                bases.append((base, exponent))
            }
        }
        // A canonical order of the factors, so that equal terms are merged by ``sum(of:)``.
        let ordered = bases.filter { $0.exponent != 0 }
            .map { (key: $0.base.factorOrder(exponent: $0.exponent), factor: $0.base.raised(to: $0.exponent)) }
            .sorted { $0.key < $1.key }
        var result = ordered.map(\.factor) + overflowed
        if coefficient != .one || result.isEmpty { result.insert(coefficient.expression, at: 0) }
        return result.count == 1 ? result[0] : .product(result)
    }

    /// `self^exponent`; a power of a product is the product of the powers, a power of a power
    /// one power, and a power of a rational constant is folded.
    public func raised(to exponent: Int) -> Expression {
        if exponent == 0 { return .one }
        if exponent == 1 { return self }
        switch self {
        case let .number(numerator, denominator):
            if let value = Fraction(numerator, denominator)?.power(exponent) { return value.expression }
        case let .power(base, inner):
            if case let (combined, false) = inner.multipliedReportingOverflow(by: exponent) {
                return base.raised(to: combined)
            }
        case let .product(factors):
            return .product(of: factors.map { $0.raised(to: exponent) })
        default:
            break
        }
        return .power(self, exponent)
    }

    /// sqrt, folded for the square of a rational constant.
    public static func sqrt(_ x: Expression) -> Expression {
        if let value = x.fraction, let root = value.squareRoot { return root.expression }
        return .squareRoot(x)
    }

    /// acos, folded at 1 (where it is 0).
    public static func acos(_ x: Expression) -> Expression {
        x == .one ? .zero : .arccosine(x)
    }

    public static func + (a: Expression, b: Expression) -> Expression { sum(of: [a, b]) }
    public static func - (a: Expression, b: Expression) -> Expression { sum(of: [a, -b]) }
    public static func * (a: Expression, b: Expression) -> Expression { product(of: [a, b]) }
    public static func / (a: Expression, b: Expression) -> Expression { product(of: [a, b.raised(to: -1)]) }
    public static prefix func - (a: Expression) -> Expression { product(of: [integer(-1), a]) }

    // MARK: Structure used by the simplification and the printers

    /// The exact value of a constant, when it has one that fits.
    var fraction: Fraction? {
        guard case let .number(numerator, denominator) = self else { return nil }
        return Fraction(numerator, denominator)
    }

    var summands: [Expression] {
        if case let .sum(terms) = self { return terms.flatMap(\.summands) }
        return [self]
    }

    var multiplicands: [Expression] {
        if case let .product(factors) = self { return factors.flatMap(\.multiplicands) }
        return [self]
    }

    /// A term as a constant coefficient times the rest: `3*x*y/2` is (3/2, `x*y`).
    var coefficientAndRest: (Fraction, Expression) {
        guard case let .product(factors) = self, let first = factors.first, let value = first.fraction else {
            return (.one, self)
        }
        let rest = Array(factors.dropFirst())
        return (value, rest.count == 1 ? rest[0] : .product(rest))
    }

    /// A factor as base and exponent: `x^-2` is (`x`, -2), `x` is (`x`, 1).
    var baseAndExponent: (Expression, Int) {
        if case let .power(base, exponent) = self { return (base, exponent) }
        return (self, 1)
    }

    /// Where a factor `self^exponent` goes in a product: expressions in d alone first, then pi,
    /// then named intermediates (lower-case names), then the other symbols, then the rest; by
    /// name within each group, as in `(d - 1)*pi*gA0*D0*sqrt(N0)`.
    func factorOrder(exponent: Int) -> (Int, String, Int) {
        let rank: Int
        switch self {
        case .number: rank = 0
        case .pi: rank = 2
        case let .symbol(symbol): rank = symbol.name.first?.isLowercase == true ? 3 : 4
        default: rank = symbolNames.isEmpty && !containsPi ? 1 : 5
        }
        return (rank, text, exponent)
    }

    var containsPi: Bool {
        switch self {
        case .number, .dimension, .symbol: return false
        case .pi: return true
        case let .sum(parts), let .product(parts): return parts.contains { $0.containsPi }
        case let .power(base, _): return base.containsPi
        case let .squareRoot(x), let .arccosine(x): return x.containsPi
        }
    }

    /// The names of the symbols that occur in the expression.
    public var symbolNames: Set<String> {
        switch self {
        case .number, .dimension, .pi: return []
        case let .symbol(symbol): return [symbol.name]
        case let .sum(parts), let .product(parts): return parts.reduce(into: []) { $0.formUnion($1.symbolNames) }
        case let .power(base, _): return base.symbolNames
        case let .squareRoot(x), let .arccosine(x): return x.symbolNames
        }
    }
}

/// An exact rational number with `Int` parts, in lowest terms with a positive denominator.
/// Arithmetic returns nil where a part would overflow, and the caller then keeps the
/// constants apart instead of folding them.
struct Fraction: Hashable {
    let numerator: Int
    let denominator: Int

    static let zero = Fraction(unchecked: 0, 1)
    static let one = Fraction(unchecked: 1, 1)

    private init(unchecked numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// nil for a zero denominator or when a part overflows.
    init?(_ numerator: Int, _ denominator: Int) {
        guard denominator != 0 else { return nil }
        let divisor = Int(exactly: Fraction.gcd(numerator.magnitude, denominator.magnitude)) ?? 1
        var n = numerator / divisor
        var d = denominator / divisor
        if d < 0 {
            guard case let (negatedN, false) = (0).subtractingReportingOverflow(n),
                  case let (negatedD, false) = (0).subtractingReportingOverflow(d) else { return nil }
            n = negatedN
            d = negatedD
        }
        self.init(unchecked: n, d)
    }

    static func + (a: Fraction, b: Fraction) -> Fraction? {
        guard case let (left, false) = a.numerator.multipliedReportingOverflow(by: b.denominator),
              case let (right, false) = b.numerator.multipliedReportingOverflow(by: a.denominator),
              case let (top, false) = left.addingReportingOverflow(right),
              case let (bottom, false) = a.denominator.multipliedReportingOverflow(by: b.denominator) else { return nil }
        return Fraction(top, bottom)
    }

    static func * (a: Fraction, b: Fraction) -> Fraction? {
        guard case let (top, false) = a.numerator.multipliedReportingOverflow(by: b.numerator),
              case let (bottom, false) = a.denominator.multipliedReportingOverflow(by: b.denominator) else { return nil }
        return Fraction(top, bottom)
    }

    /// self^exponent by repeated squaring; nil for a negative power of zero or on overflow.
    func power(_ exponent: Int) -> Fraction? {
        var result = Fraction.one
        var base = self
        var remaining = exponent.magnitude
        while remaining > 0 {
            if remaining & 1 == 1 {
                guard let next = result * base else { return nil }
                result = next
            }
            remaining >>= 1
            if remaining > 0 {
                guard let next = base * base else { return nil }
                base = next
            }
        }
        return exponent >= 0 ? result : Fraction(result.denominator, result.numerator)
    }

    /// The rational square root when both parts are perfect squares (and the value is not
    /// negative).
    var squareRoot: Fraction? {
        func root(_ n: Int) -> Int? {
            guard n >= 0 else { return nil }
            // The Double square root is within 1 of the integer one for every Int.
            let estimate = Int(Double(n).squareRoot().rounded())
            return [estimate - 1, estimate, estimate + 1].first { candidate in
                guard candidate >= 0, case let (square, false) = candidate.multipliedReportingOverflow(by: candidate) else {
                    return false
                }
                return square == n
            }
        }
        guard let top = root(numerator), let bottom = root(denominator) else { return nil }
        return Fraction(top, bottom)
    }

    var expression: Expression { .number(numerator: numerator, denominator: denominator) }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt { b == 0 ? (a == 0 ? 1 : a) : gcd(b, a % b) }
}
