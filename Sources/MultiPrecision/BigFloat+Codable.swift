import CMPFR

/// Exact text for values that go to a file and come back (the partial results of
/// `spurious atlas --shard`, docs/design.md section 10): the precision, then the significand in
/// hexadecimal with MPFR's `@` exponent (a power of 16), e.g. `"296:0.5a8f...@1"`. Every bit
/// is kept, so a value decodes to exactly the number that was encoded, at its precision.
extension BigFloat: Codable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(precision):\(exactHexadecimal)")
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let colon = text.firstIndex(of: ":"), let precision = Int(text[..<colon]),
              (try? BigFloat.validate(precision: precision)) != nil
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a precision-tagged binary number: \(text)")
        }
        let body = String(text[text.index(after: colon)...])
        let result = BigFloat(uninitializedPrecision: precision)
        let status = body.withCString { mpfr_set_str(result.storage.value, $0, 16, MPFR_RNDN) }
        guard status == 0 else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a hexadecimal MPFR number: \(body)")
        }
        self = result
    }

    /// The value in base 16 with enough digits to be exact (1 + ceil(precision / 4), which
    /// MPFR chooses when asked for 0 digits): "-0.1a2b@3" is -0x0.1a2b * 16^3.
    var exactHexadecimal: String {
        if self != self { return "@NaN@" }
        if !isFinite { return signum < 0 ? "-@Inf@" : "@Inf@" }
        if signum == 0 { return "0" }
        var exponent: mpfr_exp_t = 0
        let raw: String = withValue { x in
            guard let chars = mpfr_get_str(nil, &exponent, 16, 0, x, MPFR_RNDN) else { return "" }
            defer { mpfr_free_str(chars) }
            return String(cString: chars)
        }
        let negative = raw.hasPrefix("-")
        return (negative ? "-" : "") + "0." + (negative ? String(raw.dropFirst()) : raw) + "@\(exponent)"
    }
}
