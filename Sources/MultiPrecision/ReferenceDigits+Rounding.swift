extension ReferenceDigits {
    /// `reference`, a truncated decimal expansion such as ``pi``, correctly rounded (to nearest)
    /// to `digits` significant digits and laid out as ``BigFloat/formatted(significantDigits:)``
    /// lays out a number, so that the two strings can be compared directly.
    ///
    /// The reference digits are truncated digits of an irrational number, so the digit after
    /// the last one kept decides alone: 5 or more rounds up (the true value is above the
    /// midpoint, never on it), less rounds down. `reference` must be `"d.ddd..."` with a nonzero
    /// first digit and more than `digits` significant digits.
    public static func rounded(_ reference: String, significantDigits digits: Int) -> String {
        var values = reference.filter { $0 != "." }.map { $0.isASCIIDigit ? $0.wholeNumberValue ?? 0 : -1 }
        precondition(digits >= 1, "at least one significant digit")
        precondition(values.count > digits, "\(values.count) reference digits cannot be rounded at \(digits)")
        precondition(values.allSatisfy { $0 >= 0 } && values[0] != 0, "not a reference expansion: \(reference.prefix(20))")
        let roundUp = values[digits] >= 5
        values.removeSubrange(digits...)
        var exponent = 0
        if roundUp {
            var index = digits - 1
            while index >= 0, values[index] == 9 {
                values[index] = 0
                index -= 1
            }
            if index >= 0 {
                values[index] += 1
            } else {
                // 9.99...9 rounds up to 10.0...0: one more digit before the point.
                values.insert(1, at: 0)
                values.removeLast()
                exponent = 1
            }
        }
        return DecimalLayout.layout(digits: values.map { Character(String($0)) }, exponent: exponent)
    }
}
