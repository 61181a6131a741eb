/// A decimal number as a user typed it ("10", "-0.70143", "1e-3"), checked once and then read
/// at whatever precision each computation needs: a seed typed with five digits is the same
/// rational number at 53 bits and at 3000, and it is printed back as typed.
public struct DecimalLiteral: Hashable, Sendable, CustomStringConvertible {
    /// The text as typed, without surrounding white space.
    public let text: String

    /// Throws ``ScalarError/malformedNumber(_:)`` unless `text` is a finite decimal number
    /// (`[+-]digits[.digits][e[+-]digits]`).
    public init(_ text: String) throws {
        let trimmed = text.trimmingWhitespace()
        _ = try Double(parsing: trimmed, precision: 53)
        self.text = trimmed
    }

    /// The exact value of a finite `Double`, written in Swift's shortest form that reads back to
    /// it ("0.1", "5.5", "1e-12"), or as an integer when it is one below 10^15.
    public init(exactly value: Double) {
        precondition(value.isFinite, "a decimal literal is finite")
        text = value == value.rounded() && Swift.abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// 10^exponent, written "1e<exponent>".
    public static func powerOfTen(_ exponent: Int) -> DecimalLiteral {
        DecimalLiteral(checked: "1e\(exponent)")
    }

    /// A text known to be decimal syntax.
    private init(checked text: String) {
        self.text = text
    }

    /// The value correctly rounded at `precision` bits.
    public func value(precision: Int) -> BigFloat {
        // The syntax was checked at creation, so parsing cannot fail.
        (try? BigFloat(parsing: text, precision: precision)) ?? BigFloat(0, precision: precision)
    }

    /// The nearest `Double`.
    public var double: Double {
        (try? Double(parsing: text, precision: 53)) ?? 0
    }

    public var description: String { text }
}

/// A decimal literal in a file is its text, checked again when read.
extension DecimalLiteral: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal number: \(text)")
        }
    }
}
