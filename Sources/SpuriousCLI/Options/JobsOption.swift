import ArgumentParser
import Foundation

/// `--jobs`, shared by the commands that run independent pieces of work on several cores, with
/// one range check. The output never depends on it.
struct JobsOption: ParsableArguments {
    @Option(help: "Pieces of work run at the same time (default: every core); the output does not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256, got \(jobs)") }
    }
}
