import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Report

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a family of critical points in d and report its folds and saddle/minimum transitions.",
        discussion: """
            Pseudo-arclength continuation in d (any real d) from a seed, with the full Hessian \
            spectrum at every accepted point. Without --to the family is followed both ways: \
            down until its spectrum stops being defined and up to --max-d. Events are located \
            to --digits proved digits. --csv writes the bifurcation diagram (one row per point, \
            located events as their own rows); --svg draws it.

            Example:
              spurious follow --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --to 5 --csv one-flipped.csv --svg one-flipped.svg
            """)

    @OptionGroup var family: FamilyOptions

    @Option(parsing: .unconditional, help: "Follow from --seed-d to this d only (default: both ways).")
    var to: Double?

    @Option(name: .customLong("max-d"), help: "Upper end when following both ways.")
    var maxD: Double = 40

    @Option(help: "Proved significant digits for located events (1 to 1000).")
    var digits: Int = 20

    @Option(help: "Write the bifurcation diagram as CSV to this file.")
    var csv: String?

    @Option(help: "Write a picture of the family (SVG) to this file.")
    var svg: String?

    @Option(name: .customLong("svg-quantity"), help: "What the SVG plots against d: loss, or a coordinate name such as D1.")
    var svgQuantity: String = "loss"

    @Option(name: .customLong("max-steps"), help: "Most continuation steps per direction.")
    var maxSteps: Int = 2000

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard family.partition != nil else { throw ValidationError("follow needs --partition and --seed") }
        guard (1...1000).contains(digits) else { throw ValidationError("--digits must be between 1 and 1000, got \(digits)") }
        guard maxSteps >= 1 else { throw ValidationError("--max-steps must be at least 1") }
        try requireFinite(to, "--to")
        try requireFinite(maxD, "--max-d")
        if let family = try family.family(), svgQuantity != "loss",
           !FixedSpace(family.partition).names.contains(svgQuantity) {
            throw ValidationError("--svg-quantity: '\(svgQuantity)' is neither loss nor a coordinate of \(family.partition) (\(FixedSpace(family.partition).names.joined(separator: ", ")))")
        }
    }

    func run() throws {
        guard let chosen = try family.family() else { throw CLIError("follow needs --partition and --seed") }
        let progress = ProgressLine(quiet: quiet)
        let run = try FamilyRun.follow(chosen, to: to, maxD: maxD, maxSteps: maxSteps, digits: digits, progress: progress)
        progress.finish()
        // Files first: if one cannot be written, the command fails before printing anything.
        if let csv { try run.write(csv: csv) }
        if let svg {
            try run.write(svg: svg, quantity: svgQuantity == "loss" ? .loss : .coordinate(svgQuantity))
        }
        print(run.summary(), terminator: "")
    }
}
