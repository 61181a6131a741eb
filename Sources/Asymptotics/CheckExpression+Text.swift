extension CheckExpression: CustomStringConvertible {
    /// The expression in the syntax it is parsed from, with the parentheses that its structure
    /// needs for its value and no others: printing and parsing again gives an expression with
    /// the same value.
    public var description: String {
        switch self {
        case let .number(text): return text
        case .d: return "d"
        case .pi: return "pi"
        case let .function(f, e): return "\(f.rawValue)(\(e))"
        // -(a/b) = (-a)/b, so only a sum needs parentheses after a minus sign.
        case let .negated(e): return "-" + e.wrapped(if: e.precedence < 2)
        case let .binary(op, a, b):
            switch op {
            case .add: return "\(a) + \(b.wrapped(if: b.precedence < 1))"
            case .subtract: return "\(a) - \(b.wrapped(if: b.precedence <= 1))"
            case .multiply: return "\(a.wrapped(if: a.precedence < 2))*\(b.wrapped(if: b.precedence < 2))"
            case .divide: return "\(a.wrapped(if: a.precedence < 2))/\(b.wrapped(if: b.precedence <= 2))"
            case .power: return "\(a.wrapped(if: a.precedence <= 4))^\(b.wrapped(if: b.precedence <= 4))"
            }
        }
    }

    /// 1 for sums, 2 products, 3 negation, 4 powers, 5 atoms.
    var precedence: Int {
        switch self {
        case .number, .d, .pi, .function: return 5
        case .negated: return 3
        case let .binary(op, _, _):
            switch op {
            case .add, .subtract: return 1
            case .multiply, .divide: return 2
            case .power: return 4
            }
        }
    }

    private func wrapped(if needed: Bool) -> String {
        needed ? "(\(self))" : description
    }
}
