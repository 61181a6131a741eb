import MultiPrecision

extension CheckExpression {
    /// The value at `d` (nil when the expression must not use d, as a basis element), with
    /// every number and constant at `precision` bits. A value outside the reals (sqrt(-1),
    /// log 0, 1/0) throws ``AsymptoticsError/evaluation(_:)``.
    public func evaluate(d: BigFloat?, precision: Int) throws -> BigFloat {
        do {
            return try value(d: d?.rounded(toPrecision: precision), precision: precision)
        } catch let error as ScalarError {
            throw AsymptoticsError.evaluation("the expression has no real value here: \(error)")
        }
    }

    private func value(d: BigFloat?, precision: Int) throws -> BigFloat {
        switch self {
        case let .number(text):
            return try BigFloat(parsing: text, precision: precision)
        case .d:
            guard let d else { throw AsymptoticsError.evaluation("d has no value in a constant (a basis element cannot depend on d)") }
            return d
        case .pi:
            return BigFloat.pi(precision: precision)
        case let .negated(e):
            return -(try e.value(d: d, precision: precision))
        case let .binary(op, a, b):
            let x = try a.value(d: d, precision: precision)
            let y = try b.value(d: d, precision: precision)
            switch op {
            case .add: return x + y
            case .subtract: return x - y
            case .multiply: return x * y
            case .divide: return try x.dividing(by: y)
            case .power: return try BigFloat.pow(x, y)
            }
        case let .function(f, e):
            let x = try e.value(d: d, precision: precision)
            switch f {
            case .sqrt: return try BigFloat.sqrt(x)
            case .log: return try BigFloat.log(x)
            case .exp: return try BigFloat.exp(x)
            case .sin: return BigFloat.sin(x)
            case .cos: return BigFloat.cos(x)
            case .atan: return BigFloat.atan(x)
            }
        }
    }
}
