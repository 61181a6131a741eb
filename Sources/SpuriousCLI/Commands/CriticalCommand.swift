import ArgumentParser
import LossModel
import MultiPrecision
import Report
import Spurious

struct CriticalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "critical",
        abstract: "Find the critical points of a fixed space's reduced loss at one d, by Newton's method with deflation.",
        discussion: """
            Damped Newton's method with deflation runs from --starts random starts (diagonal \
            variables D* uniform in [-1.5, 1.5], the others in [-1, 1], drawn from SplitMix64 \
            seeded with --rng-seed, so the same seed gives the same starts on every machine); \
            each point found is deflated so that later starts look elsewhere, and a start whose \
            deflated run fails is run once more without deflation; with --jobs 2 or more the next starts' \
            runs are computed ahead on other threads (the same points). Each distinct \
            point is polished (--jobs points at a time), labelled from its full Hessian spectrum (global minimum, \
            spurious minimum, saddle or degenerate) and given its isotropy: the coarsest \
            partition whose fixed space contains it. Loss, coordinates and smallest eigenvalue \
            are printed to --digits proved digits (recomputed at two precisions). Starts that \
            meet a singular point (a zero row) are counted, not reported; the global minimum \
            W = I is reported, by its zero loss.

            Example (finds the one-flipped spurious minimum of docs/design.md section 4 and the global minimum):
              spurious critical --partition d-1,1 --d 10 --starts 200 --rng-seed 1
            """)

    @OptionGroup var repeated: RepeatedOptions

    @Option(
        help: "Fixed space as a partition, e.g. d-1,1 or d-2,2 (suffix r: rows only, c: columns only).",
        transform: ArgumentParsing.partition)
    var partition: Partition

    @Option(
        name: .customLong("d"), parsing: .unconditional,
        help: "The dimension d, any real number at which every block of the partition is valid (e.g. 10 or 5.5).",
        transform: ArgumentParsing.decimal)
    var d: DecimalLiteral

    @Option(parsing: .unconditional, help: "Number of random starts (1 to 100000).")
    var starts: Int = 200

    @Option(name: .customLong("rng-seed"), parsing: .unconditional, help: "Seed of the random starts (0 to 2^64 - 1); the same seed gives the same starts and results.")
    var rngSeed: UInt64 = 1

    @OptionGroup var digits: DigitsOption<Digits>

    enum Digits: DigitsLimits {
        static let defaultDigits = 15
        static let maximum = 1000
        static let meaning = "Proved significant digits of loss, coordinates and smallest eigenvalue"
    }

    @Option(help: "Output format: table, json or csv.")
    var format: CriticalFormat = .table

    @OptionGroup var jobs: JobsOption

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        guard (1...100_000).contains(starts) else {
            throw ValidationError("--starts must be between 1 and 100000, got \(starts)")
        }
        do { try partition.validate(d: d) } catch { throw ValidationError("--d: \(error)") }
        guard FixedSpace(partition).dimension > 0 else {
            throw ValidationError("--partition: \(CriticalPointSearchError.emptyFixedSpace(partition: partition.description))")
        }
    }

    func run() throws {
        let progress = ProgressLine(quiet: quiet)
        let request = CriticalRequest(partition: partition, d: d, starts: starts, rngSeed: rngSeed, digits: digits.digits, jobs: jobs.jobs)
        let report = CriticalReport(try BlockingWait.run { try await CriticalJob.run(request, progress: progress) })
        progress.finish()
        switch format {
        case .table: try StandardOutput.write(report.table())
        case .json: try StandardOutput.write(report.json().rendered())
        case .csv: try StandardOutput.write(report.csv())
        }
    }
}

enum CriticalFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
