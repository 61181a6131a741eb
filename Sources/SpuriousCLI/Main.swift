import ArgumentParser
import Foundation
import LossModel
import Report

extension SpuriousCommand {
    /// The process's entry: a closed pipe is reported as a failed write (not a silent death
    /// by SIGPIPE), and the status is whatever ``run(_:)`` says.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Parses `arguments`, runs the command and returns the exit status. Help goes to standard
    /// output (checked like every other write); errors go to standard error, with control
    /// characters from the input shown as escapes. A repeated option is refused rather than
    /// silently keeping the last value.
    static func run(_ arguments: [String]) -> Int32 {
        RepeatedOptions.$arguments.withValue(arguments) {
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                return 0
            } catch {
                return report(error)
            }
        }
    }

    /// Writes what `error` says and returns the status it calls for.
    private static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error)
        let message = fullMessage(for: error).printable
        if code == .success {
            do {
                try StandardOutput.write(message.isEmpty ? "" : message + "\n")
                return 0
            } catch {
                StandardError.write("Error: \(error)\n")
                return 1
            }
        }
        if !message.isEmpty { StandardError.write(message + "\n") }
        return code.rawValue
    }
}

/// Options given more than once are refused: swift-argument-parser would keep the last value
/// without a word. Only `transitions --partition` may repeat. Every command includes this
/// group, so the check runs while the command is validated and its message carries the
/// command's usage.
struct RepeatedOptions: ParsableArguments {
    /// The arguments being parsed (set by ``SpuriousCommand/run(_:)``).
    @TaskLocal static var arguments: [String] = []

    func validate() throws {
        let arguments = RepeatedOptions.arguments
        let repeatable: Set<String> = arguments.first == "transitions" ? ["--partition"] : []
        var seen: Set<String> = []
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") {
            let name = String(argument.prefix { $0 != "=" })
            guard !repeatable.contains(name) else { continue }
            guard seen.insert(name).inserted else {
                throw ValidationError("\(name) is given more than once; give it once")
            }
        }
    }
}
