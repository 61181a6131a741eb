/// A number with the digits that are proved, and the evidence that proves them.
///
/// The tool's meaning of a proved digit (docs/design.md section 6): the quantity is computed at
/// a working precision and again at a clearly higher one, and a digit counts only when both
/// values, correctly rounded, agree on it. The value is produced once, where it is computed
/// (location, a spectrum, a polished critical point), and travels as it is to certification,
/// reports, diagrams and data files: nobody downstream formats a number and reads it back.
public struct ProvedValue: Sendable, Codable {
    /// What proves the digits.
    public enum Evidence: Sendable, Codable {
        /// The same quantity computed at two precisions, `check` the higher.
        case recomputation(working: BigFloat, check: BigFloat)
        /// Several independent estimates (extrapolation orders and precisions), the first the
        /// best; the digits are those on which all of them agree.
        case estimates([BigFloat])
        /// A value known exactly (the integer coordinates of a global minimum, the loss 0 where
        /// the student network fits the teacher, a zero eigenvalue of the kernel there).
        case exact(BigFloat)
    }

    public let evidence: Evidence
    /// The proved digits, correctly rounded: "5.5855052474", "-1.2e-30", "0"; nil when not even
    /// the sign survives recomputation.
    public let decimal: String?

    /// The digits on which `working` and `check` agree when both are correctly rounded, at
    /// most `digits` of them.
    public init(_ working: BigFloat, check: BigFloat, upTo digits: Int) {
        evidence = .recomputation(working: working, check: check)
        decimal = working.agreeingDigits(with: check, upTo: digits)
    }

    /// The digits on which every estimate agrees when correctly rounded, at most `digits` of
    /// them; `estimates` must not be empty, the first being the best.
    public init(estimates: [BigFloat], upTo digits: Int) {
        evidence = .estimates(estimates)
        decimal = ProvedValue.common(estimates, upTo: digits)
    }

    /// The longest prefix, at most `limit` significant digits, on which every estimate rounds
    /// alike; nil when they disagree on the first digit or on the sign.
    static func common(_ estimates: [BigFloat], upTo limit: Int) -> String? {
        guard let first = estimates.first, limit >= 1 else { return nil }
        guard estimates.allSatisfy({ $0.isFinite && $0.signum == first.signum }) else { return nil }
        for n in stride(from: limit, through: 1, by: -1) {
            let text = first.formatted(significantDigits: n)
            if estimates.dropFirst().allSatisfy({ $0.formatted(significantDigits: n) == text }) { return text }
        }
        return nil
    }

    /// An exact value, printed as `decimal`.
    public init(exact value: BigFloat, decimal: String) {
        evidence = .exact(value)
        self.decimal = decimal
    }

    private init(evidence: Evidence, decimal: String?) {
        self.evidence = evidence
        self.decimal = decimal
    }

    /// The most accurate value the evidence holds (the check precision's).
    public var value: BigFloat {
        switch evidence {
        case let .recomputation(_, check): check
        case let .estimates(values): values.first ?? BigFloat(0)
        case let .exact(value): value
        }
    }

    /// The value as a `Double`, for ordering and plotting only.
    public var approximate: Double { value.doubleValue }

    /// True when at least one digit (or the exact value) is proved.
    public var isDetermined: Bool { decimal != nil }

    /// Significant digits in ``decimal`` (leading zeros are not significant; "0" has none).
    public var digits: Int {
        guard let decimal else { return 0 }
        return DecimalDigits(decimal).significant
    }

    /// The power of ten of the last proved digit: -4 for "5.4321", -31 for "1.2e-30".
    public var lastDigitExponent: Int? {
        decimal.map { DecimalDigits($0).lastDigitExponent }
    }

    /// 10^``lastDigitExponent`` at `precision` bits: one unit in the last proved digit.
    public func unitInLastDigit(precision: Int) -> BigFloat? {
        guard let exponent = lastDigitExponent else { return nil }
        return BigFloat.powerOfTen(exponent, precision: precision)
    }

    /// The proved decimal as a binary number at `precision` bits (correctly rounded).
    public func rounded(precision: Int) -> BigFloat? {
        guard let decimal else { return nil }
        return try? BigFloat(parsing: decimal, precision: precision)
    }

    /// The same evidence with one proved digit fewer, rounded once from the evidence (never by
    /// rounding the shorter text again, which could move a digit); with one digit or none left,
    /// a value with no proved digit.
    public func droppingLastDigit() -> ProvedValue {
        let count = digits
        guard count > 1 else { return ProvedValue(evidence: evidence, decimal: nil) }
        let decimal: String?
        switch evidence {
        case let .recomputation(low, check): decimal = low.agreeingDigits(with: check, upTo: count - 1)
        case let .estimates(values): decimal = ProvedValue.common(values, upTo: count - 1)
        case let .exact(value): decimal = value.formatted(significantDigits: count - 1)
        }
        return ProvedValue(evidence: evidence, decimal: decimal)
    }
}

extension BigFloat {
    /// 10^exponent at `precision` bits, correctly rounded.
    public static func powerOfTen(_ exponent: Int, precision: Int) -> BigFloat {
        // "1e<exponent>" is valid decimal syntax for every Int, so parsing cannot fail.
        (try? BigFloat(parsing: "1e\(exponent)", precision: precision)) ?? BigFloat(0, precision: precision)
    }
}

/// The significant digits and the place of the last digit of a decimal text such as "5.4321"
/// or "-1.2e-30", as ``BigFloat/formatted(significantDigits:)`` writes it.
struct DecimalDigits {
    let significant: Int
    let lastDigitExponent: Int

    init(_ text: String) {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first ?? ""
        let shift = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = mantissa.split(separator: ".", maxSplits: 1)
        let decimals = fraction.count > 1 ? fraction[1].count : 0
        lastDigitExponent = shift - decimals
        significant = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
    }
}
