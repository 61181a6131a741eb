import ArgumentParser

/// The range and default of a command's `--digits`, and what its digits are.
protocol DigitsLimits {
    static var defaultDigits: Int { get }
    static var maximum: Int { get }
    /// The option's help, before the range.
    static var meaning: String { get }
}

/// `--digits`, shared by every command that proves digits, with one range check.
struct DigitsOption<Limits: DigitsLimits>: ParsableArguments {
    @Option(help: ArgumentHelp("\(Limits.meaning) (1 to \(Limits.maximum)).", valueName: "digits"))
    var digits: Int = Limits.defaultDigits

    func validate() throws {
        guard (1...Limits.maximum).contains(digits) else {
            throw ValidationError("--digits must be between 1 and \(Limits.maximum), got \(digits)")
        }
    }
}
