import ArgumentParser
import MultiPrecision

/// A comma-separated list of decimal numbers as typed on the command line (`-0.8,0.2`),
/// kept as text so that each computation can read it at its own precision.
struct NumberList {
    let texts: [String]

    /// Checks every entry; `option` names the option in the message.
    init(_ text: String, option: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }
        for (i, part) in parts.enumerated() {
            do {
                _ = try Double(parsing: part, precision: 53)
            } catch {
                throw CLIError("\(option): value \(i + 1) '\(part)' is not a decimal number (write e.g. \(option)=-0.8,0.2)")
            }
        }
        texts = parts
    }
}

/// A message for the user, printed as `Error: ...` with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Throws a validation message unless `value` (when given) is a finite number; swift-argument-
/// parser reads "nan" and "inf" as Doubles, which no d can be.
func requireFinite(_ value: Double?, _ option: String) throws {
    if let value, !value.isFinite {
        throw ValidationError("\(option) must be a finite number, got \(value)")
    }
}
