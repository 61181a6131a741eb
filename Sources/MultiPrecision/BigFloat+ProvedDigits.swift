/// Digits that survive a recomputation at a higher precision.
extension BigFloat {
    /// The longest prefix, at most `digits` significant digits, on which this value and the
    /// same quantity recomputed at a clearly higher precision (`check`) agree when both are
    /// correctly rounded; `nil` when they do not agree even on one digit (or on the sign).
    ///
    /// This is the tool's meaning of a proved digit: a digit is printed only when it does not
    /// change under recomputation (docs/design.md section 6).
    public func agreeingDigits(with check: BigFloat, upTo digits: Int) -> String? {
        guard isFinite, check.isFinite, signum == check.signum else { return nil }
        if signum == 0 { return "0" }
        for count in stride(from: digits, through: 1, by: -1) {
            let text = formatted(significantDigits: count)
            if text == check.formatted(significantDigits: count) { return text }
        }
        return nil
    }
}
