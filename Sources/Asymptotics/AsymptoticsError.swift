/// Why an asymptotic computation cannot answer; every case reads as a message to the user.
public enum AsymptoticsError: Error, Equatable, CustomStringConvertible {
    /// An expression (for `--check` or a basis element) that does not parse.
    case syntax(text: String, position: Int, problem: String)
    /// An expression that cannot be evaluated (log of a negative number, d where none is given).
    case evaluation(String)
    /// A quantity name that the system does not know.
    case unknownQuantity(name: String, known: [String])
    /// Following the family towards large d failed.
    case ladder(String)
    /// The quantity does not behave like a power of d at the top of the ladder.
    case leadingPower(String)
    /// Settings that make no sense (too few terms, a ladder that does not reach far enough).
    case settings(String)

    public var description: String {
        switch self {
        case let .syntax(text, position, problem):
            let marker = String(repeating: " ", count: position) + "^"
            return "cannot read '\(text)': \(problem) at character \(position + 1)\n  \(text)\n  \(marker)"
        case let .evaluation(what), let .ladder(what), let .leadingPower(what), let .settings(what):
            return what
        case let .unknownQuantity(name, known):
            return "unknown quantity '\(name)': use one of \(known.joined(separator: ", "))"
        }
    }
}
