import MultiPrecision

/// A sum of ``CountPolynomial``s multiplied out: a polynomial in d with rational coefficients,
/// such as the number of eigenvalues, counted with multiplicity, that grow like d
/// (`spurious series --quantity spectrum`). Printed lowest common denominator first:
/// `(d^2 + d - 2)/2`, `2d - 3`.
public struct CountSum: Hashable, Sendable, CustomStringConvertible {
    /// Coefficients of d^0, d^1, ..., over ``denominator``; no trailing zeros.
    public let numerators: [Int]
    public let denominator: Int

    public static let zero = CountSum(numerators: [], denominator: 1)

    public init(_ polynomial: CountPolynomial) {
        self.init(numerators: polynomial.coefficients, denominator: polynomial.denominator)
    }

    init(numerators: [Int], denominator: Int) {
        var numerators = numerators
        while numerators.last == 0 { numerators.removeLast() }
        let divisor = numerators.reduce(denominator) { CountPolynomial.gcd($0, abs($1)) }
        self.numerators = numerators.map { $0 / divisor }
        self.denominator = denominator / divisor
    }

    public static func + (a: CountSum, b: CountSum) -> CountSum {
        let denominator = a.denominator / CountPolynomial.gcd(a.denominator, b.denominator) * b.denominator
        let count = max(a.numerators.count, b.numerators.count)
        let scaled = { (p: CountSum, i: Int) in i < p.numerators.count ? p.numerators[i] * (denominator / p.denominator) : 0 }
        return CountSum(numerators: (0..<count).map { scaled(a, $0) + scaled(b, $0) }, denominator: denominator)
    }

    public func value(at d: Double) -> Double {
        numerators.reversed().reduce(0.0) { $0 * d + Double($1) } / Double(denominator)
    }

    public var description: String {
        guard !numerators.isEmpty else { return "0" }
        var text = ""
        for power in numerators.indices.reversed() where numerators[power] != 0 {
            let c = numerators[power]
            let magnitude = abs(c)
            let monomial = power == 0 ? "" : power == 1 ? "d" : "d^\(power)"
            let body = monomial.isEmpty ? "\(magnitude)" : (magnitude == 1 ? monomial : "\(magnitude)\(monomial)")
            text += text.isEmpty ? (c < 0 ? "-" : "") + body : (c < 0 ? " - " : " + ") + body
        }
        guard denominator != 1 else { return text }
        return numerators.filter { $0 != 0 }.count == 1 ? "\(text)/\(denominator)" : "(\(text))/\(denominator)"
    }
}
