/// A real expression in d and pi, as typed for `spurious series --check` and for closed-form
/// bases: numbers (`2`, `0.5`, `1e-3`), `d`, `pi` (or `π`), `+ - * /`, `^` (or `**`, right
/// associative, binding tighter than a leading minus: -d^2 is -(d^2)), parentheses, and the
/// functions sqrt, log, exp, sin, cos, atan. Closed forms are printed in this syntax, so they
/// can be pasted back.
public indirect enum CheckExpression: Sendable, Equatable {
    public enum Operator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    public enum Function: String, Sendable, CaseIterable {
        case sqrt, log, exp, sin, cos, atan
    }

    /// Decimal text, read at the precision of each evaluation.
    case number(String)
    case d
    case pi
    case negated(CheckExpression)
    case binary(Operator, CheckExpression, CheckExpression)
    case function(Function, CheckExpression)

    /// True when the expression depends on d.
    public var usesD: Bool {
        switch self {
        case .number, .pi: return false
        case .d: return true
        case let .negated(e), let .function(_, e): return e.usesD
        case let .binary(_, a, b): return a.usesD || b.usesD
        }
    }

    /// Parses `text`; a syntax error names the character where it was found.
    public init(parsing text: String) throws {
        var parser = ExpressionParser(text)
        self = try parser.parseWhole()
    }
}

/// Recursive descent over the characters of one expression.
struct ExpressionParser {
    let text: String
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    mutating func parseWhole() throws -> CheckExpression {
        skipSpaces()
        guard position < characters.count else { throw failure("the expression is empty") }
        let expression = try parseSum()
        skipSpaces()
        guard position == characters.count else {
            throw failure("unexpected '\(characters[position])' (an operator such as * missing?)")
        }
        return expression
    }

    func failure(_ problem: String) -> AsymptoticsError {
        .syntax(text: text, position: min(position, characters.count), problem: problem)
    }

    mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// The next non-space character, without consuming it.
    mutating func peek() -> Character? {
        skipSpaces()
        return position < characters.count ? characters[position] : nil
    }

    mutating func parseSum() throws -> CheckExpression {
        var left = try parseProduct()
        while let c = peek(), c == "+" || c == "-" {
            position += 1
            left = .binary(c == "+" ? .add : .subtract, left, try parseProduct())
        }
        return left
    }

    mutating func parseProduct() throws -> CheckExpression {
        var left = try parseUnary()
        while let c = peek(), c == "*" || c == "/" {
            position += 1
            left = .binary(c == "*" ? .multiply : .divide, left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws -> CheckExpression {
        if let c = peek(), c == "-" || c == "+" {
            position += 1
            let operand = try parseUnary()
            return c == "-" ? .negated(operand) : operand
        }
        return try parsePower()
    }

    mutating func parsePower() throws -> CheckExpression {
        let base = try parseAtom()
        guard let c = peek() else { return base }
        if c == "^" {
            position += 1
        } else if c == "*", position + 1 < characters.count, characters[position + 1] == "*" {
            position += 2
        } else {
            return base
        }
        return .binary(.power, base, try parseUnary())
    }

    mutating func parseAtom() throws -> CheckExpression {
        guard let c = peek() else { throw failure("the expression ends where a number, d, pi or '(' is needed") }
        if c == "(" {
            position += 1
            let inner = try parseSum()
            guard peek() == ")" else { throw failure("')' expected") }
            position += 1
            return inner
        }
        if c.isNumber || c == "." { return try parseNumber() }
        if c == "π" {
            position += 1
            return .pi
        }
        guard c.isLetter else { throw failure("unexpected '\(c)': a number, d, pi, a function or '(' is needed") }
        let start = position
        while position < characters.count, characters[position].isLetter { position += 1 }
        let name = String(characters[start..<position])
        switch name {
        case "d": return .d
        case "pi": return .pi
        default:
            guard let function = CheckExpression.Function(rawValue: name) else {
                position = start
                throw failure("unknown name '\(name)': the names are d, pi and the functions \(CheckExpression.Function.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard peek() == "(" else { throw failure("'(' expected after \(name)") }
            position += 1
            let argument = try parseSum()
            guard peek() == ")" else { throw failure("')' expected to close \(name)(") }
            position += 1
            return .function(function, argument)
        }
    }

    /// digits[.digits][e[+-]digits], kept as text.
    mutating func parseNumber() throws -> CheckExpression {
        let start = position
        func digits() -> Int {
            let from = position
            while position < characters.count, characters[position].isASCIIDigit { position += 1 }
            return position - from
        }
        var count = digits()
        if position < characters.count, characters[position] == "." {
            position += 1
            count += digits()
        }
        guard count > 0 else {
            position = start
            throw failure("a number needs at least one digit")
        }
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            let mark = position
            position += 1
            if position < characters.count, characters[position] == "+" || characters[position] == "-" { position += 1 }
            if digits() == 0 { position = mark }
        }
        return .number(String(characters[start..<position]))
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
