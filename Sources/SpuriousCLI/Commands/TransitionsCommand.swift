import ArgumentParser
import Families
import LossModel
import MultiPrecision
import Report

struct TransitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transitions",
        abstract: "Every saddle/minimum transition and fold of a family, with d to proved digits.",
        discussion: """
            Follows the family (by default both ways: down to where its spectrum stops being \
            defined, up to --max-d) and locates each fold and each sign change of an isotypic \
            Hessian eigenvalue to --digits digits. A printed digit is proved: d is located at \
            two precisions and only agreeing digits are kept, and for a transition the crossing \
            eigenvalue has opposite signs one unit of the last digit below and above. With no \
            --partition, the built-in families (one-flipped and two-flipped) are reported.

            Examples:
              spurious transitions
              spurious transitions --partition d-1,1 --seed 1.00435,-0.01581,0.18237,0.12604,-0.69904 \\
                --seed-d 10 --digits 50 --format json
            """)

    @OptionGroup var family: FamilyOptions

    @Option(parsing: .unconditional, help: "Follow from --seed-d to this d only (default: both ways).")
    var to: Double?

    @Option(name: .customLong("max-d"), help: "Upper end when following both ways.")
    var maxD: Double = 40

    @Option(help: "Proved significant digits for each d (1 to 1000).")
    var digits: Int = 30

    @Option(help: "Output format: table, csv or json.")
    var format: TransitionsFormat = .table

    @Option(help: "Also write each family's bifurcation diagram as CSV into this directory (created if missing), one file per family named after it, e.g. d-1-1-one-flipped.csv.")
    var diagrams: String?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard (1...1000).contains(digits) else { throw ValidationError("--digits must be between 1 and 1000, got \(digits)") }
        if to != nil && family.partition == nil {
            throw ValidationError("--to needs a family (--partition and --seed)")
        }
    }

    func run() throws {
        let families = try family.family().map { [$0] } ?? Family.builtIn()
        let progress = ProgressLine(quiet: quiet)
        var events: [LocatedFamilyEvent] = []
        var notes: [String] = []
        for chosen in families {
            let run = try FamilyRun.follow(chosen, to: to, maxD: maxD, maxSteps: 4000, digits: digits, progress: progress)
            events += run.located
            notes.append(run.note())
            if let diagrams { try run.write(csv: try DiagramDirectory.path(for: chosen, in: diagrams)) }
        }
        progress.finish()
        let report = TransitionsReport(events: events, notes: notes)
        switch format {
        case .table: print(report.table(), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        case .json: print(report.json().rendered(), terminator: "")
        }
    }
}

enum TransitionsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}
