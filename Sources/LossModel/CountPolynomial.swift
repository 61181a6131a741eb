import MultiPrecision

/// A polynomial in d kept as `numerator/denominator` times a product of affine factors,
/// e.g. `(d-1)(d-4)/2`. Counts of entries, pair counts and multiplicities of isotypic parts
/// all have this shape (docs/design.md sections 2-3), and it prints the way a person writes them.
public struct CountPolynomial: Hashable, Sendable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int
    public let factors: [AffineSize]
    /// Coefficients in powers of d, lowest first, times `numerator` (divide by `denominator`).
    let coefficients: [Int]

    public init(_ numerator: Int, over denominator: Int = 1, factors: [AffineSize] = []) {
        precondition(denominator > 0)
        let constantPart = factors.filter(\.isConstant).reduce(numerator) { $0 * $1.offset }
        let varying = factors.filter { !$0.isConstant }
        let divisor = CountPolynomial.gcd(abs(constantPart), denominator)
        self.numerator = divisor == 0 ? 0 : constantPart / divisor
        self.denominator = divisor == 0 ? 1 : denominator / divisor
        self.factors = self.numerator == 0 ? [] : varying
        var poly = [self.numerator]
        for f in self.factors {
            var next = Array(repeating: 0, count: poly.count + 1)
            for (i, c) in poly.enumerated() {
                next[i] += c * f.offset
                next[i + 1] += c * f.slope
            }
            poly = next
        }
        coefficients = poly
    }

    public static func product(_ factors: AffineSize..., over denominator: Int = 1) -> CountPolynomial {
        CountPolynomial(1, over: denominator, factors: factors)
    }

    public var isZero: Bool { numerator == 0 }

    public static func * (a: CountPolynomial, b: CountPolynomial) -> CountPolynomial {
        CountPolynomial(a.numerator * b.numerator, over: a.denominator * b.denominator, factors: a.factors + b.factors)
    }

    public static prefix func - (a: CountPolynomial) -> CountPolynomial {
        CountPolynomial(-a.numerator, over: a.denominator, factors: a.factors)
    }

    /// Value and first two derivatives in d: Horner's rule, in place (each step rounded as
    /// `second * d + first * 2` and so on would be, without a new value for each).
    public func evaluate<S: Scalar>(at d: S) -> (value: S, first: S, second: S) {
        let p = d.precision
        var value = S(0, precision: p), first = S(0, precision: p), second = S(0, precision: p)
        let two = S(2)
        for c in coefficients.reversed() {
            second *= d
            second.add(first, times: two)
            first *= d
            first += value
            value *= d
            value += S(c, precision: p)
        }
        // x / 1 is x, to the bit; a full-precision division costs two multiplications.
        guard denominator != 1 else { return (value, first, second) }
        let q = S(denominator, precision: p)
        return (value / q, first / q, second / q)
    }

    public func value<S: Scalar>(at d: S) -> S { evaluate(at: d).value }

    /// The sign of the value at d (-1, 0 or 1), from the signs of the factors: decided without
    /// multiplying them out, so it cannot overflow however large d is.
    public func sign(at d: Double) -> Int {
        factors.reduce(numerator.signum()) { sign, factor in
            let value = factor.value(at: d)
            return sign * (value > 0 ? 1 : value < 0 ? -1 : 0)
        }
    }
    public func value(at d: Double) -> Double { evaluate(at: d).value }

    /// `1`, `-1/2`, `d-2`, `(d-1)(d-4)/2`, `2(d-1)`.
    public var description: String {
        if numerator == 0 { return "0" }
        let sign = numerator < 0 ? "-" : ""
        let magnitude = abs(numerator)
        let body: String
        if factors.isEmpty {
            body = String(magnitude)
        } else {
            let parts = factors.map { $0.offset == 0 && $0.slope == 1 ? "d" : "(\($0))" }
            let product = factors.count == 1 && factors[0].offset != 0 ? factors[0].description : parts.joined()
            body = magnitude == 1 ? product : "\(magnitude)" + (factors.count == 1 && factors[0].offset != 0 ? "(\(product))" : product)
        }
        return sign + body + (denominator == 1 ? "" : "/\(denominator)")
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
