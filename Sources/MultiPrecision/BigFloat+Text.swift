import CMPFR

/// Decimal text in and out.
extension BigFloat {
    /// Parses decimal text such as `"0.1"`, `"-1.5e-30"` or `"42"`, rounded to nearest at
    /// `precision` bits. Anything else (empty text, `"nan"`, `"inf"`, `"1.2.3"`, hexadecimal)
    /// throws ``ScalarError/malformedNumber(_:)`` naming the text.
    public init(parsing text: String, precision: Int) throws {
        let trimmed = text.trimmingWhitespace()
        guard DecimalSyntax.isValid(trimmed) else { throw ScalarError.malformedNumber(text) }
        let result = BigFloat(uninitializedPrecision: precision)
        let status = trimmed.withCString { mpfr_set_str(result.storage.value, $0, 10, MPFR_RNDN) }
        guard status == 0, result.isFinite else { throw ScalarError.malformedNumber(text) }
        self = result
    }

    /// The value correctly rounded (to nearest) to `digits` significant decimal digits.
    ///
    /// Positional notation when the decimal exponent is between -5 and `digits` - 1
    /// (`"3.14159"`, `"0.000123"`), scientific otherwise (`"1.5e-30"`). Trailing zeros are kept:
    /// every printed digit is one of the `digits` asked for.
    public func formatted(significantDigits digits: Int) -> String {
        precondition(digits >= 1, "at least one significant digit")
        guard isFinite else { return signum < 0 ? "-inf" : (self == self ? "inf" : "nan") }
        if signum == 0 { return digits == 1 ? "0" : "0." + String(repeating: "0", count: digits - 1) }
        var exponent: mpfr_exp_t = 0
        let raw: String = withValue { x in
            guard let chars = mpfr_get_str(nil, &exponent, 10, digits, x, MPFR_RNDN) else { return "" }
            defer { mpfr_free_str(chars) }
            return String(cString: chars)
        }
        let negative = raw.hasPrefix("-")
        let mantissa = Array(negative ? raw.dropFirst() : Substring(raw))
        return (negative ? "-" : "") + DecimalLayout.layout(digits: mantissa, exponent: Int(exponent) - 1)
    }

    /// The value correctly rounded to `digits` significant decimal digits, as the binary number
    /// nearest to that decimal at `precision` bits.
    public func roundedToSignificantDigits(_ digits: Int, precision: Int) -> BigFloat {
        // Formatted text is decimal syntax, so it always parses.
        (try? BigFloat(parsing: formatted(significantDigits: digits), precision: precision)) ?? rounded(toPrecision: precision)
    }

    /// The power of ten of the last digit when the value is correctly rounded to `digits`
    /// significant digits: -4 for 5.4321 at 5 digits, -31 for 1.2e-30 at 2.
    public func lastDigitExponent(significantDigits digits: Int) -> Int {
        DecimalDigits(formatted(significantDigits: digits)).lastDigitExponent
    }

    public var description: String {
        formatted(significantDigits: Int((Double(precision) * 0.30102999566398120).rounded(.up)) + 1)
    }
}

/// Placing a string of significant digits with a decimal exponent.
enum DecimalLayout {
    /// `digits` d1 d2 ... stand for d1.d2... x 10^exponent.
    static func layout(digits: [Character], exponent: Int) -> String {
        if exponent >= -5 && exponent < digits.count {
            if exponent >= 0 {
                let whole = String(digits[0...exponent])
                let fraction = String(digits[(exponent + 1)...])
                return fraction.isEmpty ? whole : whole + "." + fraction
            }
            return "0." + String(repeating: "0", count: -exponent - 1) + String(digits)
        }
        let head = String(digits[0])
        let tail = String(digits.dropFirst())
        return head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }
}

/// The decimal number syntax accepted from users: `[+-]digits[.digits][e[+-]digits]`, with at
/// least one digit in the mantissa.
enum DecimalSyntax {
    static func isValid(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        let mantissaEnd = chars.firstIndex { $0 == "e" || $0 == "E" } ?? chars.endIndex
        let mantissa = chars[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            parts.contains(where: { !$0.isEmpty })
        else { return false }
        if mantissaEnd == chars.endIndex { return true }
        var exponent = chars[chars.index(after: mantissaEnd)...]
        if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
