import Foundation
import MultiPrecision

/// The constants a coefficient is written in: a closed form is a rational combination of them.
public struct ClosedFormBasis: Sendable {
    /// The elements as parsed (and printed in closed forms).
    public let elements: [CheckExpression]

    /// {1, 1/pi, 1/pi^2, sqrt(2)/pi, sqrt(2)/pi^(3/2), 1/pi^(3/2)}: the constants of the ReLU
    /// kernel's expansions near angles 0, pi/2 and pi.
    public static let defaultTexts = ["1", "1/pi", "1/pi^2", "sqrt(2)/pi", "sqrt(2)/pi^(3/2)", "1/pi^(3/2)"]

    /// Elements as expressions in pi (no d); throws on a syntax error, an element that uses d,
    /// and an element that is not a finite nonzero number (0, 1/0, sqrt(-1)): such an element
    /// makes every relation meaningless.
    public init(_ texts: [String]) throws {
        elements = try texts.map { text in
            let expression = try CheckExpression(parsing: text)
            guard !expression.usesD else {
                throw AsymptoticsError.settings("basis element '\(text)' depends on d: a basis holds constants such as 1/pi")
            }
            let value: BigFloat
            do {
                value = try expression.evaluate(d: nil, precision: 128)
            } catch {
                throw AsymptoticsError.settings("basis element '\(text)' has no value: \(error)")
            }
            guard value.isFinite, value.signum != 0 else {
                throw AsymptoticsError.settings("basis element '\(text)' is \(value.isFinite ? "zero" : "not finite"): a basis holds nonzero constants such as 1/pi")
            }
            return expression
        }
        guard !elements.isEmpty else { throw AsymptoticsError.settings("the basis is empty") }
    }

    /// The default basis.
    public static func standard() throws -> ClosedFormBasis {
        try ClosedFormBasis(defaultTexts)
    }

    /// Elements separated by commas outside parentheses: "1, 1/pi, atan(1/2)".
    public init(list text: String) throws {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current)
        try self.init(parts)
    }

    /// Each element at `precision` bits.
    public func values(precision: Int) throws -> [BigFloat] {
        try elements.map { try $0.evaluate(d: nil, precision: precision) }
    }

    /// A credible integer relation among the elements themselves (at 100 digits, by the rule of
    /// ``ClosedFormSearch``), as text, or nil: with one, closed forms would not be unique (and
    /// PSLQ could report it instead of the coefficient's).
    public func dependence() throws -> String? {
        guard elements.count >= 2 else { return nil }
        let digits = 100
        let values = try values(precision: PrecisionPolicy.closedForm(digits: digits))
        guard let relation = try PSLQ.relation(among: values, digits: digits, maxNorm: ClosedFormSearch.largestNorm(digits)),
              ClosedFormSearch.isCredible(relation, digits: digits)
        else { return nil }
        return zip(relation, elements).filter { $0.0 != 0 }.map { "\($0.0)*(\($0.1))" }.joined(separator: " + ") + " = 0"
    }
}

/// A coefficient recognised as a rational combination of basis elements.
public struct ClosedForm: Sendable {
    /// The combination as an expression in pi.
    public let expression: CheckExpression
    /// The combination in the `--check` syntax, e.g. "1/2 - 2/pi^2".
    public var text: String { expression.description }
    /// |coefficient - closed form|, with the coefficient's best estimate.
    public let residual: BigFloat
    /// The integers: first the coefficient's, then one per basis element.
    public let relation: [Int]
    /// Decimal digits that integers of this size need to fit any numbers by chance: the sum of
    /// log10(2|a_i| + 1) over the nonzero a_i.
    public let neededDigits: Double

    public init(expression: CheckExpression, residual: BigFloat, relation: [Int], neededDigits: Double) {
        self.expression = expression
        self.residual = residual
        self.relation = relation
        self.neededDigits = neededDigits
    }
}

