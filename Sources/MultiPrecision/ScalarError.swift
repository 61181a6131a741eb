/// Why a real-number operation produced no real result.
public enum ScalarError: Error, Equatable, CustomStringConvertible {
    /// The argument is outside the function's domain, e.g. acos(2) or sqrt(-1).
    case domain(function: String, argument: String)
    /// Decimal text that is not a finite number.
    case malformedNumber(String)
    /// A quantity that should be finite is NaN or infinite.
    case notFinite(String)
    /// A precision outside the range MPFR supports.
    case invalidPrecision(Int)
    /// The function has a value but no derivative at the argument (sqrt at 0, asin at 1): a
    /// forward-mode derivative (``Dual``) was asked for where none exists. Last, so that the
    /// cases before it keep their layout for anything built against them incrementally.
    case notDifferentiable(function: String, argument: String)

    public var description: String {
        switch self {
        case let .domain(function, argument) where argument.lowercased().contains("nan") || argument.lowercased().contains("inf"):
            return "\(function) of a value that is not finite: a quantity overflowed (the point or d is too large)"
        case let .domain(function, argument):
            return "\(function)(\(argument)) is not a real number"
        case let .malformedNumber(text):
            return "'\(text)' is not a finite decimal number (examples: 0.1, -1.5e-30)"
        case let .notFinite(what):
            return "\(what) is not finite (NaN or infinity)"
        case let .invalidPrecision(bits):
            return "precision \(bits) bits is outside the supported range \(BigFloat.minimumPrecision)...\(BigFloat.maximumPrecision)"
        case let .notDifferentiable(function, argument):
            return "\(function) has no derivative at \(argument): the quantity being differentiated is not smooth at this point"
        }
    }
}
