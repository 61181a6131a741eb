/// Why the model cannot answer; every case reads as a message to the user.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case partitionSyntax(text: String, problem: String)
    case blockTooSmall(partition: String, block: Int, size: String, d: String, value: String)
    case offDiagonalCarriesNothing(partition: String, block: Int, size: String, d: String)
    case dimensionTooLarge(d: String)
    case nearestDoubleInvalid(d: String, nearest: String, reason: String)
    case wrongNumberOfValues(expected: [String], got: Int)
    /// A point where the loss is not differentiable: a zero row (docs/design.md section 1).
    case zeroRow(block: Int)
    /// An interval evaluation that cannot enclose its result (the text says why and where).
    case noEnclosure(String)
    case notConverged(String)
    case undefinedPart(String)
    /// A value beyond the floating-point range.
    case overflow(String)
    /// A row split (``RowSplit``) that cannot be made: no such block, no rows, alpha outside (0, 1).
    case invalidSplit(String)
    /// A derivative beyond the second asked for where the loss has none: the pair named has
    /// sin theta = 0 (docs/design.md section 1). Last, so that the cases before it keep
    /// their layout for anything built against them incrementally.
    case notSmooth(String)

    /// True for a zero row, the one point where the loss has no gradient.
    public var isZeroRow: Bool {
        if case .zeroRow = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case let .partitionSyntax(text, problem):
            return "invalid partition '\(text.printable)': \(problem.printable)"
        case let .blockTooSmall(partition, block, size, d, value):
            return "at d = \(d) block \(block) ('\(size)') of partition \(partition) has size \(value), below 1: choose a larger d"
        case let .offDiagonalCarriesNothing(partition, block, size, d):
            return "at d = \(d) block \(block) ('\(size)') of partition \(partition) has size 1, so its off-diagonal variable carries no entry: choose a larger d, or write that block as the constant 1"
        case let .dimensionTooLarge(d):
            return "d = \(d) is above 1e15, the largest d evaluated in floating point (beyond it d - 1 is not exact in a Double); for the behaviour at larger d use `spurious series`"
        case let .nearestDoubleInvalid(d, nearest, reason):
            return "d = \(d) is valid, but the floating-point stages run at its nearest Double, \(nearest), where \(reason); choose a d farther from the bound"
        case let .wrongNumberOfValues(expected, got):
            return "\(expected.count) values expected (\(expected.joined(separator: ", "))), got \(got)"
        case let .zeroRow(block):
            return "singular point: a row of block \(block) is zero; the loss is not differentiable there"
        case let .noEnclosure(what):
            return "no enclosure: \(what)"
        case let .notConverged(what):
            return what
        case let .undefinedPart(what):
            return what
        case let .overflow(what):
            return what
        case let .invalidSplit(what):
            return "cannot split a row: \(what)"
        case let .notSmooth(pair):
            return "\(pair) are parallel or anti-parallel here, where the loss is twice but not three times differentiable: no third or fourth derivative; take a point off that ridge"
        }
    }
}

extension String {
    /// The text with control characters other than line breaks and tabs shown as escapes
    /// ("\\u{1B}"), so that a message never sends a terminal a control sequence it was given.
    public var printable: String {
        unicodeScalars.map { scalar in
            (scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format)
                && scalar != "\n" && scalar != "\t"
                ? "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}" : String(scalar)
        }.joined()
    }
}
