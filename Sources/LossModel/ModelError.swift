/// Why the model cannot answer; every case reads as a message to the user.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case partitionSyntax(text: String, problem: String)
    case blockTooSmall(partition: String, block: Int, size: String, d: Double, value: Double)
    case offDiagonalCarriesNothing(partition: String, block: Int, size: String, d: Double)
    case wrongNumberOfValues(expected: [String], got: Int)
    /// A point where the loss is not differentiable: a zero row (DESIGN.md section 1).
    case singular(String)
    /// An interval evaluation that cannot enclose its result (the text says why and where).
    case noEnclosure(String)
    case notConverged(String)
    case undefinedPart(String)

    public var description: String {
        switch self {
        case let .partitionSyntax(text, problem):
            return "invalid partition '\(text)': \(problem)"
        case let .blockTooSmall(partition, block, size, d, value):
            return "at d = \(d) block \(block) ('\(size)') of partition \(partition) has size \(value), below 1: choose a larger d"
        case let .offDiagonalCarriesNothing(partition, block, size, d):
            return "at d = \(d) block \(block) ('\(size)') of partition \(partition) has size 1, so its off-diagonal variable carries no entry: choose a larger d, or write that block as the constant 1"
        case let .wrongNumberOfValues(expected, got):
            return "\(expected.count) values expected (\(expected.joined(separator: ", "))), got \(got)"
        case let .singular(what):
            return "singular point: \(what); the loss is not differentiable there"
        case let .noEnclosure(what):
            return "no enclosure: \(what)"
        case let .notConverged(what):
            return what
        case let .undefinedPart(what):
            return what
        }
    }
}