/// The integer-relation search behind a closed form, and its credibility rule.
///
/// PSLQ runs on (c, b_1, ..., b_m) with c known to D proved digits. A relation is reported only
/// when it holds to all D digits and D is far more than its integers need: at least twice
/// ``ClosedForm/neededDigits`` and at least 10 more. About that many digits are what a relation
/// of that size fits to random numbers (the number of integer vectors of that size is
/// 10^neededDigits), so a random constant yields none.
public enum ClosedFormSearch {
    public static func find(_ coefficient: BigFloat, provedDigits: Int, basis: ClosedFormBasis) throws -> ClosedForm? {
        guard provedDigits >= 12, coefficient.signum != 0 else { return nil }
        let precision = PrecisionPolicy.closedForm(digits: provedDigits)
        let basisValues = try basis.values(precision: precision)
        guard let relation = try PSLQ.relation(
            among: [coefficient.rounded(toPrecision: precision)] + basisValues, digits: provedDigits,
            maxNorm: largestNorm(provedDigits)),
            relation[0] != 0, isCredible(relation, digits: provedDigits)
        else { return nil }

        let expression = render(relation, basis.elements)
        let checkPrecision = max(coefficient.precision, precision)
        let value = try expression.evaluate(d: nil, precision: checkPrecision)
        let residual = (coefficient.rounded(toPrecision: checkPrecision) - value).magnitude
        let allowed = coefficient.magnitude * BigFloat.powerOfTen(1 - provedDigits, precision: checkPrecision)
        guard residual <= allowed else { return nil }
        return ClosedForm(expression: expression, residual: residual, relation: relation, neededDigits: neededDigits(relation))
    }

    /// The sum of log10(2|a_i| + 1) over the nonzero integers of a relation.
    public static func neededDigits(_ relation: [Int]) -> Double {
        relation.filter { $0 != 0 }.reduce(0.0) { $0 + Foundation.log10(2 * Double($1.magnitude) + 1) }
    }

    /// True when a relation holding to `digits` digits holds to far more than its integers
    /// need: at least twice as many and at least 10 more.
    public static func isCredible(_ relation: [Int], digits: Int) -> Bool {
        let needed = neededDigits(relation)
        return Double(digits) >= max(2 * needed, needed + 10)
    }

    /// The largest relation norm worth searching for at `digits` digits: a larger one cannot be
    /// credible (its integers alone need more than half the digits). Capped at 10^15, where
    /// PSLQ's machine integers end.
    static func largestNorm(_ digits: Int) -> Double {
        Foundation.pow(10, min(Double(digits) / 2, 15))
    }

    /// c = -(a_1 b_1 + ... + a_m b_m) / a_0 as an expression: each nonzero term p/q * b_i in
    /// lowest terms, with 1/X elements folded into the fraction ("2/pi^2", not "2*1/pi^2").
    static func render(_ relation: [Int], _ elements: [CheckExpression]) -> CheckExpression {
        let denominator = relation[0]
        var sum: CheckExpression?
        for (a, element) in zip(relation.dropFirst(), elements) where a != 0 {
            var p = -a
            var q = denominator
            let g = gcd(p.magnitude, q.magnitude)
            p /= Int(g)
            q /= Int(g)
            if q < 0 { (p, q) = (-p, -q) }
            let term = product(p.magnitude, q, element)
            if let previous = sum {
                sum = .binary(p < 0 ? .subtract : .add, previous, term)
            } else {
                sum = p < 0 ? .negated(term) : term
            }
        }
        return sum ?? .number("0")
    }

    /// p/q * element, for p, q > 0, written without factors of 1.
    static func product(_ p: UInt, _ q: Int, _ element: CheckExpression) -> CheckExpression {
        let (numerator, denominator): (CheckExpression, CheckExpression?) = {
            if case let .binary(.divide, top, bottom) = element { return (top, bottom) }
            return (element, nil)
        }()
        let one = CheckExpression.number("1")
        let top: CheckExpression = p == 1 ? numerator : (numerator == one ? .number("\(p)") : .binary(.multiply, .number("\(p)"), numerator))
        let bottom: CheckExpression? = {
            switch (q, denominator) {
            case (1, nil): return nil
            case (_, nil): return .number("\(q)")
            case let (1, bottom?): return bottom
            case let (_, bottom?): return .binary(.multiply, .number("\(q)"), bottom)
            }
        }()
        return bottom.map { .binary(.divide, top, $0) } ?? top
    }

    static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
