import MultiPrecision

/// Why an expression has no value at a point.
public enum ExpressionError: Error, Equatable, CustomStringConvertible {
    /// A symbol with no value among the bindings.
    case unboundSymbol(String)
    /// A negative power of an expression that is zero there.
    case divisionByZero(String)

    public var description: String {
        switch self {
        case let .unboundSymbol(name): return "the symbol \(name) has no value"
        case let .divisionByZero(what): return "division by zero: \(what) is 0"
        }
    }
}

extension Expression {
    /// The value with `bindings` for the symbols (by name) and `d`, computed at the largest
    /// precision among them. Throws ``ExpressionError`` for an unbound symbol or a division by
    /// zero, and ``ScalarError`` where sqrt or acos leave the reals.
    public func evaluate<S: Scalar>(_ bindings: [String: S], d: S) throws -> S {
        let precision = bindings.values.reduce(d.precision) { Swift.max($0, $1.precision) }
        let context = EvaluationContext(
            bindings: bindings, d: d.rounded(toPrecision: precision), pi: S.pi(precision: precision), precision: precision)
        return try value(in: context)
    }

    func value<S: Scalar>(in context: EvaluationContext<S>) throws -> S {
        switch self {
        case let .number(numerator, denominator):
            let top = S(numerator, precision: context.precision)
            return denominator == 1 ? top : top / S(denominator, precision: context.precision)
        case let .symbol(symbol):
            guard let value = context.bindings[symbol.name] else { throw ExpressionError.unboundSymbol(symbol.name) }
            return value
        case .dimension:
            return context.d
        case .pi:
            return context.pi
        case let .sum(terms):
            var total = S(0, precision: context.precision)
            for term in terms { total += try term.value(in: context) }
            return total
        case let .product(factors):
            var total = S(1, precision: context.precision)
            for factor in factors { total *= try factor.value(in: context) }
            return total
        case let .power(base, exponent):
            let x = try base.value(in: context)
            if exponent < 0 && x.signum == 0 { throw ExpressionError.divisionByZero(base.text) }
            var result = S(1, precision: context.precision)
            var square = x
            var remaining = exponent.magnitude
            while remaining > 0 {
                if remaining & 1 == 1 { result *= square }
                remaining >>= 1
                if remaining > 0 { square *= square }
            }
            return exponent < 0 ? S(1, precision: context.precision) / result : result
        case let .squareRoot(x):
            return try S.sqrt(x.value(in: context))
        case let .arccosine(x):
            return try S.acos(x.value(in: context))
        }
    }
}

/// What an evaluation needs at every node.
struct EvaluationContext<S: Scalar> {
    var bindings: [String: S]
    let d: S
    let pi: S
    let precision: Int
}

extension Formula {
    /// The targets' values at the point with `values` for the variables (in order) and `d`:
    /// the definitions are evaluated in order, each with the values of those before it.
    /// Throws ``ModelError/wrongNumberOfValues(expected:got:)`` for a wrong count, and what
    /// ``Expression/evaluate(_:d:)`` throws (a singular point shows as a domain error or a
    /// division by zero).
    public func evaluate<S: Scalar>(_ values: [S], d: S) throws -> [S] {
        guard values.count == variables.count else {
            throw ModelError.wrongNumberOfValues(expected: variables.map(\.name), got: values.count)
        }
        let precision = values.reduce(d.precision) { Swift.max($0, $1.precision) }
        var context = EvaluationContext(
            bindings: Dictionary(uniqueKeysWithValues: zip(variables.map(\.name), values)),
            d: d.rounded(toPrecision: precision), pi: S.pi(precision: precision), precision: precision)
        for definition in definitions {
            context.bindings[definition.symbol.name] = try definition.expression.value(in: context)
        }
        return try targets.map { try $0.expression.value(in: context) }
    }
}
